import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { Actor } from "../../../modules/bank-transfer"

/** The bank-transfer module's service, resolved from the request's scope. */
export function bankTransferModule(
  req: AuthenticatedMedusaRequest
): BankTransferModuleService {
  return req.scope.resolve(BANK_TRANSFER_MODULE)
}

export function adminActor(req: AuthenticatedMedusaRequest): Actor {
  return { type: "admin", id: req.auth_context?.actor_id ?? null }
}

/** The expectation of an order, or a 404 that says the order is not paid by bank transfer. */
export async function expectationForOrder(
  service: BankTransferModuleService,
  orderId: string
) {
  const [expectation] = await service.listExpectations({ order_id: orderId })
  if (!expectation) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Order ${orderId} has no bank-transfer payment`
    )
  }
  return expectation
}

/**
 * Runs an accountant's action. When it loses to a concurrent or earlier action (a CONFLICT), and
 * that action was the same one (`alreadyDone`), the request is a repeat: it answers with the
 * current state and `replayed: true` instead of a 409, and nothing is done twice.
 */
export async function unlessAlreadyDone<T>(
  run: () => Promise<T>,
  alreadyDone: () => Promise<boolean>
): Promise<{ result: T | null; replayed: boolean }> {
  try {
    return { result: await run(), replayed: false }
  } catch (e) {
    if (
      MedusaError.isMedusaError(e) &&
      (e as MedusaError).type === MedusaError.Types.CONFLICT &&
      (await alreadyDone())
    ) {
      return { result: null, replayed: true }
    }
    throw e
  }
}
