import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * The one state machine of an order's bank transfer (the expectation). Every status the module
 * writes is computed here, by `transition`, from the current status, what happened (the event)
 * and who did it; nothing else decides a status. The README draws it (mermaid) with a sentence
 * per transition.
 *
 * States (DESIGN.md words → code):
 * - waiting for the transfer → `awaiting_transfer`
 * - partially paid → `partially_paid` (money received, more than the write-off still missing)
 * - paid → `paid` (received ≥ due − write-off)
 * - confirmation requested → `awaiting_customer_confirmation`
 * - shopper confirmed → `customer_confirmed` ("I have paid", waits for an accountant)
 * - on hold → `tentatively_canceled` (still payable: a late payment revives the order)
 * - needs attention → `needs_attention` (a capture Medusa refused: a person must look)
 * - refunded → `refunded` (every amount received went back through Medusa's refunds)
 * - closed → `canceled` (the order was cancelled; money received becomes "to return")
 */
export const EXPECTATION_STATUSES = [
  "awaiting_transfer",
  "partially_paid",
  "paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
  "needs_attention",
  "canceled",
  "refunded",
] as const

export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number]

/** Expectations that can still receive money for their order. An order on hold stays payable. */
export const OPEN_STATUSES = [
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
] as const satisfies readonly ExpectationStatus[]

/** The order waits for (more of) its transfer: reminders may go out and fulfilment may be held. */
export const UNPAID_STATUSES = [
  ...OPEN_STATUSES,
  "needs_attention",
] as const satisfies readonly ExpectationStatus[]

/** States no money event reopens: the order was cancelled, or all its money went back. */
export const CLOSED_STATUSES = [
  "canceled",
  "refunded",
] as const satisfies readonly ExpectationStatus[]

export type TransitionActor =
  "system" | "webhook" | "import" | "admin" | "shopper"

/**
 * What happened to the order's transfer. Money events carry the amounts after the event (decimal
 * strings or BigNumber in the order's currency, major units as Medusa stores them).
 */
export type TransitionEvent =
  /** Money was applied (an allocation, or a capture made in Medusa's admin). */
  | { type: "money_received" }
  /** Money was taken back off the order (an undo, or a refund made in Medusa). */
  | { type: "money_taken_back" }
  /** The shopper is asked to confirm the payment (escalation job or an accountant). */
  | { type: "confirmation_requested" }
  /** The shopper says "I have paid". */
  | { type: "shopper_confirmed" }
  /** A step of the escalation policy is due (`tentative_cancel`, `final_cancel`, reminders). */
  | { type: "escalation_step"; step: string }
  /** Medusa refused to capture the money applied: a person must look (retry, or undo). */
  | { type: "capture_failed" }
  /** The capture was retried and Medusa agrees with the plugin again. */
  | { type: "capture_recovered" }
  /** The order was cancelled (in Medusa's admin, or the opt-in final cancel). */
  | { type: "order_canceled" }

/** The amounts and history a transition may depend on. */
export type TransitionFacts = {
  amount_due: BigNumberInput
  amount_received: BigNumberInput
  /** Money that went back through Medusa refunds. */
  amount_refunded?: BigNumberInput
  /** How much may be missing and the order still count as paid (0 when none is configured). */
  write_off?: BigNumberInput
  /** Escalation steps and shopper answers done so far (keys of `steps_done`). */
  steps_done?: Record<string, unknown>
}

type Rule = {
  /** Who may cause it. */
  actors: readonly TransitionActor[]
  /** The states it may start from. */
  from: readonly ExpectationStatus[]
  /** The state it leads to. */
  to: (
    from: ExpectationStatus,
    facts: TransitionFacts,
    event: any
  ) => ExpectationStatus
  /** One sentence for the README and the timeline. */
  says: string
}

const MONEY_ACTORS = ["system", "webhook", "import", "admin"] as const
const ALL = EXPECTATION_STATUSES

/** Recorded in `steps_done` so that the status before any money can be restored after an undo. */
export const SHOPPER_CONFIRMED_STEP = "shopper_confirmed"
export const CONFIRMATION_REQUESTED_STEP = "confirmation_requested"

/**
 * The status an order with no money (left) has, from what happened to it so far: on hold after a
 * tentative cancel, shopper confirmed after "I have paid", asked after a confirmation request,
 * else waiting. An undo therefore never loses "on hold".
 */
export function unpaidStatus(
  stepsDone: Record<string, unknown> = {}
): ExpectationStatus {
  if (stepsDone.final_cancel) {
    return "canceled"
  }
  if (stepsDone.tentative_cancel) {
    return "tentatively_canceled"
  }
  if (stepsDone[SHOPPER_CONFIRMED_STEP]) {
    return "customer_confirmed"
  }
  const asked = Object.keys(stepsDone).some(
    (s) => s === CONFIRMATION_REQUESTED_STEP || s.startsWith("confirmation_")
  )
  return asked ? "awaiting_customer_confirmation" : "awaiting_transfer"
}

