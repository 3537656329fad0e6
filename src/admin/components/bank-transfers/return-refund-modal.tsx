import {
  Button,
  FocusModal,
  Heading,
  Label,
  Select,
  Text,
  Textarea,
} from "@medusajs/ui"
import { useState } from "react"
import { useI18n } from "../../hooks/use-i18n"
import { recordedIn } from "../../lib/returns"
import {
  useRecordRefund,
  useRefundReasons,
  type RecordRefundResponse,
} from "../../hooks/returns"
import { ReturnTransfer } from "./return-transfer"
import type { ReturnItemView } from "../../../types/http"

const NO_REASON = "__none__"

/**
 * "Record refund" for one item: its amount (the whole item), a reason from Medusa's refund
 * reasons and a note; once recorded, the transfer back to the payer (VietQR and details to copy)
 * and where the refund was recorded (Medusa, the plugin, or both).
 */
export function ReturnRefundModal({
  item,
  onClose,
}: {
  item: ReturnItemView | null
  onClose: () => void
}) {
  const { t, money } = useI18n()
  const [reason, setReason] = useState(NO_REASON)
  const [note, setNote] = useState("")
  const [done, setDone] = useState<RecordRefundResponse | null>(null)
  const reasons = useRefundReasons(!!item)
  const record = useRecordRefund()
  const close = () => {
    setReason(NO_REASON)
    setNote("")
    setDone(null)
    onClose()
  }
  const shown = done?.return_item ?? item
  return (
    <FocusModal open={!!item} onOpenChange={(open) => !open && close()}>
      <FocusModal.Content data-testid="bt-return-refund-modal">
        <FocusModal.Header>
          <FocusModal.Title asChild>
            <Heading>{t("bankTransfer.returns.recordRefundTitle")}</Heading>
          </FocusModal.Title>
        </FocusModal.Header>
        <FocusModal.Body className="flex justify-center overflow-y-auto p-6">
          {shown && (
            <div className="flex w-full max-w-[480px] flex-col gap-y-5">
              {!done ? (
                <>
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("bankTransfer.returns.recordRefundDescription")}
                  </Text>
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" weight="plus">
                      {t("bankTransfer.returns.amount")}
                    </Label>
                    <Text
                      size="large"
                      weight="plus"
                      data-testid="bt-return-refund-amount"
                    >
                      {money(shown.amount, shown.currency_code)}
                    </Text>
                  </div>
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" weight="plus">
                      {t("bankTransfer.returns.reason")}
                    </Label>
                    <Select value={reason} onValueChange={setReason}>
                      <Select.Trigger data-testid="bt-return-reason">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value={NO_REASON}>
                          {t("bankTransfer.returns.noReason")}
                        </Select.Item>
                        {(reasons.data?.refund_reasons ?? []).map((r) => (
                          <Select.Item key={r.id} value={r.id}>
                            {r.label}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </div>
                  <div className="flex flex-col gap-y-1">
                    <Label size="small" weight="plus">
                      {t("bankTransfer.returns.note")}
                    </Label>
                    <Textarea
                      value={note}
                      maxLength={1000}
                      placeholder={t("bankTransfer.returns.notePlaceholder")}
                      onChange={(e) => setNote(e.target.value)}
                      data-testid="bt-return-note"
                    />
                  </div>
                </>
              ) : (
                <>
                  <Text
                    size="small"
                    weight="plus"
                    data-testid="bt-return-recorded-in"
                  >
                    {recordedIn(done.recorded_in, t)}
                  </Text>
                  <Heading level="h3">
                    {t("bankTransfer.returns.transferTitle")}
                  </Heading>
                  <ReturnTransfer item={done.return_item} />
                </>
              )}
            </div>
          )}
        </FocusModal.Body>
        <FocusModal.Footer>
          {!done ? (
            <>
              <Button size="small" variant="secondary" onClick={close}>
                {t("bankTransfer.actions.cancel")}
              </Button>
              <Button
                size="small"
                isLoading={record.isPending}
                data-testid="bt-return-refund-save"
                onClick={async () => {
                  if (!item) {
                    return
                  }
                  const res = await record
                    .mutateAsync({
                      id: item.id,
                      amount: item.amount,
                      refund_reason_id:
                        reason === NO_REASON ? undefined : reason,
                      note: note.trim() || undefined,
                    })
                    .catch(() => null)
                  if (res) {
                    setDone(res)
                  }
                }}
              >
                {t("bankTransfer.returns.save")}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              onClick={close}
              data-testid="bt-return-refund-done"
            >
              {t("bankTransfer.returns.done")}
            </Button>
          )}
        </FocusModal.Footer>
      </FocusModal.Content>
    </FocusModal>
  )
}
