import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { buildExpectation } from "../../../lib/expect/build-expectation"
import type { OrderForExpectation } from "../../../lib/expect/build-expectation"

type Created = { expectation: Record<string, any> | null; created: boolean }

/**
 * Creates the order's expectation once. A second run (the subscriber and the instructions route
 * racing, or an event delivered twice) returns the existing one and its compensation does nothing.
 */
export const createExpectationStep = createStep(
  "bank-transfer-create-expectation",
  async ({ order }: { order: OrderForExpectation | null }, { container }) => {
    // Not paid by bank transfer: nothing to expect.
    if (!order) {
      return new StepResponse<Created, string | null>(
        { expectation: null, created: false },
        null
      )
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [existing] = await service.listExpectations({ order_id: order.id })
    if (existing) {
      return new StepResponse<Created, string | null>(
        { expectation: existing, created: false },
        null
      )
    }

    const input = buildExpectation(
      order,
      await service.loadOptions(),
      await service.loadCalendar(order.currency_code)
    )
    try {
      // DML types bigNumber columns as number; the decimal strings are stored exactly.
      const expectation = await service.createExpectations(input as any)
      await service.createAuditEvents({
        expectation_id: expectation.id,
        action: "expectation_created",
        actor_type: "system",
        message: `Awaiting ${input.amount_due} ${input.currency_code} with memo "${input.memo}"`,
        data: { reference: input.reference, policy: input.policy },
      })
      return new StepResponse<Created, string | null>(
        { expectation, created: true },
        expectation.id
      )
    } catch (e) {
      // Lost a race with a concurrent run: the unique order_id index kept one row.
      const [raced] = await service.listExpectations({ order_id: order.id })
      if (raced) {
        return new StepResponse<Created, string | null>(
          { expectation: raced, created: false },
          null
        )
      }
      throw e
    }
  },
  async (expectationId, { container }) => {
    if (!expectationId) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.deleteExpectations(expectationId)
  }
)
