export { allocate } from "./allocate"
export { reverseAllocations } from "./reverse-allocations"
export { claimDueEscalations } from "./claim-due-escalations"
export { closeWithoutMatch } from "./close-without-match"
export { ignoreTransaction } from "./ignore-transaction"
export { unfinishedAllocation } from "./unfinished-allocation"
export { recordSightings, recordSightingsIfUnchanged } from "./record-sightings"
export { resolvePossibleDuplicate } from "./resolve-possible-duplicate"
export { transitionExpectation } from "./transition"
export {
  recordReturnRefund,
  revertReturnRefund,
  keepReturnForCustomer,
  reopenReturn,
  closeReturnItem,
  recordMedusaRefundItems,
} from "./returns"
