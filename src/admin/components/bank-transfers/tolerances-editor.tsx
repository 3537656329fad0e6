import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import type {
  SettingsForm,
  ToleranceRow,
  WriteOffRow,
} from "../../lib/settings-form"
import { useI18n } from "../../hooks/use-i18n"

type Props = { form: SettingsForm; onChange: (f: SettingsForm) => void }

/** Per currency: the suggestion tolerance (fixed or %) and the write-off that still counts as paid. */
export function TolerancesEditor({ form, onChange }: Props) {
  const { t } = useI18n()
  const setTol = (i: number, patch: Partial<ToleranceRow>) =>
    onChange({
      ...form,
      tolerances: form.tolerances.map((row, j) =>
        j === i ? { ...row, ...patch } : row
      ),
    })
  const setWo = (i: number, patch: Partial<WriteOffRow>) =>
    onChange({
      ...form,
      write_off: form.write_off.map((w, j) =>
        j === i ? { ...w, ...patch } : w
      ),
    })

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="flex flex-col gap-y-2" data-testid="bt-tolerances">
        <Text size="small" weight="plus">
          {t("bankTransfer.tolerances.title")}
        </Text>
        {form.tolerances.map((tol, i) => (
          <div
            key={i}
            className="grid grid-cols-[80px_120px_1fr_auto] items-center gap-x-2"
            data-testid="bt-tolerance-row"
          >
            <Input
              size="small"
              value={tol.currency}
              aria-label={t("bankTransfer.tolerances.currency")}
              onChange={(e) => setTol(i, { currency: e.target.value })}
            />
            <Select
              size="small"
              value={tol.type}
              onValueChange={(type) =>
                setTol(i, { type: type as ToleranceRow["type"] })
              }
            >
              <Select.Trigger aria-label={t("bankTransfer.tolerances.type")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="fixed">
                  {t("bankTransfer.common.amount")}
                </Select.Item>
                <Select.Item value="percent">
                  {t("bankTransfer.tolerances.percent")}
                </Select.Item>
              </Select.Content>
            </Select>
            <Input
              size="small"
              inputMode="decimal"
              value={tol.value}
              aria-label={
                tol.type === "fixed"
                  ? t("bankTransfer.tolerances.amountLabel")
                  : t("bankTransfer.tolerances.percentLabel")
              }
              data-testid="bt-tolerance-value"
              onChange={(e) => setTol(i, { value: e.target.value })}
            />
            <IconButton
              size="small"
              variant="transparent"
              aria-label={t("bankTransfer.common.remove")}
              onClick={() =>
                onChange({
                  ...form,
                  tolerances: form.tolerances.filter((_, j) => j !== i),
                })
              }
            >
              <Trash />
            </IconButton>
          </div>
        ))}
        <Button
          size="small"
          variant="transparent"
          className="self-start"
          onClick={() =>
            onChange({
              ...form,
              tolerances: [
                ...form.tolerances,
                { currency: "", type: "fixed", value: "" },
              ],
            })
          }
        >
          <Plus />
          {t("bankTransfer.tolerances.addCurrency")}
        </Button>
      </div>
      <div className="flex flex-col gap-y-2" data-testid="bt-write-off">
        <Text size="small" weight="plus">
          {t("bankTransfer.tolerances.writeOff")}
        </Text>
        {form.write_off.map((w, i) => (
          <div
            key={i}
            className="grid grid-cols-[80px_1fr_auto] items-center gap-x-2"
          >
            <Input
              size="small"
              value={w.currency}
              aria-label={t("bankTransfer.tolerances.currency")}
              onChange={(e) => setWo(i, { currency: e.target.value })}
            />
            <Input
              size="small"
              inputMode="decimal"
              value={w.amount}
              aria-label={t("bankTransfer.tolerances.writeOffAmount")}
              onChange={(e) => setWo(i, { amount: e.target.value })}
            />
            <IconButton
              size="small"
              variant="transparent"
              aria-label={t("bankTransfer.common.remove")}
              onClick={() =>
                onChange({
                  ...form,
                  write_off: form.write_off.filter((_, j) => j !== i),
                })
              }
            >
              <Trash />
            </IconButton>
          </div>
        ))}
        <Button
          size="small"
          variant="transparent"
          className="self-start"
          onClick={() =>
            onChange({
              ...form,
              write_off: [...form.write_off, { currency: "VND", amount: "" }],
            })
          }
        >
          <Plus />
          {t("bankTransfer.tolerances.addWriteOff")}
        </Button>
      </div>
    </div>
  )
}
