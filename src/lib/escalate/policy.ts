/**
 * Escalation policies: when an unpaid order gets asked for confirmation and when it is put on
 * hold, counted in business days from the moment it was placed. Pure functions of
 * (placedAt, policy, calendar, now), so a job may run twice, late, or on several servers and
 * still reach the same answer; recording which steps were done is the caller's business.
 */

export interface EscalationPolicy {
  name: string
  /** Business days after placement at which the shopper is asked to confirm; strictly increasing. */
  confirmationAfter: number[]
  /** Business days after placement at which the order is put on hold (tentatively canceled). */
  tentativeCancelAfter: number
  /**
   * Business days after placement (same clock as the others, not after the tentative cancel) at
   * which the order is canceled in Medusa. null/absent: never (the default).
   */
  finalCancelAfter?: number | null
}

/** Any object that counts business days like BusinessCalendar. */
export interface BusinessDayAdder {
  addBusinessDays(instant: Date, n: number): Date
}
export interface BusinessDayCutoff {
  dueCutoff(now: Date, n: number): Date
}

/** "confirmation_1", "confirmation_2", …, "tentative_cancel", "final_cancel". */
export type EscalationStep =
  `confirmation_${number}` | "tentative_cancel" | "final_cancel"

export interface ScheduledStep {
  step: EscalationStep
  /** The policy's business-day count, for messages ("after 2 business days"). */
  afterBusinessDays: number
  dueAt: Date
}

/** Defaults from the design: digital goods/SaaS are chased sooner than physical or licensed goods. */
export const DEFAULT_POLICIES: Readonly<
  Record<"digital" | "physical", EscalationPolicy>
> = {
  digital: {
    name: "digital",
    confirmationAfter: [2, 4],
    tentativeCancelAfter: 5,
    finalCancelAfter: null,
  },
  physical: {
    name: "physical",
    confirmationAfter: [3],
    tentativeCancelAfter: 5,
    finalCancelAfter: null,
  },
}

const isCount = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= 1

/** Throws unless every step is a whole number ≥ 1 and the steps come in order. */
export function validatePolicy(p: EscalationPolicy): EscalationPolicy {
  const fail = (why: string) => {
    throw new RangeError(`Escalation policy "${p.name}": ${why}`)
  }
  if (!isCount(p.tentativeCancelAfter)) {
    fail("tentativeCancelAfter must be a whole number ≥ 1")
  }
  p.confirmationAfter.forEach((n, i) => {
    if (!isCount(n)) {
      fail("confirmationAfter must hold whole numbers ≥ 1")
    }
    if (i > 0 && n <= p.confirmationAfter[i - 1]) {
      fail("confirmationAfter must be strictly increasing")
    }
    if (n >= p.tentativeCancelAfter) {
      fail("confirmation steps must come before tentativeCancelAfter")
    }
  })
  const final = p.finalCancelAfter
  if (final != null && (!isCount(final) || final <= p.tentativeCancelAfter)) {
    fail(
      "finalCancelAfter must be a whole number greater than tentativeCancelAfter, or null"
    )
  }
  return p
}

/**
 * The policy for an order holding both kinds of goods: every step as early as either policy has
 * it, so no kind waits longer than its own policy says.
 * - The k-th confirmation is the earlier of the two k-th confirmations; the merged policy has as
 *   many confirmations as the longer list (e.g. [2,4] + [3] → [2,4]), not the union (which would
 *   send more reminders than either policy).
 * - Tentative cancel: the earlier. Final cancel: the earlier of those enabled (off counts as never,
 *   so one policy opting in makes the mixed order opt in).
 * - Confirmations that would fall on or after the merged tentative cancel are dropped.
 */
export function stricter(
  a: EscalationPolicy,
  b: EscalationPolicy
): EscalationPolicy {
  validatePolicy(a)
  validatePolicy(b)
  const tentativeCancelAfter = Math.min(
    a.tentativeCancelAfter,
    b.tentativeCancelAfter
  )
  const length = Math.max(
    a.confirmationAfter.length,
    b.confirmationAfter.length
  )
  const confirmationAfter = Array.from({ length }, (_, k) =>
    Math.min(
      a.confirmationAfter[k] ?? Infinity,
      b.confirmationAfter[k] ?? Infinity
    )
  ).filter((n) => n < tentativeCancelAfter)
  const finals = [a.finalCancelAfter, b.finalCancelAfter].filter(
    (n): n is number => n != null
  )
  return {
    name: a.name === b.name ? a.name : `${a.name}+${b.name}`,
    confirmationAfter,
    tentativeCancelAfter,
    finalCancelAfter: finals.length ? Math.min(...finals) : null,
  }
}

/**
 * The policy for an order from the kinds of its products: the stricter of theirs. A kind with no
 * policy of its own uses `fallback` (physical by default: the slower, more patient schedule).
 */
export function policyForKinds(
  kinds: Iterable<string>,
  policies: Readonly<Record<string, EscalationPolicy>> = DEFAULT_POLICIES,
  fallback = "physical"
): EscalationPolicy {
  const names = [...new Set(kinds)]
  const chosen = (names.length ? names : [fallback]).map(
    (k) => policies[k] ?? policies[fallback]
  )
  if (chosen.some((p) => !p)) {
    throw new RangeError(`No escalation policy named "${fallback}"`)
  }
  return chosen.reduce(stricter)
}

