import { Badge, Button, Heading, Table, toast } from "@medusajs/ui"
import { useState } from "react"
import { ReasonPrompt } from "../common/reason-prompt"
import { formatMoney } from "../../lib/money"
import { formatDateTime } from "../../lib/dates"
import { useUndoAllocation } from "../../hooks/mutations"
import { actorLabel } from "../../lib/status"
import type { Allocation } from "../../../types/http"

/** The money applied to this order, transaction by transaction, each one undoable with a reason. */
export function AllocationsSection({
  allocations,
  currency,
}: {
  allocations: Allocation[]
  currency: string
}) {
  const [undoing, setUndoing] = useState<Allocation | null>(null)
  const undo = useUndoAllocation()
  if (!allocations.length) {
    return null
  }

  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="bt-allocations"
    >
      <Heading level="h3">Applied transactions</Heading>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Applied</Table.HeaderCell>
              <Table.HeaderCell>Transaction</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>By</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {allocations.map((a) => (
              <Table.Row
                key={a.id}
                data-testid="bt-allocation"
                className={a.reversed_at ? "opacity-60" : undefined}
              >
                <Table.Cell className="whitespace-nowrap">
                  {formatDateTime(a.created_at)}
                </Table.Cell>
                <Table.Cell className="max-w-[280px]">
                  {a.transaction ? (
                    <>
                      <div className="truncate font-mono">
                        {a.transaction.memo || "(no memo)"}
                      </div>
                      <div className="text-ui-fg-muted txt-compact-xsmall">
                        {formatDateTime(a.transaction.booked_at)} ·{" "}
                        {formatMoney(
                          a.transaction.amount,
                          a.transaction.currency_code
                        )}
                      </div>
                    </>
                  ) : (
                    <span className="text-ui-fg-muted">{a.transaction_id}</span>
                  )}
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">
                  {formatMoney(a.amount, currency)}
                </Table.Cell>
                <Table.Cell
                  className="txt-compact-xsmall text-ui-fg-subtle whitespace-nowrap"
                  title={a.created_by}
                >
                  {actorLabel(a.created_by)}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {a.reversed_at ? (
                    <Badge size="2xsmall" color="grey">
                      Undone
                    </Badge>
                  ) : (
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => setUndoing(a)}
                      data-testid="bt-allocation-undo"
                    >
                      Undo
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <ReasonPrompt
        open={!!undoing}
        onOpenChange={(o) => !o && setUndoing(null)}
        title="Undo this allocation?"
        description={
          undoing
            ? `${formatMoney(undoing.amount, currency)} goes back to the transaction, which returns to the unmatched queue. ` +
              "What Medusa captured for it is refunded there, with your reason as the note, and the order returns to where it was before this money."
            : undefined
        }
        confirmText="Undo"
        required
        onConfirm={async (reason) => {
          const res = await undo.mutateAsync({ id: undoing!.id, reason })
          toast.success(
            res?.replayed
              ? "This allocation was undone already"
              : "Allocation undone"
          )
        }}
      />
    </div>
  )
}
