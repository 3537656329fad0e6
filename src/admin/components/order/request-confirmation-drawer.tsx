import { Button, Drawer, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useRequestConfirmation } from "../../hooks/mutations"

// Bilingual by default: most shoppers read Vietnamese, some of the merchant's customers do not.
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
          toast.success("The shopper was asked to confirm the payment")
          onOpenChange(false)
        },
      }
    )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Ask the shopper to confirm payment</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3">
          <Text size="small" className="text-ui-fg-subtle">
            The shopper gets this message with a link to confirm their payment
            and attach a receipt. Their answer appears on this order.
          </Text>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="bt-confirm-message" size="small" weight="plus">
              Message
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
              Cancel
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            onClick={send}
            isLoading={request.isPending}
            disabled={!message.trim()}
            data-testid="bt-confirm-send"
          >
            Send
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
