import type { Translate } from "./i18n"

const CAUSES: Record<string, string> = {
  surplus: "bankTransfer.returns.causes.surplus",
  cancelled_order: "bankTransfer.returns.causes.cancelled_order",
  marked_for_return: "bankTransfer.returns.causes.marked_for_return",
  medusa_refund: "bankTransfer.returns.causes.medusa_refund",
}

const STATES: Record<string, string> = {
  open: "bankTransfer.returns.states.open",
  refund_recorded: "bankTransfer.returns.states.refund_recorded",
  closed: "bankTransfer.returns.states.closed",
  kept_for_customer: "bankTransfer.returns.states.kept_for_customer",
  withdrawn: "bankTransfer.returns.states.withdrawn",
}

const RECORDED_IN: Record<string, string> = {
  medusa: "bankTransfer.returns.recordedIn.medusa",
  plugin: "bankTransfer.returns.recordedIn.plugin",
  both: "bankTransfer.returns.recordedIn.both",
}

/** Why money is to return, in the admin's language (an unknown cause as the server wrote it). */
export const returnCause = (cause: string, t: Translate) =>
  CAUSES[cause] ? t(CAUSES[cause]) : cause

/** Where a return item stands, in the admin's language. */
export const returnState = (state: string, t: Translate) =>
  STATES[state] ? t(STATES[state]) : state

/** Where a recorded refund went: Medusa, the plugin, or both. */
export const recordedIn = (where: string, t: Translate) =>
  RECORDED_IN[where] ? t(RECORDED_IN[where]) : where
