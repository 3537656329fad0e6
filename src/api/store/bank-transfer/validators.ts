import { z } from "@medusajs/framework/zod"

/**
 * GET /store/bank-transfer/orders/:id query: the payment token (`token`, for links; the header
 * `x-bank-transfer-token` is preferred) and the language of the merchant's instructions (`lang`, a
 * BCP 47 tag such as "vi", "en" or "en-GB"; default: the currency's language, Vietnamese for VND).
 */
export const StoreOrderQuery = z
  .object({
    token: z.string().max(200).optional(),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
        error: "must be a language tag such as vi or en-GB",
      })
      .optional(),
  })
  .strict()
