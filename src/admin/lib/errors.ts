import { toast } from "@medusajs/ui"
import type { Translate } from "./i18n"

/** The server's own message (Medusa answers `{ message }`; the JS SDK puts it on the error). */
export function errorMessage(error: unknown, t?: Translate): string {
  const failed = t ? t("bankTransfer.errors.requestFailed") : "Request failed"
  if (
    error &&
    typeof error === "object" &&
    "message" in error &&
    typeof (error as any).message === "string"
  ) {
    return (error as any).message || failed
  }
  return typeof error === "string" ? error : failed
}

export function errorStatus(error: unknown): number | undefined {
  return error && typeof error === "object" && "status" in error
    ? Number((error as any).status)
    : undefined
}

/**
 * A 404 without a message of its own: the route itself does not exist (the server runs a plugin
 * version without it), as opposed to "Order x has no bank-transfer payment".
 */
export function isMissingRoute(error: unknown): boolean {
  const message = errorMessage(error)
  return (
    errorStatus(error) === 404 &&
    (/^not found$/i.test(message) || /^cannot (get|post|delete)/i.test(message))
  )
}

/**
 * Every failed action ends here: the accountant sees what the server said (in the server's words),
 * after the action's name in the admin's language.
 */
export function toastError(error: unknown, t: Translate, what?: string) {
  if (isMissingRoute(error)) {
    toast.error(
      what
        ? t("bankTransfer.errors.notAvailableAction", { what })
        : t("bankTransfer.errors.notAvailable")
    )
    return
  }
  const message = errorMessage(error, t)
  toast.error(what ? `${what}: ${message}` : message)
}
