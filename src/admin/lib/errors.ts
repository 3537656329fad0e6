import { toast } from "@medusajs/ui"

/** The server's own message (Medusa answers `{ message }`; the JS SDK puts it on the error). */
export function errorMessage(error: unknown): string {
  if (
    error &&
    typeof error === "object" &&
    "message" in error &&
    typeof (error as any).message === "string"
  ) {
    return (error as any).message || "Request failed"
  }
  return typeof error === "string" ? error : "Request failed"
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

/** Every failed action ends here: the accountant sees what the server said. */
export function toastError(error: unknown, what?: string) {
  if (isMissingRoute(error)) {
    toast.error(
      `${what ?? "This action"} is not available on this server yet (404)`
    )
    return
  }
  const message = errorMessage(error)
  toast.error(what ? `${what}: ${message}` : message)
}
