/** Events the plugin emits; merchants subscribe to them (e.g. to grant or lock provisional access). */
export const BankTransferEvents = {
  EXPECTATION_CREATED: "bank_transfer.expectation_created",
  /**
   * A new incoming movement, `{ id }`: emitted by the matcher as it takes the movement up, just
   * before matching it (from a webhook, the simulator or a possible duplicate resolved as a
   * transfer of its own; a statement's lines are announced by `import_committed`).
   */
  TRANSACTION_RECEIVED: "bank_transfer.transaction_received",
  /**
   * Internal: new incoming movements for the matcher, `{ ids }`, one event per recorded batch
   * rather than one per movement, to keep the webhook routes fast: with Redis, every event costs a
   * BullMQ job and a cache invalidation (Medusa's Caching Module subscribes to all of them).
   */
  TRANSACTIONS_TO_MATCH: "bank_transfer.transactions_to_match",
  IMPORT_COMMITTED: "bank_transfer.import_committed",
  TRANSACTION_MATCHED: "bank_transfer.transaction_matched",
  TRANSACTION_SUGGESTED: "bank_transfer.transaction_suggested",
  TRANSACTION_UNMATCHED: "bank_transfer.transaction_unmatched",
  ORDER_PARTIALLY_PAID: "bank_transfer.order_partially_paid",
  ORDER_PAID: "bank_transfer.order_paid",
  ORDER_OVERPAID: "bank_transfer.order_overpaid",
  ORDER_REVIVED: "bank_transfer.order_revived",
  /** Medusa refused to capture money the plugin applied: `{ id, order_id, reason }`, once per failure. */
  ORDER_NEEDS_ATTENTION: "bank_transfer.order_needs_attention",
  /** An accountant undid an allocation: `{ id, order_id, transaction_id, allocation_id, amount, status }`. */
  ALLOCATION_REVERSED: "bank_transfer.allocation_reversed",
  /** The order was cancelled in Medusa with money received for it: `{ id, order_id, amount_to_return }`. */
  MONEY_TO_RETURN: "bank_transfer.money_to_return",
  /** New outgoing lines from a webhook: `{ id }` each; matched to recorded refunds. */
  OUTGOING_RECEIVED: "bank_transfer.outgoing_received",
  ORDER_OVERDUE: "bank_transfer.order_overdue",
  CONFIRMATION_REQUESTED: "bank_transfer.confirmation_requested",
  CUSTOMER_CONFIRMED: "bank_transfer.customer_confirmed",
  ORDER_TENTATIVELY_CANCELED: "bank_transfer.order_tentatively_canceled",
  ORDER_FINALLY_CANCELED: "bank_transfer.order_finally_canceled",
  /** Once per escalation run that moved anything: counts by step (the admin feed's summary). */
  ESCALATION_RUN_COMPLETED: "bank_transfer.escalation_run_completed",
  /**
   * A batch of escalation steps was committed and waits in the outbox to be announced:
   * `{ id }` (the announcement; null when the run only found older ones waiting). The plugin's
   * announce-escalations subscriber tells the shoppers and emits the per-order events.
   */
  ESCALATIONS_TO_ANNOUNCE: "bank_transfer.escalations_to_announce",
} as const