/** Every step of a policy with the instant it becomes due, in order. */
export function scheduleFor(
  placedAt: Date,
  policy: EscalationPolicy,
  calendar: BusinessDayAdder
): ScheduledStep[] {
  return stepsOf(policy).map(([step, n]) => ({
    step,
    afterBusinessDays: n,
    dueAt: calendar.addBusinessDays(placedAt, n),
  }))
}

function stepsOf(policy: EscalationPolicy): [EscalationStep, number][] {
  validatePolicy(policy)
  const steps: [EscalationStep, number][] = policy.confirmationAfter.map(
    (n, i) => [`confirmation_${i + 1}`, n]
  )
  steps.push(["tentative_cancel", policy.tentativeCancelAfter])
  if (policy.finalCancelAfter != null) {
    steps.push(["final_cancel", policy.finalCancelAfter])
  }
  return steps
}

/**
 * Steps due at `now` (dueAt ≤ now, never earlier) that are not in doneSteps, in schedule order.
 * After an outage several can be due at once; the caller decides whether to perform all of them
 * or only the last (e.g. skip a stale first reminder when the second is also due).
 */
export function dueSteps(
  placedAt: Date,
  policy: EscalationPolicy,
  calendar: BusinessDayAdder,
  now: Date,
  doneSteps: readonly string[]
): ScheduledStep[] {
  const done = new Set(doneSteps)
  return scheduleFor(placedAt, policy, calendar).filter(
    (s) => s.dueAt.getTime() <= now.getTime() && !done.has(s.step)
  )
}

/**
 * For a batch job: per step, the placement instant before which orders on this policy have the
 * step due at `now` (placedAt < placedBefore ⇔ the step's dueAt ≤ now). Lets the job select due
 * orders with an indexed range query instead of computing a schedule for every open order.
 */
export function stepCutoffs(
  policy: EscalationPolicy,
  calendar: BusinessDayCutoff,
  now: Date
): { step: EscalationStep; afterBusinessDays: number; placedBefore: Date }[] {
  return stepsOf(policy).map(([step, n]) => ({
    step,
    afterBusinessDays: n,
    placedBefore: calendar.dueCutoff(now, n),
  }))
}

// ---------------------------------------------------------------------------------------------
// Which policy a product gets

type Named = string | { value?: string | null } | null | undefined

export interface ProductForClassification {
  /** Product type value (Medusa's product.type.value, or the type object itself). */
  type?: Named
  /** Tag values (Medusa's product.tags[].value, or the tag objects). */
  tags?: Named[] | null
  metadata?: Record<string, unknown> | null
}

export interface ClassificationRules {
  /** Product metadata key whose value names the policy outright. */
  metadataKey: string
  /** Policy name → product type values / tag values that select it. Earlier entries win. */
  kinds: Record<string, string[]>
  /** Policy when nothing matches. */
  fallback: string
}

/**
 * Defaults: digital goods and SaaS are "digital". Licences ("license", "license-key", boxed
 * "software") are deliberately NOT here: the design groups licensed goods with physical ones
 * (confirmation after 3 days), since a licence cannot be taken back once the key is out.
 */
export const DEFAULT_CLASSIFICATION_RULES: ClassificationRules = {
  metadataKey: "bank_transfer_policy",
  kinds: {
    digital: [
      "digital",
      "saas",
      "subscription",
      "download",
      "ebook",
      "ky-thuat-so" /* kỹ thuật số */,
    ],
  },
  fallback: "physical",
}

/**
 * Values are compared loosely, so that "SaaS", "E-Book"/"ebook" variants written by hand, or
 * Vietnamese with diacritics, still match: lower case, no diacritics (đ → d), runs of anything
 * other than letters and digits become "-".
 */
export function normalizeKind(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

const valueOf = (n: Named): string | null =>
  typeof n === "string" ? n : (n?.value ?? null)

/**
 * A product's policy name. In order:
 * 1. metadata[rules.metadataKey], if a non-empty string: the merchant named the policy (used as
 *    written, only trimmed, so it must equal a policy name);
 * 2. the product type, if listed under a kind;
 * 3. the first kind (in rules order) listing any of the product's tags;
 * 4. rules.fallback.
 */
export function classifyProduct(
  product: ProductForClassification,
  rules: ClassificationRules = DEFAULT_CLASSIFICATION_RULES
): string {
  const explicit = product.metadata?.[rules.metadataKey]
  if (typeof explicit === "string" && explicit.trim()) {
    return explicit.trim()
  }
  const lists = Object.entries(rules.kinds).map(
    ([kind, values]) => [kind, new Set(values.map(normalizeKind))] as const
  )
  const type = valueOf(product.type)
  const byType = type
    ? lists.find(([, set]) => set.has(normalizeKind(type)))
    : undefined
  if (byType) {
    return byType[0]
  }
  const tags = (product.tags ?? [])
    .map(valueOf)
    .filter((t): t is string => !!t)
    .map(normalizeKind)
  const byTag = lists.find(([, set]) => tags.some((t) => set.has(t)))
  return byTag ? byTag[0] : rules.fallback
}
