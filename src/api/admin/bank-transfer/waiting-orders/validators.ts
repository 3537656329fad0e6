import { z } from "@medusajs/framework/zod"
import { OPEN_STATUSES } from "../../../../modules/bank-transfer/state-machine"

/** An instant the database holds (ISO 8601); "2026-02-30" and the year 20000 are refused. */
const instant = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
  .transform((v) => new Date(v))
  .refine(
    (d) =>
      !isNaN(d.getTime()) &&
      d.getUTCFullYear() >= 1900 &&
      d.getUTCFullYear() <= 2999,
    "must be a date-time between the years 1900 and 2999"
  )

/** Statuses the desk lists: one open status, every open one ("open"), or needs attention. */
export const WAITING_STATUSES = [
  ...OPEN_STATUSES,
  "needs_attention",
  "open",
] as const

export const ListWaitingOrdersQuery = z
  .object({
    status: z.enum(WAITING_STATUSES).default("customer_confirmed"),
    currency_code: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a three-letter currency code")
      .optional(),
    placed_from: instant.optional(),
    placed_before: instant.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
