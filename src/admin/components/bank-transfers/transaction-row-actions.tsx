import { DropdownMenu, IconButton, toast } from "@medusajs/ui"
import {
  ArrowUturnLeft,
  DocumentText,
  EllipsisHorizontal,
  Link,
  XCircle,
} from "@medusajs/icons"
import { useState } from "react"
import { ReasonPrompt } from "../common/reason-prompt"
import { useIgnoreTransaction } from "../../hooks/mutations"
import type { BankTransaction } from "../../../types/http"

const MATCHABLE = ["unmatched", "suggested", "partially_applied"]
const DISMISSABLE = ["unmatched", "suggested"]

/**
 * What an accountant can do with one line of money: see every report of it, match it, say it is
 * not ours, or send it back.
 */
export function TransactionRowActions({
  tx,
  onMatch,
  onReports,
}: {
  tx: BankTransaction
  onMatch: (tx: BankTransaction) => void
  onReports: (tx: BankTransaction) => void
}) {
  const [prompt, setPrompt] = useState<"ignore" | "return" | null>(null)
  const ignore = useIgnoreTransaction()
  const incoming = tx.direction === "in"
  const canMatch = incoming && MATCHABLE.includes(tx.status)
  const canDismiss = incoming && DISMISSABLE.includes(tx.status)

  return (
    <>
      {/* Not modal: a modal menu that opens a dialog leaves the page unclickable (Radix). */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger asChild>
          <IconButton
            size="small"
            variant="transparent"
            aria-label="Actions"
            data-testid="bt-tx-actions"
          >
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item
            className="gap-x-2"
            onClick={() => onReports(tx)}
            data-testid="bt-tx-reports"
          >
            <DocumentText />
            Reports of this transfer…
          </DropdownMenu.Item>
          {canMatch && (
            <DropdownMenu.Item
              className="gap-x-2"
              onClick={() => onMatch(tx)}
              data-testid="bt-tx-match"
            >
              <Link />
              Match to an order…
            </DropdownMenu.Item>
          )}
          {canDismiss && (
            <>
              <DropdownMenu.Item
                className="gap-x-2"
                onClick={() => setPrompt("ignore")}
                data-testid="bt-tx-ignore"
              >
                <XCircle />
                Not ours (ignore)…
              </DropdownMenu.Item>
              <DropdownMenu.Item
                className="gap-x-2"
                onClick={() => setPrompt("return")}
                data-testid="bt-tx-return"
              >
                <ArrowUturnLeft />
                Mark for return…
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu>
      <ReasonPrompt
        open={!!prompt}
        onOpenChange={(o) => !o && setPrompt(null)}
        title={
          prompt === "return" ? "Mark for return?" : "Ignore this transaction?"
        }
        description={
          prompt === "return"
            ? "The money is to be sent back to the sender. It leaves the unmatched queue."
            : "This money is not for any order (a refund from a supplier, an internal transfer…). It leaves the unmatched queue."
        }
        confirmText={prompt === "return" ? "Mark for return" : "Ignore"}
        onConfirm={(reason) =>
          ignore
            .mutateAsync({
              id: tx.id,
              reason: reason || undefined,
              return: prompt === "return",
            })
            .then(() =>
              toast.success(
                prompt === "return"
                  ? "Marked for return"
                  : "Transaction ignored"
              )
            )
        }
      />
    </>
  )
}
