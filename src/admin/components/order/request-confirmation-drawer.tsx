import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useRequestConfirmation } from "../../hooks/mutations"
import { useI18n } from "../../hooks/use-i18n"

// Bilingual by default, whatever the admin's language: the message goes to the shopper, and most
// shoppers read Vietnamese while some of the merchant's customers do not.
const DEFAULT_MESSAGE =
  "Chúng tôi chưa nhận được chuyển khoản cho đơn hàng này. Nếu bạn đã thanh toán, vui lòng xác nhận và gửi ảnh biên lai.\n" +
  "We have not received your transfer for this order yet. If you have paid, please confirm and attach the receipt."

/** Asks the shopper, in the admin's own words, to confirm a payment we cannot find. */
export function RequestConfirmationDrawer({
  orderId,
  open,
  onOpenChange,
}: {
  orderId: string
  open: boolean
  onOpenChange: (o: boolean) => void
}) {
  const { t } = useI18n()
  const [message, setMessage] = useState(DEFAULT_MESSAGE)
  const request = useRequestConfirmation()
  useEffect(() => {
    if (open) {
      setMessage(DEFAULT_MESSAGE)
    }
  }, [open])

  const send = () =>
    request.mutate(
      { order_id: orderId, message: message.trim() },
      {
        onSuccess: () => {
          toast.success(t("bankTransfer.request.sent"))
          onOpenChange(false)
        },
      }
    )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.actions.askShopper")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          <Text size="small" className="text-ui-fg-subtle">
            {t("bankTransfer.request.hint")}
          </Text>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="bt-confirm-message" size="small" weight="plus">
              {t("bankTransfer.request.message")}
            </Label>
            <Textarea
              id="bt-confirm-message"
              data-testid="bt-confirm-message"
              rows={8}
              maxLength={2000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("bankTransfer.actions.cancel")}
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            onClick={send}
            isLoading={request.isPending}
            disabled={!message.trim()}
            data-testid="bt-confirm-send"
          >
            {t("bankTransfer.request.send")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
