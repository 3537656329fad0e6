import { useState } from "react"
import { Button, Prompt } from "@medusajs/ui"
import { useI18n } from "../../hooks/use-i18n"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  confirmText: string
  variant?: "danger" | "confirmation"
  /** Throwing (or rejecting) keeps the prompt open: the error toast is shown by the mutation. */
  onConfirm: () => Promise<unknown>
}

/**
 * Medusa's Prompt asking yes or no, controlled by the caller (unlike usePrompt(), which mounts a
 * root of its own): the confirm button waits for the action and the prompt stays open when it fails.
 */
export function ConfirmPrompt({
  open,
  onOpenChange,
  title,
  description,
  confirmText,
  variant = "confirmation",
  onConfirm,
}: Props) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    try {
      await onConfirm()
      onOpenChange(false)
    } catch {
      // Already reported by the mutation's toast.
    } finally {
      setBusy(false)
    }
  }
  return (
    <Prompt open={open} onOpenChange={onOpenChange} variant={variant}>
      <Prompt.Content data-testid="bt-confirm-prompt">
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          <Prompt.Description>{description}</Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel disabled={busy}>
            {t("bankTransfer.actions.cancel")}
          </Prompt.Cancel>
          <Button
            size="small"
            variant={variant === "danger" ? "danger" : "primary"}
            disabled={busy}
            isLoading={busy}
            onClick={submit}
            data-testid="bt-confirm-action"
          >
            {confirmText}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
