import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
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
 * Runs an accountant's action and answers conflicts itself. When the action loses to a concurrent
 * or earlier one (a CONFLICT) that was the same action (`alreadyDone`), the request is a repeat:
 * it returns `{ replayed: true }` and nothing is done twice. Any other CONFLICT is answered here
 * as 409 `{ type: "conflict", message }` with the module's message (who decided, and when) — Medusa's
 * error handler would replace it with a generic sentence — and `undefined` is returned: the route
 * must not answer again.
 */
export async function accountantAction<T>(
  res: MedusaResponse,
  run: () => Promise<T>,
  alreadyDone: () => Promise<boolean> = async () => false
): Promise<{ result: T | null; replayed: boolean } | undefined> {
  try {
    return { result: await run(), replayed: false }
  } catch (e) {
    if (
      !MedusaError.isMedusaError(e) ||
      (e as MedusaError).type !== MedusaError.Types.CONFLICT
    ) {
      throw e
    }
    if (await alreadyDone()) {
      return { result: null, replayed: true }
    }
    res.status(409).json({
      type: "conflict",
      code: "invalid_state_error",
      message: (e as MedusaError).message,
    })
    return undefined
  }
}
