import { Button, Text } from "@medusajs/ui"
import { ArrowDownTray } from "@medusajs/icons"
import { download } from "../../lib/sdk"
import { useI18n } from "../../hooks/use-i18n"
import { toastError } from "../../lib/errors"
import type { Confirmation } from "../../../types/http"

/** What the shopper said when they confirmed ("I have paid"), with their proof files. */
export function ConfirmationsList({
  confirmations,
  currency,
}: {
  confirmations: Confirmation[]
  currency: string
}) {
  const { t, money, date, dateTime } = useI18n()
  if (!confirmations.length) {
    return null
  }
  return (
    <div
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="bt-confirmations"
    >
      <Text size="small" weight="plus">
        {t("bankTransfer.confirmations.title")}
      </Text>
      {confirmations.map((c) => (
        <div
          key={c.id}
          className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md border px-3 py-2"
        >
          <Text size="xsmall" className="text-ui-fg-muted">
            {dateTime(c.created_at)}
            {c.paid_on
              ? ` · ${t("bankTransfer.confirmations.paidOn", { date: date(c.paid_on) })}`
              : ""}
            {c.amount !== null && c.amount !== undefined
              ? ` · ${money(c.amount, currency)}`
              : ""}
          </Text>
          {c.message && (
            <Text size="small" className="whitespace-pre-wrap">
              {c.message}
            </Text>
          )}
          {(c.files ?? []).map((f) => (
            <Button
              key={f.id}
              size="small"
              variant="transparent"
              className="self-start"
              onClick={() =>
                download(f.url, f.filename).catch((e) =>
                  toastError(e, t, t("bankTransfer.actions.download"))
                )
              }
            >
              <ArrowDownTray />
              {f.filename}
            </Button>
          ))}
        </div>
      ))}
    </div>
  )
}
