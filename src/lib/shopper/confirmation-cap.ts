import { MedusaError } from "@medusajs/framework/utils"

/**
 * Throws NOT_ALLOWED (400) when `stored` confirmations plus one more carrying `newFiles` files
 * would exceed the caps.
 */
export function capProblem(
  stored: { files?: unknown }[],
  newFiles: number,
  limits: { per_order: number; files_per_order: number }
) {
  if (stored.length >= limits.per_order) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This order already has ${limits.per_order} payment confirmations: no more are accepted; please contact the shop`
    )
  }
  const files = stored.reduce(
    (n, c) => n + (Array.isArray(c.files) ? c.files.length : 0),
    0
  )
  if (files + newFiles > limits.files_per_order) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This order already has ${files} proof files (at most ${limits.files_per_order}): no more are accepted; please contact the shop`
    )
  }
}
