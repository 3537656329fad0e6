import { z } from "@medusajs/framework/zod"

const decimal = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine(
    (v) => /^\d{1,15}(\.\d{1,4})?$/.test(v) && Number(v) > 0,
    "must be a positive amount such as 1250000"
  )

/** "2026-02-30" is not (zod runs this check even when the format check failed: never throw). */
export function isRealDate(text: string) {
  const d = new Date(`${text}T00:00:00Z`)
  return !isNaN(d.getTime()) && d.toISOString().startsWith(text)
}

/** A date the database and the day arithmetic can hold (JavaScript's own range is wider). */
const date = z.coerce
  .date()
  .refine(
    (d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2999,
    "must be a date between the years 1900 and 2999"
  )

/**
 * A bound of the booking period: a calendar day written YYYY-MM-DD, read in the shop's time zone
 * (`from` from its first instant, `to` through its last), or an ISO 8601 instant (taken as it is).
 */
const bookedBound = z
  .string()
  .max(40)
  .transform((v, ctx): { day: string } | { instant: Date } => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      if (!isRealDate(v) || v < "1900-01-01" || v > "2999-12-31") {
        ctx.addIssue({
          code: "custom",
          message: `${v} is not a real date between the years 1900 and 2999`,
        })
        return z.NEVER
      }
      return { day: v }
    }
    const d = new Date(v)
    if (
      !/^\d{4}-\d{2}-\d{2}T/.test(v) ||
      !isRealDate(v.slice(0, 10)) ||
      isNaN(d.getTime()) ||
      d.getUTCFullYear() < 1900 ||
      d.getUTCFullYear() > 2999
    ) {
      ctx.addIssue({
        code: "custom",
        message:
          "must be a date written YYYY-MM-DD (the shop's day) or an ISO 8601 instant",
      })
      return z.NEVER
    }
    return { instant: d }
  })

const transactionStatus = z.enum([
  "unmatched",
  "matched",
  "suggested",
  "partially_applied",
  "ignored",
  "returned",
])

/**
 * GET /admin/bank-transfer/transactions. `status`: one state or several (repeat the parameter);
 * `from`/`to`: the booking period (see bookedBound), both included; `account`: the receiving account
 * number, exactly; `min_amount`/`max_amount`: decimal strings in major units, compared exactly
 * (checked against `currency_code`'s decimals when it is given); `q`: text in memo, payer or id.
 */
