import { z } from "@medusajs/framework/zod"

export const RETURN_STATE_VALUES = [
  "open",
  "refund_recorded",
  "closed",
  "kept_for_customer",
  "withdrawn",
] as const
const state = z.enum(RETURN_STATE_VALUES)

/**
 * GET /admin/bank-transfer/returns: `state` one or several (repeat the parameter; default open and
 * refund_recorded, the queue), `limit` 1–200 (default 50), `offset`.
 */
export const ListReturnsQuery = z.object({
  state: z.union([state, z.array(state).max(5)]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/** POST /admin/bank-transfer/returns/:id/refund. `amount`, when given, must be the item's amount. */
export const RecordReturnRefundBody = z
  .object({
    amount: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine((v) => /^\d{1,15}(\.\d{1,4})?$/.test(v) && Number(v) > 0, {
        error: "must be a positive amount such as 150000",
      })
      .optional(),
    refund_reason_id: z.string().min(1).max(100).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict()

/** POST /admin/bank-transfer/returns/:id/keep: why, and how the credit is to be used. */
export const KeepReturnBody = z
  .object({ note: z.string().trim().min(1).max(1000) })
  .strict()

/** POST /admin/bank-transfer/returns/:id/match: the outgoing transaction that paid the refund. */
export const MatchReturnBody = z
  .object({ transaction_id: z.string().min(1).max(100) })
  .strict()
