import { Input, Label, Select } from "@medusajs/ui"
import type { FilterState } from "../../lib/filters"
import { TRANSACTION_STATUSES, transactionStatus } from "../../lib/status"
import { useI18n } from "../../hooks/use-i18n"

type Props = {
  value: FilterState
  onChange: (next: FilterState) => void
  /** The statuses select; the order page's search uses a simpler toggle instead. */
  showStatus?: boolean
  showDirection?: boolean
  /** The receiving account filter (the Bank transfers page). */
  showAccount?: boolean
}

function Field({
  id,
  label,
  children,
}: {
  id: string
  label: string
  children: React.ReactNode
}) {
  return (
    <div className="flex min-w-0 flex-col gap-y-1">
      <Label
        htmlFor={id}
        size="xsmall"
        weight="plus"
        className="text-ui-fg-subtle"
      >
        {label}
      </Label>
      {children}
    </div>
  )
}

/** Date range, amount range and text search over the ledger, shared by the page and the order. */
export function TransactionFilterBar({
  value,
  onChange,
  showStatus,
  showDirection,
  showAccount,
}: Props) {
  const { t } = useI18n()
  const set =
    (k: keyof FilterState) => (e: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ ...value, [k]: e.target.value })
  return (
    <div
      className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8"
      data-testid="bt-filters"
    >
      <div className="col-span-2">
        <Field id="bt-f-q" label={t("bankTransfer.filters.query")}>
          <Input
            id="bt-f-q"
            size="small"
            type="search"
            placeholder="DH1042, 0912…"
            value={value.q}
            onChange={set("q")}
            data-testid="bt-filter-q"
          />
        </Field>
      </div>
      <Field id="bt-f-from" label={t("bankTransfer.filters.from")}>
        <Input
          id="bt-f-from"
          size="small"
          type="date"
          value={value.from}
          onChange={set("from")}
          data-testid="bt-filter-from"
        />
      </Field>
      <Field id="bt-f-to" label={t("bankTransfer.filters.to")}>
        <Input
          id="bt-f-to"
          size="small"
          type="date"
          value={value.to}
          onChange={set("to")}
          data-testid="bt-filter-to"
        />
      </Field>
      <Field id="bt-f-min" label={t("bankTransfer.filters.min")}>
        <Input
          id="bt-f-min"
          size="small"
          inputMode="decimal"
          placeholder="0"
          value={value.min}
          onChange={set("min")}
          data-testid="bt-filter-min"
        />
      </Field>
      <Field id="bt-f-max" label={t("bankTransfer.filters.max")}>
        <Input
          id="bt-f-max"
          size="small"
          inputMode="decimal"
          placeholder={t("bankTransfer.filters.any")}
          value={value.max}
          onChange={set("max")}
          data-testid="bt-filter-max"
        />
      </Field>
      {showAccount && (
        <Field id="bt-f-account" label={t("bankTransfer.ledger.account")}>
          <Input
            id="bt-f-account"
            size="small"
            inputMode="numeric"
            placeholder={t("bankTransfer.filters.any")}
            value={value.account}
            onChange={set("account")}
            data-testid="bt-filter-account"
          />
        </Field>
      )}
      {showStatus && (
        <Field id="bt-f-status" label={t("bankTransfer.common.status")}>
          <Select
            size="small"
            value={value.status}
            onValueChange={(status) => onChange({ ...value, status })}
          >
            <Select.Trigger id="bt-f-status" data-testid="bt-filter-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">
                {t("bankTransfer.filters.allStatuses")}
              </Select.Item>
              {TRANSACTION_STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {transactionStatus(s, t).label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      )}
      {showDirection && (
        <Field id="bt-f-direction" label={t("bankTransfer.filters.direction")}>
          <Select
            size="small"
            value={value.direction}
            onValueChange={(direction) => onChange({ ...value, direction })}
          >
            <Select.Trigger
              id="bt-f-direction"
              data-testid="bt-filter-direction"
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="in">
                {t("bankTransfer.filters.incoming")}
              </Select.Item>
              <Select.Item value="out">
                {t("bankTransfer.filters.outgoing")}
              </Select.Item>
              <Select.Item value="all">
                {t("bankTransfer.filters.both")}
              </Select.Item>
            </Select.Content>
          </Select>
        </Field>
      )}
    </div>
  )
}