export const ListTransactionsQuery = z
  .object({
    status: z
      .union([transactionStatus, z.array(transactionStatus).max(6)])
      .optional(),
    direction: z.enum(["in", "out"]).optional(),
    from: bookedBound.optional(),
    to: bookedBound.optional(),
    account: z.string().trim().min(1).max(64).optional(),
    currency_code: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code")
      .optional(),
    min_amount: decimal.optional(),
    max_amount: decimal.optional(),
    q: z.string().max(200).optional(),
    /** Only transactions parked after repeated matching failures. */
    needs_attention: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine(
    (q) =>
      !q.min_amount ||
      !q.max_amount ||
      compareDecimals(q.min_amount, q.max_amount) <= 0,
    { message: "min_amount must not be above max_amount", path: ["max_amount"] }
  )

/** Compares two non-negative decimal strings exactly (no float). */
export function compareDecimals(a: string, b: string): number {
  // Also called by the refine above when a field already failed its own check: never throw.
  if (!/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) {
    return 0
  }
  const [aw, af = ""] = a.split(".")
  const [bw, bf = ""] = b.split(".")
  const width = Math.max(af.length, bf.length)
  const x = BigInt(aw + af.padEnd(width, "0"))
  const y = BigInt(bw + bf.padEnd(width, "0"))
  return x < y ? -1 : x > y ? 1 : 0
}

export const MatchTransactionBody = z
  .object({
    allocations: z
      .array(
        z.object({
          order_id: z.string().min(1),
          amount: decimal,
        })
      )
      .min(1)
      .max(50),
    reason: z.string().max(500).optional(),
  })
  .strict()

export const ConfirmSuggestionBody = z
  .object({
    amount: decimal.optional(),
    /** Books the transaction's remaining money on an order that was paid meanwhile, as surplus. */
    surplus_amount: decimal.optional(),
    reason: z.string().max(500).optional(),
  })
  .strict()
  .refine((b) => !(b.amount && b.surplus_amount), {
    message: "Give either amount or surplus_amount, not both",
  })
export const RejectSuggestionBody = z
  .object({ reason: z.string().max(500).optional() })
  .strict()
export const UndoAllocationBody = z
  .object({ reason: z.string().min(1).max(500) })
  .strict()
export const IgnoreTransactionBody = z
  .object({
    reason: z.string().max(500).optional(),
    return: z.boolean().default(false),
  })
  .strict()

export const SimulateTransferBody = z
  .object({
    memo: z.string().max(500),
    amount: decimal,
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .default("VND"),
    account: z.string().max(64).optional(),
    direction: z.enum(["in", "out"]).default("in"),
    counterparty_name: z.string().max(200).optional(),
    /** The payer's account and bank (a 6-digit NAPAS BIN), as payOS and Casso report them. */
    counterparty_account: z.string().max(64).optional(),
    counterparty_bank_bin: z
      .string()
      .regex(/^\d{6}$/, "must be a 6-digit bank BIN")
      .optional(),
    booked_at: date.optional(),
  })
  .strict()

export const ListSuggestionsQuery = z.object({
  status: z
    .enum(["pending", "confirmed", "rejected", "superseded"])
    .default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const CalendarOverrideBody = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
      .refine((d) => isRealDate(d), "is not a real date"),
    kind: z.enum(["day_off", "working_day"]),
    name: z.string().max(200).optional(),
  })
  .strict()

export const RequestConfirmationBody = z
  .object({ message: z.string().min(1).max(2000) })
  .strict()

const column = z.string().min(1).max(100)
export const ColumnMappingSchema = z
  .object({
    date: column,
    amount: column.optional(),
    credit: column.optional(),
    debit: column.optional(),
    memo: column,
    reference: column.optional(),
    counterparty_name: column.optional(),
    counterparty_account: column.optional(),
    currency: column.optional(),
    account: column.optional(),
    date_format: z.enum(["dd/mm/yyyy", "yyyy-mm-dd", "mm/dd/yyyy"]).optional(),
    decimal_separator: z.enum([",", "."]).optional(),
  })
  .strict()
  .refine((m) => m.amount || m.credit, {
    message: "needs an amount column or a credit column",
  })

/** Multipart text fields arrive as strings: the mapping is JSON. */
export const ImportFields = z
  .object({
    mapping: z
      .string()
      .max(5000)
      .transform((text, ctx) => {
        try {
          return JSON.parse(text)
        } catch {
          ctx.addIssue({ code: "custom", message: "must be JSON" })
          return z.NEVER
        }
      })
      .pipe(ColumnMappingSchema)
      .optional(),
    preset: z.string().max(20).optional(),
    mapping_id: z.string().max(100).optional(),
  })
  .strict()

/**
 * POST /admin/bank-transfer/imports/:id/commit. A preview with unreadable lines commits only with
 * `skip_rejected_lines: true`: the accountant acknowledges that those lines are left out.
 */
export const CommitImportBody = z
  .object({ skip_rejected_lines: z.boolean().optional() })
  .strict()

export const ListImportsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export const SaveColumnMappingBody = z
  .object({
    name: z.string().min(1).max(100),
    bank_code: z.string().max(20).optional(),
    mapping: ColumnMappingSchema,
  })
  .strict()

/** "Same transfer" (true) or "different transfers" (false). */
export const ResolveDuplicateBody = z.object({ same: z.boolean() }).strict()

/** POST /admin/bank-transfer/orders/:order_id/rotate-page-token: no fields. */
export const RotatePageTokenBody = z.object({}).strict()
export type RotatePageTokenBody = z.infer<typeof RotatePageTokenBody>

/** The longest period one export covers, in days (inclusive): a year and a day, enough for a fiscal year. */
export const EXPORT_MAX_DAYS = 366

const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((d) => isRealDate(d), "is not a real date")
  .refine(
    (d) => d >= "1900-01-01" && d <= "2999-12-31",
    "must be a date between the years 1900 and 2999"
  )

/** Days between two YYYY-MM-DD dates (b − a). */
export const daysBetween = (a: string, b: string) =>
  Math.round(
    (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000
  )

/**
 * GET /admin/bank-transfer/exports/transactions: `from` and `to` are calendar dates in the shop's
 * time zone, both included, at most EXPORT_MAX_DAYS days; `format` csv (default) or xlsx.
 */
export const ExportTransactionsQuery = z
  .object({
    from: localDay,
    to: localDay,
    format: z.enum(["csv", "xlsx"]).default("csv"),
  })
  .refine((q) => !isRealDate(q.from) || !isRealDate(q.to) || q.from <= q.to, {
    message: "from must be on or before to",
    path: ["to"],
  })
  .refine(
    (q) =>
      !isRealDate(q.from) ||
      !isRealDate(q.to) ||
      daysBetween(q.from, q.to) < EXPORT_MAX_DAYS,
    {
      message: `the period may cover at most ${EXPORT_MAX_DAYS} days; export a longer one in parts`,
      path: ["to"],
    }
  )

/**
 * GET /admin/bank-transfer/transactions/:id/candidates: `q` searches the buyer's name, email,
 * phone, order number or reference; `limit` at most 50 per page.
 */
export const ListCandidatesQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict()
