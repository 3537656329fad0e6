/** Medusa registers the plugin's payment provider as `pp_bank-transfer_<id>`. */
export const BANK_TRANSFER_PROVIDER_PREFIX = "pp_bank-transfer"

/** Whether a payment provider id (a payment's or session's `provider_id`) is this plugin's. */
export function isBankTransfer(providerId?: string | null): boolean {
  return (
    typeof providerId === "string" &&
    providerId.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)
  )
}
