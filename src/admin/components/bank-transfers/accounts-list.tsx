import { Copy, Text } from "@medusajs/ui"
import type { Settings } from "../../../types/http"
import { useI18n } from "../../hooks/use-i18n"

export function AccountsList({ accounts }: { accounts: Settings["accounts"] }) {
  const { t } = useI18n()
  return (
    <div className="flex flex-col gap-y-2">
      {accounts.map((a) => (
        <div
          key={a.account_number}
          className="bg-ui-bg-subtle flex flex-wrap items-center gap-x-3 rounded-md border px-3 py-2"
        >
          <Text size="small" weight="plus">
            {a.bank_name ?? a.swift ?? a.bank_bin}
          </Text>
          <Text size="small" className="font-mono">
            {a.account_number}
          </Text>
          <Copy content={a.account_number} variant="mini" />
          <Text size="small" className="text-ui-fg-subtle">
            {a.account_holder} · {a.currency}
            {a.bank_bin
              ? ` · ${t("bankTransfer.settings.bin", { bin: a.bank_bin })}`
              : ""}
          </Text>
        </div>
      ))}
    </div>
  )
}
