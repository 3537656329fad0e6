import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  ContainerRegistrationKeys,
  MedusaError,
} from "@medusajs/framework/utils"
import { bankTransferModule } from "../../helpers"

/**
 * GET /admin/bank-transfer/transactions/:id — one movement with everything the accountant's drawer
 * shows, in one request (shape: LedgerTransactionDetail in src/types/ledger.ts):
 * - `transaction`: the movement, its `raw` payload included; amounts are decimal strings in major units;
 * - `allocations`: oldest first, reversed ones too (`reversed_at`, `reversed_by`), each with
 *   `order_id` and `order_display_id` (the order's display id);
 * - `suggestions` (best score first), `audit` (oldest first);
 * - `sightings`: every report of it (webhook deliveries, statement lines), oldest first, each with
 *   `import_file_name` (the statement file's name; null for a webhook) and `line`.
 * 404 when there is no such movement.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [found],
  } = await query.graph({
    entity: "bank_transaction",
    filters: { id: req.params.id },
    fields: [
      "*",
      "allocations.*",
      "allocations.expectation.order_id",
      "allocations.expectation.order_number",
      "suggestions.*",
      "sightings.*",
    ],
  })
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Bank transaction with id: ${req.params.id} was not found`
    )
  }
  const { allocations, suggestions, sightings, ...transaction } = found as any
  const service = bankTransferModule(req)
  const audit = await service.listAuditEvents(
    { transaction_id: transaction.id },
    { order: { created_at: "ASC" } }
  )
  const importIds = [
    ...new Set<string>(sightings.map((s: any) => s.import_id).filter(Boolean)),
  ]
  const files = new Map<string, string>(
    importIds.length
      ? (
          await service.listStatementImports(
            { id: importIds },
            { select: ["id", "file_name"] }
          )
        ).map((i) => [i.id, i.file_name])
      : []
  )
  const byCreated = (a: any, b: any) =>
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  res.json({
    transaction,
    allocations: [...allocations]
      .sort(byCreated)
      .map(({ expectation, ...a }: any) => ({
        ...a,
        order_id: expectation?.order_id ?? null,
        order_display_id:
          expectation?.order_number != null
            ? String(expectation.order_number)
            : null,
      })),
    suggestions: [...suggestions].sort((a: any, b: any) => b.score - a.score),
    sightings: [...sightings].sort(byCreated).map((s: any) => ({
      ...s,
      import_file_name: s.import_id ? (files.get(s.import_id) ?? null) : null,
    })),
    audit,
  })
}
