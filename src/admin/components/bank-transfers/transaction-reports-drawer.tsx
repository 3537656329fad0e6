import { Badge, Drawer, Text } from "@medusajs/ui"
import { SightingFacts } from "./sighting-facts"
import { TransactionStatusBadge } from "../common/badges"
import { useShopTimeZone, useTransactionDetail } from "../../hooks/queries"
import { errorMessage } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"
import type { BankTransaction, SightingStatus } from "../../../types/http"

const ROLE: Record<SightingStatus, [string, "green" | "grey" | "orange"]> = {
  new_movement: ["bankTransfer.reports.first", "green"],
  same_movement: ["bankTransfer.reports.seenAgain", "grey"],
  possible_duplicate: ["bankTransfer.reports.held", "orange"],
}

/**
 * Every report of one transfer: the webhook deliveries and statement lines that told of it, each
 * with its source, booking time, memo and place in its file. The money was applied once.
 */
export function TransactionReportsDrawer({
  transaction,
  onClose,
}: {
  transaction: BankTransaction | null
  onClose: () => void
}) {
  const { t, money } = useI18n()
  const { data, isLoading, isError, error } = useTransactionDetail(
    transaction?.id
  )
  const timeZone = useShopTimeZone()
  if (!transaction) {
    return null
  }
  const sightings = data?.sightings ?? []
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="bt-reports-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.reports.title")}</Drawer.Title>
          <Drawer.Description>
            {t("bankTransfer.reports.description", {
              amount: money(transaction.amount, transaction.currency_code),
            })}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <div className="flex items-center gap-x-2">
            <TransactionStatusBadge status={transaction.status} />
          </div>
          {isError && (
            <Text size="small" className="text-ui-fg-error">
              {t("bankTransfer.reports.loadError", {
                message: errorMessage(error, t),
              })}
            </Text>
          )}
          {isLoading && (
            <Text size="small" className="text-ui-fg-muted">
              {t("bankTransfer.common.loading")}
            </Text>
          )}
          {!isLoading && !isError && !sightings.length && (
            <Text size="small" className="text-ui-fg-muted">
              {t("bankTransfer.reports.none")}
            </Text>
          )}
          {sightings.map((s) => {
            const [key, color] = ROLE[s.status] ?? [null, "grey"]
            const label = key ? t(key) : s.status
            return (
              <div
                key={s.id}
                className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md px-3 py-2"
              >
                <Badge size="2xsmall" color={color} className="self-start">
                  {label}
                </Badge>
                <SightingFacts sighting={s} timeZone={timeZone} />
              </div>
            )
          })}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
