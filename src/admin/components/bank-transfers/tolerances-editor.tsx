import { Button, IconButton, Input, Select, Text } from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import type {
  SettingsForm,
  ToleranceRow,
  WriteOffRow,
} from "../../lib/settings-form"

type Props = { form: SettingsForm; onChange: (f: SettingsForm) => void }

/** Per currency: the suggestion tolerance (fixed or %) and the write-off that still counts as paid. */
export function TolerancesEditor({ form, onChange }: Props) {
  const setTol = (i: number, patch: Partial<ToleranceRow>) =>
    onChange({
      ...form,
      tolerances: form.tolerances.map((t, j) =>
        j === i ? { ...t, ...patch } : t
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
          Suggestion tolerance
        </Text>
        {form.tolerances.map((t, i) => (
          <div
            key={i}
            className="grid grid-cols-[80px_120px_1fr_auto] items-center gap-x-2"
            data-testid="bt-tolerance-row"
          >
            <Input
              size="small"
              value={t.currency}
              aria-label="Currency"
              onChange={(e) => setTol(i, { currency: e.target.value })}
            />
            <Select
              size="small"
              value={t.type}
              onValueChange={(type) =>
                setTol(i, { type: type as ToleranceRow["type"] })
              }
            >
              <Select.Trigger aria-label="Tolerance type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="fixed">Amount</Select.Item>
                <Select.Item value="percent">Percent</Select.Item>
              </Select.Content>
            </Select>
            <Input
              size="small"
              inputMode="decimal"
              value={t.value}
              aria-label={
                t.type === "fixed" ? "Tolerance amount" : "Tolerance percent"
              }
              data-testid="bt-tolerance-value"
              onChange={(e) => setTol(i, { value: e.target.value })}
            />
            <IconButton
              size="small"
              variant="transparent"
              aria-label="Remove"
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
          Add a currency
        </Button>
      </div>
      <div className="flex flex-col gap-y-2" data-testid="bt-write-off">
        <Text size="small" weight="plus">
          Write-off (an underpayment this small still counts as paid)
        </Text>
        {form.write_off.map((w, i) => (
          <div
            key={i}
            className="grid grid-cols-[80px_1fr_auto] items-center gap-x-2"
          >
            <Input
              size="small"
              value={w.currency}
              aria-label="Currency"
              onChange={(e) => setWo(i, { currency: e.target.value })}
            />
            <Input
              size="small"
              inputMode="decimal"
              value={w.amount}
              aria-label="Write-off amount"
              onChange={(e) => setWo(i, { amount: e.target.value })}
            />
            <IconButton
              size="small"
              variant="transparent"
              aria-label="Remove"
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
          Add a write-off
        </Button>
      </div>
    </div>
  )
}
