import { Container, Heading, Text } from "@medusajs/ui"
import { SuggestionsSection } from "./suggestions-section"
import { AllocationsSection } from "./allocations-section"
import { AuditTimeline } from "./audit-timeline"
import type { Expectation, OrderTransfer } from "../../../types/http"
import { useI18n } from "../../hooks/use-i18n"

/** The accountant's side of one order: what might pay it, what did, and what happened. */
export function ReconciliationPanel({
  transfer,
}: {
  transfer: OrderTransfer & { expectation: Expectation }
}) {
  const { t } = useI18n()
  const e = transfer.expectation
  return (
    <Container className="divide-y p-0" data-testid="bt-reconciliation">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("bankTransfer.reconciliation.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle font-mono">
          {e.reference}
        </Text>
      </div>
      <SuggestionsSection
        expectation={e}
        suggestions={transfer.suggestions ?? []}
      />
      <AllocationsSection
        allocations={transfer.allocations ?? []}
        currency={e.currency_code}
      />
      <AuditTimeline audit={transfer.audit ?? []} />
    </Container>
  )
}
