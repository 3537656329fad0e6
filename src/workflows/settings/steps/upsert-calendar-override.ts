import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

export type CalendarOverrideInput = {
  /** Local date, YYYY-MM-DD. */
  date: string
  kind: "day_off" | "working_day"
  name?: string | null
  created_by: string | null
}

/** Adds the override of one date, or replaces the one it has; compensation restores the day. */
export const upsertCalendarOverrideStep = createStep(
  "bank-transfer-upsert-calendar-override",
  async (input: CalendarOverrideInput, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const [existing] = await service.listCalendarOverrides({ date: input.date })
    const override = existing
      ? await service.updateCalendarOverrides({
          id: existing.id,
          kind: input.kind,
          name: input.name ?? null,
        })
      : await service.createCalendarOverrides({
          date: input.date,
          kind: input.kind,
          name: input.name ?? null,
          created_by: input.created_by,
        })
    service.invalidateCalendar()
    return new StepResponse(
      { override, created: !existing },
      existing
        ? {
            id: existing.id,
            kind: existing.kind,
            name: existing.name,
            created: false,
          }
        : { id: override.id, created: true }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    if (undo.created) {
      await service.deleteCalendarOverrides(undo.id)
    } else {
      await service.updateCalendarOverrides({
        id: undo.id,
        kind: (undo as any).kind,
        name: (undo as any).name,
      })
    }
    service.invalidateCalendar()
  }
)

/** Removes one override (404 when unknown); compensation restores it. */
export const deleteCalendarOverrideStep = createStep(
  "bank-transfer-delete-calendar-override",
  async (input: { id: string }, { container }) => {
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    const existing = await service.retrieveCalendarOverride(input.id)
    await service.deleteCalendarOverrides(input.id)
    service.invalidateCalendar()
    return new StepResponse(input.id, {
      date: existing.date,
      kind: existing.kind,
      name: existing.name,
      created_by: existing.created_by,
    })
  },
  async (removed, { container }) => {
    if (!removed) {
      return
    }
    const service: BankTransferModuleService =
      container.resolve(BANK_TRANSFER_MODULE)
    await service.createCalendarOverrides(removed)
    service.invalidateCalendar()
  }
)
