import { z } from "@medusajs/framework/zod"
import {
  AmountError,
  isCurrencyCode,
  parseAmountInCurrency,
} from "./money/minor-units"

/**
 * The plugin's options, shared by the payment provider and the bank-transfer module so that a
 * merchant writes them once in medusa-config.ts. Invalid options stop the server at start with a
 * message naming the option to fix.
 */

/** A three-letter code that ISO 4217 does not list (e.g. a withdrawn one: HRK, VEF) is refused by name. */
function iso4217Code(code: string, ctx: z.RefinementCtx) {
  if (/^[A-Za-z]{3}$/.test(code) && !isCurrencyCode(code)) {
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(code)} is not an ISO 4217 currency code`,
    })
  }
}

const SAFE_PREFIX = /^[ABCDEFGHJKMNPQRSTUVWXYZ]{1,6}$/

const accountSchema = z
  .object({
    bank_bin: z
      .string()
      .regex(
        /^\d{6}$/,
        'must be the bank\'s 6-digit NAPAS BIN, e.g. "970436" for Vietcombank'
      )
      .optional(),
    swift: z
      .string()
      .regex(
        /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
        "must be an 8 or 11 character SWIFT/BIC code"
      )
      .optional(),
    bank_name: z.string().min(1).optional(),
    account_number: z
      .string()
      .regex(
        /^[A-Za-z0-9]{1,34}$/,
        "must be letters and digits only (no spaces), at most 34"
      ),
    account_holder: z.string().min(1, "is required: the name the shopper sees"),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code such as VND")
      .superRefine(iso4217Code)
      .default("VND")
      .transform((c) => c.toUpperCase()),
  })
  .refine((a) => a.bank_bin || a.swift, {
    message: "needs bank_bin (Vietnamese banks) or swift (other banks)",
  })

/** A non-negative amount written as a decimal ("50000", "0.50"): the matcher computes with it. */
const amountSchema = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine(
    (v) => /^\d{1,15}(\.\d{1,4})?$/.test(v),
    "must be a non-negative amount such as 50000"
  )
const currencyKey = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code such as VND")

/** Amounts per currency, each with no more decimals than its currency has; codes upper-cased ("vnd" → "VND"). */
function perCurrency<T extends z.ZodTypeAny>(
  value: T,
  amountOf: (v: z.infer<T>) => string | null
) {
  return z
    .record(currencyKey, value)
    .superRefine((record, ctx) => {
      for (const [currency, v] of Object.entries(record)) {
        if (!isCurrencyCode(currency)) {
          ctx.addIssue({
            code: "custom",
            path: [currency],
            message: `${JSON.stringify(currency)} is not an ISO 4217 currency code`,
          })
          continue
        }
        const amount = amountOf(v)
        if (amount === null) {
          continue
        }
        try {
          parseAmountInCurrency(amount, currency, currency.toUpperCase(), {
            allowZero: true,
          })
        } catch (e) {
          if (!(e instanceof AmountError)) {
            throw e
          }
          ctx.addIssue({
            code: "custom",
            path: [currency],
            message: e.message.slice(currency.length + 2),
          })
        }
      }
    })
    .transform(
      (record) =>
        Object.fromEntries(
          Object.entries(record).map(([c, v]) => [c.toUpperCase(), v])
        ) as Record<string, z.infer<T>>
    )
}

const toleranceSchema = z.union([
  z.object({ type: z.literal("fixed"), amount: amountSchema }),
  z.object({ type: z.literal("percent"), percent: z.number().min(0).max(100) }),
])
const tolerancesSchema = perCurrency(toleranceSchema, (t) =>
  t.type === "fixed" ? t.amount : null
)

const policySchema = z
  .object({
    confirmation_after: z.array(z.number().int().positive()).default([]),
    tentative_cancel_after: z.number().int().positive().default(5),
    final_cancel_after: z.number().int().positive().nullable().default(null),
  })
  .refine(
    (p) =>
      p.confirmation_after.every(
        (n, i, all) =>
          n < p.tentative_cancel_after && (i === 0 || n > all[i - 1])
      ),
    {
      message:
        "confirmation_after must be increasing business-day counts, all before tentative_cancel_after",
    }
  )
  .refine(
    (p) =>
      p.final_cancel_after === null ||
      p.final_cancel_after > p.tentative_cancel_after,
    {
      message:
        "final_cancel_after must come after tentative_cancel_after (or be null)",
    }
  )

const writeOffSchema = perCurrency(amountSchema, (amount) => amount)

/** A business-day calendar: its time zone, weekend days and the date-holidays country. */
const calendarSchema = z.object({
  time_zone: z.string().default("Asia/Ho_Chi_Minh"),
  weekend_days: z.array(z.number().int().min(0).max(6)).default([6, 0]),
  country: z.string().default("VN"),
})

/** The messages a shopper gets, one per event (see lib/expect/shopper-notification.ts). */
export const SHOPPER_MESSAGES = [
  "payment_instructions",
  "confirmation_requested",
  "partially_paid",
  "paid",
  "on_hold",
  "revived",
] as const

/** A provider's template id: one for every language, or one per language (at least one). */
const templateId = z.union([
  z.string().min(1),
  z
    .object({ vi: z.string().min(1), en: z.string().min(1) })
    .partial()
    .strict()
    .refine((t) => t.vi || t.en, "needs a template id for vi or en"),
])

const instructionText = z.string().min(1).max(2000)
const languageKey = z
  .string()
  .regex(
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    "must be a language tag such as vi or en"
  )
/** See InstructionsOption: a text, texts per language, or per currency (text or per language). */
const instructionsSchema = z.union([
  instructionText,
  z.record(languageKey, instructionText),
  z.record(
    z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code in capitals such as VND"),
    z.union([instructionText, z.record(languageKey, instructionText)])
  ),
])

/** A webhook secret: long enough not to be guessed. */
const secret = z.string().min(16, "must be at least 16 characters")

/**
 * `{ casso: { secret: process.env.CASSO_SECRET } }` with the variable undefined (or empty) means
 * "Casso is not used here", not "Casso's secret is missing": such a channel is left out.
 */
function withoutUnsetChannels(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return value
  }
  const set = (v: unknown) => v !== undefined && v !== null && v !== ""
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, channel]) =>
        !channel ||
        typeof channel !== "object" ||
        Object.values(channel).some(set)
    )
  )
}

export const optionsSchema = z.object({
  accounts: z
    .array(accountSchema)
    .min(1, "must list at least one receiving bank account"),
  reference_prefix: z
    .string()
    .default("DH")
    .transform((p) => p.toUpperCase())
    .refine((p) => SAFE_PREFIX.test(p), {
      message:
        "must be 1-6 letters without I, L or O (they are confused with 1 and 0)",
    }),
  /**
   * What the shopper reads with the payment details: one text, one per language
   * (`{ vi, en }`), or per currency, each a text or one per language (`{ VND: { vi, en },
   * EUR: "…" }`); see lib/expect/instructions-text.
   */
  instructions: instructionsSchema.default({
    vi: "Chuyển khoản đúng số tiền vào tài khoản dưới đây và ghi đúng nội dung chuyển khoản. Đơn hàng được xử lý khi tiền về.",
    en: "Transfer the exact amount to the account below and write the memo exactly as shown. Your order ships once the money arrives.",
  }),
  qr: z.boolean().default(true),
  /** Business days the shopper is shown as the deadline to pay. */
  payment_due_business_days: z.number().int().positive().default(5),
  tolerances: tolerancesSchema.default({
    VND: { type: "fixed", amount: "50000" },
  }),
  write_off: writeOffSchema.prefault({}),
  allow_automatic_partials: z.boolean().default(true),
  /**
   * Refuse to create a fulfilment for an order paid by bank transfer until its transfer is paid
   * (POST /admin/orders/:id/fulfillments answers 400). Off by default; also a run-time setting.
   */
  block_unpaid_fulfillment: z.boolean().default(false),
  amount_only_window_days: z.number().int().positive().default(7),
  /**
   * Each channel's secrets, at least 16 characters. A channel whose secrets are all unset (an
   * environment variable that is not defined) is not configured: its route answers 401 and the
   * rest of the plugin starts, so one configuration serves every environment.
   */
  webhooks: z.preprocess(
    withoutUnsetChannels,
    z
      .object({
        sepay: z
          .object({
            api_key: secret.optional(),
            hmac_secret: secret.optional(),
          })
          .optional(),
        casso: z.object({ secret }).optional(),
        generic: z.object({ secret }).optional(),
        /** payOS's checksum key (its dashboard, "Kênh thanh toán"): signs each delivery's `data`. */
        payos: z.object({ checksum_key: secret }).optional(),
      })
      .prefault({})
  ),
  /** The merchant's business-day calendar (Vietnam's by default); VND orders always count in Vietnam's. */
  calendar: calendarSchema.prefault({}),
  /**
   * A calendar per currency, for orders paid in it (e.g. `{ EUR: { country: "DE", time_zone:
   * "Europe/Berlin" } }`). Without one, VND counts in Vietnam's calendar and any other currency in
   * the merchant's (`calendar`).
   */
  calendars: z
    .record(currencyKey, calendarSchema)
    .transform((r) =>
      Object.fromEntries(
        Object.entries(r).map(([code, c]) => [code.toUpperCase(), c])
      )
    )
    .default({}),
  policies: z.record(z.string(), policySchema).default({
    digital: {
      confirmation_after: [2, 4],
      tentative_cancel_after: 5,
      final_cancel_after: null,
    },
    physical: {
      confirmation_after: [3],
      tentative_cancel_after: 5,
      final_cancel_after: null,
    },
  }),
  /**
   * Where this server is reached from the internet: the payment page links in messages use it.
   * Defaults to MEDUSA_BACKEND_URL; in production (NODE_ENV=production) one of them is required,
   * since a link to localhost would reach no shopper.
   */
  public_url: z
    .string()
    .url()
    .optional()
    .transform((url, ctx) => {
      const found = url ?? process.env.MEDUSA_BACKEND_URL
      if (found) {
        return found
      }
      if (process.env.NODE_ENV === "production") {
        ctx.addIssue({
          code: "custom",
          message:
            "is required in production (or MEDUSA_BACKEND_URL): the address shoppers reach this server at",
        })
        return z.NEVER
      }
      return "http://localhost:9000"
    }),
  /**
   * The shop's storefront (e.g. "https://shop.example.vn"): the payment page links back to it.
   * Optional; without it the page shows no such link.
   */
  storefront_url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) address")
    .optional(),
  notifications: z
    .object({
      /** Channel of the shopper's messages; the admin feed gets "feed". */
      shopper_channel: z.string().default("email"),
      admin_feed: z.boolean().default(true),
      /**
       * The language of the admin feed entries. Medusa's dashboard shows a feed entry's title and
       * description as the server wrote them (it does not translate them), so the store picks one.
       */
      admin_feed_language: z.enum(["en", "vi"]).default("en"),
      /**
       * The language of a shopper's messages when neither the order's locale nor the customer's
       * (`metadata.locale`) is Vietnamese or English.
       */
      default_language: z.enum(["vi", "en"]).default("vi"),
      /**
       * Template ids handed to your notification provider, per message; replace any. Each is one
       * id for every language, or one per language (`{ vi: "…", en: "…" }`; a missing language
       * uses the other's).
       */
      templates: z
        .object({
          payment_instructions: templateId.default(
            "bank-transfer-payment-instructions"
          ),
          confirmation_requested: templateId.default(
            "bank-transfer-confirmation-requested"
          ),
          partially_paid: templateId.default("bank-transfer-partially-paid"),
          paid: templateId.default("bank-transfer-paid"),
          on_hold: templateId.default("bank-transfer-on-hold"),
          revived: templateId.default("bank-transfer-revived"),
        })
        .prefault({}),
      /**
       * The merchant's own subject and text per message and language, replacing the plugin's
       * (`{ paid: { vi: { subject: "Đã nhận tiền đơn {{order_number}}" } } }`); each a text with
       * {{placeholders}} (see README). Whatever is left out keeps the plugin's text.
       */
      texts: z
        .partialRecord(
          z.enum(SHOPPER_MESSAGES),
          z.partialRecord(
            z.enum(["vi", "en"]),
            z
              .object({
                subject: z.string().min(1).max(300).optional(),
                text: z.string().min(1).max(5000).optional(),
              })
              .strict()
          )
        )
        .default({}),
    })
    .prefault({}),
  /** Run the plugin's scheduled jobs (escalations, matching sweep). Tests with a controlled clock turn them off. */
  jobs: z.boolean().default(true),
  /** Allow the admin "simulate an incoming transfer" route. Off in production unless set. */
  simulation: z.boolean().default(process.env.NODE_ENV !== "production"),
  import_max_bytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  proof_max_bytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /**
   * "I have paid" per order: at most `per_order` confirmations and `files_per_order` proof files
   * are stored; more are refused (400) before the upload is read.
   */
  confirmation_limits: z
    .object({
      per_order: z.number().int().positive().default(10),
      files_per_order: z.number().int().positive().default(20),
    })
    .prefault({}),
  /**
   * Requests to the shopper routes (payment page, its status/QR/confirm, the store routes) counted
   * in fixed windows of `window_seconds`, in the memory of each server instance: over `per_address`
   * from one client address, or `per_token` for one payment token, they are answered 429 until the
   * window ends. Behind a proxy, set Express's `trust proxy` so that the client address is the
   * shopper's, not the proxy's.
   */
  rate_limit: z
    .object({
      window_seconds: z.number().int().positive().default(60),
      per_address: z.number().int().positive().default(300),
      per_token: z.number().int().positive().default(60),
    })
    .prefault({}),
  /**
   * Days a payment-page token keeps working once its order is paid, cancelled or refunded (then
   * the page and its routes answer 404). An admin can also replace an order's token at any time.
   */
  payment_page_ttl_days: z.number().positive().default(30),
  /**
   * The secret proof files are sealed with (AES-256-GCM) before they reach the File Module, at
   * least 32 characters. Optional: without it a key is derived from Medusa's cookie secret (then
   * rotating that secret makes earlier proofs unreadable).
   */
  proof_key: z.string().min(32).optional(),
})

export type BankTransferOptions = z.infer<typeof optionsSchema>

/**
 * What an admin may change at run time (Bank transfers → Settings), validated like the options.
 * A key left out is not touched; a key sent as `null` removes the saved value, so that the option
 * from medusa-config.ts (or its default) applies again.
 */
export const runtimeSettingsSchema = z
  .object({
    tolerances: tolerancesSchema.nullable().optional(),
    write_off: writeOffSchema.nullable().optional(),
    allow_automatic_partials: z.boolean().nullable().optional(),
    block_unpaid_fulfillment: z.boolean().nullable().optional(),
    policies: z.record(z.string(), policySchema).nullable().optional(),
    instructions: instructionsSchema.nullable().optional(),
  })
  .strict()
export type RuntimeSettings = z.infer<typeof runtimeSettingsSchema>
export type ReceivingAccount = BankTransferOptions["accounts"][number]

/** Parses options or throws one error listing every problem as `option.path: what to fix`. */
export function parseOptions(raw: unknown): BankTransferOptions {
  const result = optionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map(
    (i) => `  - ${i.path.length ? i.path.join(".") : "(options)"}: ${i.message}`
  )
  throw new Error(
    `medusa-bank-transfer: invalid options in medusa-config.ts:\n${problems.join("\n")}`
  )
}
