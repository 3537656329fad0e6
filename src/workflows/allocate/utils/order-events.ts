import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { AllocationResult } from "../../../modules/bank-transfer/service"
import { orderEvents } from "../../match/steps/finish-reconciliation"
import { BankTransferEvents } from "../../../lib/events"

/** Emits the order and transaction events for allocations an accountant made. */
export const emitAllocationEventsStep = createStep(
  "bank-transfer-emit-allocation-events",
  async (input: { transaction_id: string; allocation: AllocationResult }, { container }) => {
    const events = [
      {
        name: BankTransferEvents.TRANSACTION_MATCHED,
        data: { transaction_id: input.transaction_id, expectation_ids: input.allocation.expectations.map((e) => e.id) },
      },
      ...orderEvents(input.allocation, input.transaction_id),
    ]
    await container.resolve(Modules.EVENT_BUS).emit(events)
    return new StepResponse(events.map((e) => e.name))
  }
)
