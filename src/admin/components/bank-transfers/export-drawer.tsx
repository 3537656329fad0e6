import { useState } from "react"
import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { downloadLedgerExport } from "../../hooks/ledger"
import { errorMessage } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"

/** Today and the first of its month, as YYYY-MM-DD in the browser's calendar. */
function thisMonth(): { from: string; to: string } {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, "0")
  const to = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return { from: `${to.slice(0, 8)}01`, to }
}

/**
 * The ledger for the books: a period (the shop's days, both included, at most 366) and a format,
 * downloaded through the admin's session. The server's refusal (too long a period, too many rows
 * for XLSX) is shown as it says it.
 */
export function ExportDrawer({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { t } = useI18n()
  const [period, setPeriod] = useState(thisMonth)
  const [format, setFormat] = useState<"csv" | "xlsx">("xlsx")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const valid = !!period.from && !!period.to && period.from <= period.to

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await downloadLedgerExport({ ...period, format })
      toast.success(t("bankTransfer.ledger.exported"))
      onOpenChange(false)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="bt-export-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.ledger.exportTitle")}</Drawer.Title>
          <Drawer.Description>
            {t("bankTransfer.ledger.exportDescription")}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="grid grid-cols-2 gap-3">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="bt-export-from" size="small" weight="plus">
                {t("bankTransfer.filters.from")}
              </Label>
              <Input
                id="bt-export-from"
                type="date"
                value={period.from}
                onChange={(e) => setPeriod({ ...period, from: e.target.value })}
                data-testid="bt-export-from"
              />
            </div>
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="bt-export-to" size="small" weight="plus">
                {t("bankTransfer.filters.to")}
              </Label>
              <Input
                id="bt-export-to"
                type="date"
                value={period.to}
                onChange={(e) => setPeriod({ ...period, to: e.target.value })}
                data-testid="bt-export-to"
              />
            </div>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="bt-export-format" size="small" weight="plus">
              {t("bankTransfer.ledger.format")}
            </Label>
            <Select
              value={format}
              onValueChange={(v) => setFormat(v as "csv" | "xlsx")}
            >
              <Select.Trigger
                id="bt-export-format"
                data-testid="bt-export-format"
              >
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="xlsx">
                  {t("bankTransfer.ledger.formatXlsx")}
                </Select.Item>
                <Select.Item value="csv">
                  {t("bankTransfer.ledger.formatCsv")}
                </Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {t("bankTransfer.ledger.exportNote")}
          </Text>
          {error && (
            <Text
              size="small"
              className="text-ui-fg-error"
              data-testid="bt-export-error"
            >
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("bankTransfer.ledger.cancel")}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            onClick={submit}
            isLoading={busy}
            disabled={!valid}
            data-testid="bt-export-submit"
          >
            {t("bankTransfer.ledger.download")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
