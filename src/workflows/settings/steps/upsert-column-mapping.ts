import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { ColumnMapping } from "../../../lib/ingest/statements"

export type ColumnMappingInput = {
  name: string
  bank_code?: string | null
  mapping: ColumnMapping
}

/** Saves a named column mapping for a bank's CSV/XLSX export, or replaces it; compensation restores it. */
export const upsertColumnMappingStep = createStep(
  "bank-transfer-upsert-column-mapping",
  async (input: ColumnMappingInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [existing] = await service.listColumnMappings({ name: input.name })
    const values = {
      bank_code: input.bank_code ?? null,
      mapping: input.mapping as any,
    }
    const mapping = existing
      ? await service.updateColumnMappings({ id: existing.id, ...values })
      : await service.createColumnMappings({ name: input.name, ...values })
    return new StepResponse(
      { mapping, created: !existing },
      existing
        ? {
            id: existing.id,
            bank_code: existing.bank_code,
            mapping: existing.mapping,
            created: false,
          }
        : { id: mapping.id, created: true }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    if (undo.created) {
      await service.deleteColumnMappings(undo.id)
    } else {
      await service.updateColumnMappings({
        id: undo.id,
        bank_code: (undo as any).bank_code,
        mapping: (undo as any).mapping,
      })
    }
  }
)
