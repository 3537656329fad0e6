import { parseAmountInput } from "./money"
import type {
  Policy,
  Settings,
  SettingsUpdate,
  Tolerance,
} from "../../types/http"
import type { Translate } from "./i18n"

/** The editable settings as the inputs hold them (text), and back to what the API validates. */
export type ToleranceRow = {
  currency: string
  type: "fixed" | "percent"
  value: string
}
export type WriteOffRow = { currency: string; amount: string }
export type PolicyRow = {
  name: string
  confirmation_after: string
  tentative_cancel_after: string
  final_cancel_after: string
}

/**
 * The shopper's instructions as the form edits them: a Vietnamese and an English text. A setting
 * made per currency in medusa-config.ts is shown, not edited (`per_currency`).
 */
export type InstructionsForm = { vi: string; en: string; per_currency: boolean }

export type SettingsForm = {
  instructions: InstructionsForm
  allow_automatic_partials: boolean
  block_unpaid_fulfillment: boolean
  tolerances: ToleranceRow[]
  write_off: WriteOffRow[]
  policies: PolicyRow[]
}

export function toForm(s: Settings): SettingsForm {
  return {
    instructions: instructionsForm(s.instructions),
    allow_automatic_partials: !!s.allow_automatic_partials,
    block_unpaid_fulfillment: !!s.block_unpaid_fulfillment,
    tolerances: Object.entries(s.tolerances ?? {}).map(([currency, t]) => ({
      currency,
      type: t.type,
      value: t.type === "fixed" ? String(t.amount) : String(t.percent),
    })),
    write_off: Object.entries(s.write_off ?? {}).map(([currency, amount]) => ({
      currency,
      amount: String(amount),
    })),
    policies: Object.entries(s.policies ?? {}).map(([name, p]) => ({
      name,
      confirmation_after: (p.confirmation_after ?? []).join(", "),
      tentative_cancel_after: String(p.tentative_cancel_after ?? ""),
      final_cancel_after:
        p.final_cancel_after === null || p.final_cancel_after === undefined
          ? ""
          : String(p.final_cancel_after),
    })),
  }
}

function instructionsForm(
  value: Settings["instructions"] | undefined
): InstructionsForm {
  if (!value || typeof value === "string") {
    return { vi: value ?? "", en: value ?? "", per_currency: false }
  }
  if (Object.keys(value).some((k) => /^[A-Z]{3}$/.test(k))) {
    return { vi: "", en: "", per_currency: true }
  }
  const text = (l: string) => (typeof value[l] === "string" ? value[l] : "")
  return { vi: text("vi"), en: text("en"), per_currency: false }
}

/** One text when both languages say the same, else one per language. */
function instructionsSetting({ vi, en }: InstructionsForm) {
  const [v, e] = [vi.trim(), en.trim()]
  return v === e ? v : { vi: v, en: e }
}

const positiveInt = (s: string) =>
  /^\d+$/.test(s.trim()) && Number(s) > 0 ? Number(s) : null

/** The update to send, or the first problem in words (checked here so the admin sees which field). */
export function fromForm(
  f: SettingsForm,
  t: Translate
): {
  update?: SettingsUpdate
  error?: string
} {
  const tolerances: Record<string, Tolerance> = {}
  for (const tol of f.tolerances) {
    const currency = tol.currency.trim().toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) {
      return {
        error: t("bankTransfer.settingsForm.toleranceCurrency", {
          value: tol.currency,
        }),
      }
    }
    if (tol.type === "fixed") {
      const amount =
        tol.value.trim() === "0" ? "0" : parseAmountInput(tol.value, currency)
      if (amount === null) {
        return {
          error: t("bankTransfer.settingsForm.toleranceAmount", {
            currency,
            value: tol.value,
          }),
        }
      }
      tolerances[currency] = { type: "fixed", amount }
    } else {
      const percent = Number(tol.value.replace(",", "."))
      if (
        !tol.value.trim() ||
        !Number.isFinite(percent) ||
        percent < 0 ||
        percent > 100
      ) {
        return {
          error: t("bankTransfer.settingsForm.tolerancePercent", { currency }),
        }
      }
      tolerances[currency] = { type: "percent", percent }
    }
  }
  const write_off: Record<string, string> = {}
  for (const w of f.write_off) {
    const currency = w.currency.trim().toUpperCase()
    if (!/^[A-Z]{3}$/.test(currency)) {
      return {
        error: t("bankTransfer.settingsForm.writeOffCurrency", {
          value: w.currency,
        }),
      }
    }
    const amount =
      w.amount.trim() === "0" ? "0" : parseAmountInput(w.amount, currency)
    if (amount === null) {
      return {
        error: t("bankTransfer.settingsForm.writeOffAmount", {
          currency,
          value: w.amount,
        }),
      }
    }
    write_off[currency] = amount
  }
  const policies: Record<string, Policy> = {}
  for (const p of f.policies) {
    const name = p.name.trim()
    if (!name) {
      return { error: t("bankTransfer.settingsForm.policyName") }
    }
    const steps = p.confirmation_after
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(positiveInt)
    if (steps.some((s) => s === null)) {
      return {
        error: t("bankTransfer.settingsForm.policyReminders", { name }),
      }
    }
    const tentative = positiveInt(p.tentative_cancel_after)
    if (tentative === null) {
      return {
        error: t("bankTransfer.settingsForm.policyHold", { name }),
      }
    }
    const final = p.final_cancel_after.trim()
      ? positiveInt(p.final_cancel_after)
      : null
    if (p.final_cancel_after.trim() && final === null) {
      return {
        error: t("bankTransfer.settingsForm.policyCancel", { name }),
      }
    }
    policies[name] = {
      confirmation_after: steps as number[],
      tentative_cancel_after: tentative,
      final_cancel_after: final,
    }
  }
  return {
    update: {
      ...(f.instructions.per_currency
        ? {}
        : { instructions: instructionsSetting(f.instructions) }),
      allow_automatic_partials: f.allow_automatic_partials,
      block_unpaid_fulfillment: f.block_unpaid_fulfillment,
      tolerances,
      write_off,
      policies,
    },
  }
}

/**
 * Only the keys of `update` that differ from what the server shows now (`current`): saving one
 * setting must not pin the others, which would then stop following medusa-config.ts.
 */
export function changedOnly(
  update: SettingsUpdate,
  current: Settings
): SettingsUpdate {
  // Only the update is read: the words of an error do not matter here.
  const before = fromForm(toForm(current), (key) => key).update ?? {}
  return Object.fromEntries(
    Object.entries(update).filter(
      ([key, value]) =>
        JSON.stringify(value) !==
        JSON.stringify(before[key as keyof SettingsUpdate])
    )
  ) as SettingsUpdate
}
