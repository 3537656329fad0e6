import { Badge, Drawer, Text } from "@medusajs/ui"
import { SightingFacts } from "./sighting-facts"
import { TransactionStatusBadge } from "../common/badges"
import { useShopTimeZone, useTransactionDetail } from "../../hooks/queries"
import { formatMoney } from "../../lib/money"
import { errorMessage } from "../../lib/errors"
import type { BankTransaction, SightingStatus } from "../../../types/http"

const ROLE: Record<SightingStatus, [string, "green" | "grey" | "orange"]> = {
  new_movement: ["First report", "green"],
  same_movement: ["Seen again: not applied again", "grey"],
  possible_duplicate: ["Held as a possible duplicate", "orange"],
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
          <Drawer.Title>Reports of this transfer</Drawer.Title>
          <Drawer.Description>
            {formatMoney(transaction.amount, transaction.currency_code)} ·
            applied once, however many times it was reported
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <div className="flex items-center gap-x-2">
            <TransactionStatusBadge status={transaction.status} />
          </div>
          {isError && (
            <Text size="small" className="text-ui-fg-error">
              Could not load the reports: {errorMessage(error)}
            </Text>
          )}
          {isLoading && (
            <Text size="small" className="text-ui-fg-muted">
              Loading…
            </Text>
          )}
          {!isLoading && !isError && !sightings.length && (
            <Text size="small" className="text-ui-fg-muted">
              No report is kept for this transfer (recorded by an earlier
              version).
            </Text>
          )}
          {sightings.map((s) => {
            const [label, color] = ROLE[s.status] ?? [s.status, "grey"]
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