/** What the amounts say: paid (within the write-off), partially paid, or the unpaid status. */
export function statusFromAmounts(facts: TransitionFacts): ExpectationStatus {
  const received = MathBN.sub(facts.amount_received, facts.amount_refunded ?? 0)
  const missing = MathBN.sub(facts.amount_due, received)
  if (MathBN.gt(received, 0) && MathBN.lte(missing, facts.write_off ?? 0)) {
    return "paid"
  }
  if (MathBN.gt(received, 0)) {
    return "partially_paid"
  }
  return unpaidStatus(facts.steps_done)
}

/** Money moved: the amounts decide, except that a cancelled order stays closed and a flag stays up. */
const byAmounts = (from: ExpectationStatus, facts: TransitionFacts) => {
  if (from === "needs_attention" || from === "canceled") {
    return from
  }
  const net = MathBN.sub(facts.amount_received, facts.amount_refunded ?? 0)
  if (!MathBN.gt(net, 0) && MathBN.gt(facts.amount_refunded ?? 0, 0)) {
    return "refunded"
  }
  return statusFromAmounts(facts)
}

/** Every allowed transition. A (status, event, actor) not listed here is refused. */
export const TRANSITIONS: Record<TransitionEvent["type"], Rule> = {
  money_received: {
    actors: MONEY_ACTORS,
    from: ALL,
    to: byAmounts,
    says: "Money applied to the order (a transfer matched or confirmed, or a capture in Medusa) makes it paid when nothing beyond the write-off is missing, else partially paid; an order on hold is revived. A cancelled order stays closed (the money is to return).",
  },
  money_taken_back: {
    actors: ["system", "admin"],
    from: ALL,
    to: byAmounts,
    says: "An undo or a refund takes money back: the amounts decide again, and with no money left the order returns to where it was before any (waiting, asked, shopper confirmed or on hold); refunded when everything went back through Medusa's refunds.",
  },
  confirmation_requested: {
    actors: ["system", "admin"],
    from: UNPAID_STATUSES,
    to: (from) =>
      from === "awaiting_transfer" ? "awaiting_customer_confirmation" : from,
    says: "The shopper is asked to confirm the payment: an order waiting for its transfer now waits for the answer; other unpaid states keep theirs.",
  },
  shopper_confirmed: {
    actors: ["shopper", "admin"],
    from: UNPAID_STATUSES,
    to: (from) =>
      from === "partially_paid" || from === "needs_attention"
        ? from
        : "customer_confirmed",
    says: 'The shopper says "I have paid": the order waits for an accountant to find the money (a part payment stays visible as such).',
  },
  escalation_step: {
    actors: ["system"],
    from: UNPAID_STATUSES,
    to: (from, _facts, event) => {
      if (from === "needs_attention") {
        return from
      }
      if (event.step === "tentative_cancel") {
        return "tentatively_canceled"
      }
      if (event.step === "final_cancel") {
        return "canceled"
      }
      return from === "awaiting_transfer"
        ? "awaiting_customer_confirmation"
        : from
    },
    says: "Counted in business days, an unpaid order is asked to confirm, then put on hold (tentatively cancelled, still payable), then, if the merchant opted in, cancelled.",
  },
  capture_failed: {
    actors: ["system", "admin"],
    from: [...UNPAID_STATUSES, "paid"],
    to: () => "needs_attention",
    says: "Medusa refused to capture money the plugin applied: the order needs attention (the admin feed is told once; the accountant retries or undoes). Never retried in a loop.",
  },
  capture_recovered: {
    actors: ["system", "admin"],
    from: ["needs_attention"],
    to: (_from, facts) => statusFromAmounts(facts),
    says: "A retried capture succeeded: the amounts decide the status again.",
  },
  order_canceled: {
    actors: ["system", "admin"],
    from: ALL,
    to: () => "canceled",
    says: "The order was cancelled in Medusa (or by the opt-in final cancel): the expectation is closed; money received for it becomes an amount to return.",
  },
}

/**
 * The status after `event`, caused by `actor`, from `from`. Throws NOT_ALLOWED (a 400 through
 * Medusa's error handler) when the machine has no such transition, saying what the order is.
 */
export function transition(
  from: ExpectationStatus | string,
  event: TransitionEvent,
  actor: TransitionActor,
  facts: TransitionFacts
): ExpectationStatus {
  const rule = TRANSITIONS[event.type]
  if (!(rule.from as readonly string[]).includes(from)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The order's transfer is ${from.replace(/_/g, " ")}: "${event.type.replace(/_/g, " ")}" is not possible now`
    )
  }
  if (!rule.actors.includes(actor)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A ${actor} cannot cause "${event.type.replace(/_/g, " ")}"`
    )
  }
  return rule.to(from as ExpectationStatus, facts, event)
}
