import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import type { RuntimeSettings } from "../../../lib/options"

/** Saves run-time settings (validated by the route) with an audit entry; compensation restores them. */
export const saveSettingsStep = createStep(
  "bank-transfer-save-settings",
  async (
    input: { settings: RuntimeSettings; actor_id: string | null },
    { container }
  ) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const previous = await service.saveSettings(input.settings, input.actor_id)
    await service.createAuditEvents({
      action: "settings_changed",
      actor_type: "admin",
      actor_id: input.actor_id,
      data: input.settings as Record<string, unknown>,
    })
    return new StepResponse(Object.keys(previous), previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.revertSettings(previous)
  }
)
