import { Badge, Button, Heading, Table, toast } from "@medusajs/ui"
import { useState } from "react"
import { ReasonPrompt } from "../common/reason-prompt"
import { useI18n } from "../../hooks/use-i18n"
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
  const { t, money, dateTime } = useI18n()
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
      <Heading level="h3">{t("bankTransfer.allocations.title")}</Heading>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("bankTransfer.allocations.applied")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.allocations.transaction")}
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                {t("bankTransfer.common.amount")}
              </Table.HeaderCell>
              <Table.HeaderCell>{t("bankTransfer.common.by")}</Table.HeaderCell>
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
                  {dateTime(a.created_at)}
                </Table.Cell>
                <Table.Cell className="max-w-[280px]">
                  {a.transaction ? (
                    <>
                      <div className="truncate font-mono">
                        {a.transaction.memo || t("bankTransfer.common.noMemo")}
                      </div>
                      <div className="text-ui-fg-muted txt-compact-xsmall">
                        {dateTime(a.transaction.booked_at)} ·{" "}
                        {money(
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
                  {money(a.amount, currency)}
                </Table.Cell>
                <Table.Cell
                  className="txt-compact-xsmall text-ui-fg-subtle whitespace-nowrap"
                  title={a.created_by}
                >
                  {actorLabel(a.created_by, t)}
                  {a.created_by_name ? ` · ${a.created_by_name}` : ""}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {a.reversed_at ? (
                    <Badge size="2xsmall" color="grey">
                      {t("bankTransfer.allocations.undone")}
                    </Badge>
                  ) : (
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => setUndoing(a)}
                      data-testid="bt-allocation-undo"
                    >
                      {t("bankTransfer.actions.undo")}
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
        title={t("bankTransfer.allocations.undoTitle")}
        description={
          undoing
            ? t("bankTransfer.allocations.undoDescription", {
                amount: money(undoing.amount, currency),
              })
            : undefined
        }
        confirmText={t("bankTransfer.actions.undo")}
        required
        onConfirm={async (reason) => {
          const res = await undo.mutateAsync({ id: undoing!.id, reason })
          toast.success(
            res?.replayed
              ? t("bankTransfer.allocations.undoneAlready")
              : t("bankTransfer.allocations.undoneToast")
          )
        }}
      />
    </div>
  )
}
