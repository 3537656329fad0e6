import { useEffect, useState } from "react"
import { Button, Label, Prompt, Textarea } from "@medusajs/ui"
import { useI18n } from "../../hooks/use-i18n"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  confirmText: string
  /** Undo needs a reason for the audit trail; ignoring a transfer does not. */
  required?: boolean
  variant?: "danger" | "confirmation"
  /** Throwing (or rejecting) keeps the prompt open: the error toast is shown by the mutation. */
  onConfirm: (reason: string) => Promise<unknown>
}

/**
 * Medusa's Prompt with a reason field. usePrompt() only asks yes/no, and these actions are audited
 * with the accountant's words, so the prompt is composed here.
 */
export function ReasonPrompt({
  open,
  onOpenChange,
  title,
  description,
  confirmText,
  required,
  variant = "danger",
  onConfirm,
}: Props) {
  const { t } = useI18n()
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (open) {
      setReason("")
    }
  }, [open])

  const submit = async () => {
    setBusy(true)
    try {
      await onConfirm(reason.trim())
      onOpenChange(false)
    } catch {
      // Already reported by the mutation's toast; stay open so the reason is not lost.
    } finally {
      setBusy(false)
    }
  }

  return (
    <Prompt open={open} onOpenChange={onOpenChange} variant={variant}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          {description && (
            <Prompt.Description>{description}</Prompt.Description>
          )}
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pt-4">
          <Label htmlFor="bt-reason" size="small" weight="plus">
            {required
              ? t("bankTransfer.reason.label")
              : t("bankTransfer.reason.labelOptional")}
          </Label>
          <Textarea
            id="bt-reason"
            data-testid="bt-reason-input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            rows={3}
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={busy}>
            {t("bankTransfer.actions.cancel")}
          </Prompt.Cancel>
          <Button
            size="small"
            variant={variant === "danger" ? "danger" : "primary"}
            disabled={busy || (required && !reason.trim())}
            isLoading={busy}
            onClick={submit}
            data-testid="bt-reason-confirm"
          >
            {confirmText}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
