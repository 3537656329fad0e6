import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import crypto from "crypto"
import { SimulateTransferBody } from "../validators"
import { amountInCurrency } from "../../../amount-in-currency"
import { bankTransferModule } from "../helpers"
import { recordBankTransactionsWorkflow } from "../../../../workflows/ingest/record-bank-transactions"

/**
 * POST /admin/bank-transfer/simulate — a fake incoming transfer with any memo and amount, like
 * Stripe's test helpers. Refused in production unless the `simulation` option turns it on.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof SimulateTransferBody>>,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  // Read like every other option (simulation and accounts are file-only, but one way to read is simpler).
  const options = await service.loadOptions()
  if (!options.simulation) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Simulated transfers are disabled (production); set the plugin option `simulation: true` to allow them"
    )
  }
  const body = req.validatedBody
  const { result } = await recordBankTransactionsWorkflow(req.scope).run({
    input: {
      source: "simulation",
      lines: [
        {
          external_id: `sim_${crypto.randomUUID()}`,
          account: body.account ?? options.accounts[0].account_number,
          booked_at: body.booked_at ?? new Date(),
          amount: amountInCurrency(body.amount, body.currency, "amount"),
          currency_code: body.currency.toUpperCase(),
          direction: body.direction,
          memo: body.memo,
          counterparty_name: body.counterparty_name ?? null,
          counterparty_account: body.counterparty_account ?? null,
          // The payer's bank, where payOS and Casso put it (see lib/returns payerBankBin).
          raw: {
            simulated_by: req.auth_context?.actor_id ?? null,
            ...body,
            ...(body.counterparty_bank_bin
              ? { counterAccountBankId: body.counterparty_bank_bin }
              : {}),
          },
        },
      ],
    },
  })
  // A simulated transfer is a report like any other: it may join a movement another channel reported.
  const [recorded] = result.transactions
  const transaction = await service.retrieveBankTransaction(
    (recorded.id ?? recorded.candidate_transaction_id)!
  )
  res.status(201).json({ transaction, outcome: recorded.outcome })
}
