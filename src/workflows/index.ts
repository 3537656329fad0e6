/**
 * The plugin's public workflows, for a merchant's own routes, subscribers and jobs:
 * `import { applyAllocationWorkflow } from "medusa-bank-transfer/workflows"`.
 * Hooks (`workflow.hooks.<name>(handler)`) are documented on each workflow.
 */
export * from "./ingest/record-bank-transactions"
export * from "./ingest/preview-statement-import"
export * from "./ingest/commit-statement-import"
export * from "./match/reconcile-transaction"
export * from "./match/reconcile-pending-transactions"
export * from "./match/reject-suggestion"
export * from "./match/ignore-transaction"
export * from "./allocate/apply-allocation"
export * from "./allocate/reverse-allocation"
export * from "./expect/create-expectation"
export * from "./expect/confirm-payment"
export * from "./expect/follow-medusa-payment"
export * from "./escalate/escalate-unpaid-transfers"
export * from "./escalate/request-confirmation"
export * from "./notify/notify-shopper"
export * from "./notify/notify-admin-feed"
export * from "./settings/update-settings"
export * from "./settings/calendar-overrides"
export * from "./settings/upsert-column-mapping"
export * from "./ingest/resolve-possible-duplicate"
export * from "./returns/record-return-refund"
export * from "./returns/keep-return-for-customer"
export * from "./returns/match-outgoing-transfer"
