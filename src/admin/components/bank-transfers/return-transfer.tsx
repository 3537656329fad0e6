import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { useI18n } from "../../hooks/use-i18n"
import { QrCode } from "../common/qr-code"
import type { ReturnItemView } from "../../../types/http"

/** A value with a copy button (the accountant pastes it into the banking app). */
function CopyRow({
  label,
  value,
  testId,
}: {
  label: string
  value: string
  testId: string
}) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <div className="flex items-center justify-between gap-x-3 py-1">
      <div className="min-w-0">
        <Text size="xsmall" className="text-ui-fg-muted">
          {label}
        </Text>
        <Text
          size="small"
          weight="plus"
          className="break-all"
          data-testid={testId}
        >
          {value}
        </Text>
      </div>
      <Button
        size="small"
        variant="transparent"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined)
          setCopied(true)
          setTimeout(() => setCopied(false), 1500)
        }}
      >
        {copied
          ? t("bankTransfer.returns.copied")
          : t("bankTransfer.returns.copy")}
      </Button>
    </div>
  )
}

/**
 * What to transfer back to the payer: the VietQR (when the payer's bank was reported, in VND)
 * and the account, amount and memo to copy; or why there is none.
 */
export function ReturnTransfer({ item }: { item: ReturnItemView }) {
  const { t, money } = useI18n()
  const transfer = item.transfer
  if (!transfer) {
    return (
      <Text
        size="small"
        className="text-ui-fg-subtle"
        data-testid="bt-return-no-transfer"
      >
        {t("bankTransfer.returns.noTransfer")}
      </Text>
    )
  }
  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-return-transfer">
      <Text size="small" className="text-ui-fg-subtle">
        {t("bankTransfer.returns.transferHint")}
      </Text>
      {transfer.qr_svg && (
        <div className="flex justify-center">
          <QrCode
            svg={transfer.qr_svg}
            label={t("bankTransfer.returns.qrLabel")}
          />
        </div>
      )}
      <div className="flex flex-col divide-y">
        {transfer.bank_bin && (
          <CopyRow
            label={t("bankTransfer.returns.bank")}
            value={transfer.bank_bin}
            testId="bt-return-bank"
          />
        )}
        <CopyRow
          label={t("bankTransfer.returns.account")}
          value={transfer.account_number}
          testId="bt-return-account"
        />
        {transfer.account_name && (
          <CopyRow
            label={t("bankTransfer.returns.accountName")}
            value={transfer.account_name}
            testId="bt-return-account-name"
          />
        )}
        <CopyRow
          label={`${t("bankTransfer.returns.amount")} (${money(transfer.amount, transfer.currency_code)})`}
          value={transfer.amount}
          testId="bt-return-amount"
        />
        <CopyRow
          label={t("bankTransfer.returns.memo")}
          value={transfer.memo}
          testId="bt-return-memo"
        />
      </div>
    </div>
  )
}
