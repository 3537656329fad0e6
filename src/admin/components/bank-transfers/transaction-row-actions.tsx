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
import { useI18n } from "../../hooks/use-i18n"

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
  const { t } = useI18n()
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
            aria-label={t("bankTransfer.rowActions.label")}
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
            {t("bankTransfer.rowActions.reports")}
          </DropdownMenu.Item>
          {canMatch && (
            <DropdownMenu.Item
              className="gap-x-2"
              onClick={() => onMatch(tx)}
              data-testid="bt-tx-match"
            >
              <Link />
              {t("bankTransfer.rowActions.match")}
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
                {t("bankTransfer.rowActions.notOurs")}
              </DropdownMenu.Item>
              <DropdownMenu.Item
                className="gap-x-2"
                onClick={() => setPrompt("return")}
                data-testid="bt-tx-return"
              >
                <ArrowUturnLeft />
                {t("bankTransfer.rowActions.markForReturn")}
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu>
      <ReasonPrompt
        open={!!prompt}
        onOpenChange={(o) => !o && setPrompt(null)}
        title={
          prompt === "return"
            ? t("bankTransfer.rowActions.returnTitle")
            : t("bankTransfer.rowActions.notOursTitle")
        }
        description={
          prompt === "return"
            ? t("bankTransfer.rowActions.returnDescription")
            : t("bankTransfer.rowActions.notOursDescription")
        }
        confirmText={
          prompt === "return"
            ? t("bankTransfer.actions.markForReturn")
            : t("bankTransfer.actions.notOurs")
        }
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
                  ? t("bankTransfer.rowActions.returned")
                  : t("bankTransfer.rowActions.notOursDone")
              )
            )
        }
      />
    </>
  )
}
