import { changedOnly, fromForm, toForm } from "../settings-form"
import { translator } from "./translate"

const t = translator("en")
import type { Settings } from "../../../types/http"

const settings = {
  accounts: [],
  reference_prefix: "DH",
  instructions: "Pay",
  qr: true,
  tolerances: {
    VND: { type: "fixed", amount: "50000" },
    EUR: { type: "percent", percent: 1 },
  },
  write_off: { VND: "1000" },
  allow_automatic_partials: true,
  block_unpaid_fulfillment: false,
  policies: {
    digital: {
      confirmation_after: [2, 4],
      tentative_cancel_after: 5,
      final_cancel_after: null,
    },
  },
  calendar: {
    time_zone: "Asia/Ho_Chi_Minh",
    weekend_days: [6, 0],
    country: "VN",
  },
} as Settings

describe("settings form", () => {
  it("round-trips the editable settings", () => {
    expect(fromForm(toForm(settings), t).update).toEqual({
      instructions: "Pay",
      allow_automatic_partials: true,
      block_unpaid_fulfillment: false,
      tolerances: settings.tolerances,
      write_off: settings.write_off,
      policies: settings.policies,
    })
  })

  it("edits the instructions per language, and leaves per-currency texts to medusa-config", () => {
    const form = toForm(settings)
    expect(form.instructions).toEqual({
      vi: "Pay",
      en: "Pay",
      per_currency: false,
    })
    form.instructions.vi = "Chuyển khoản"
    expect(fromForm(form, t).update?.instructions).toEqual({
      vi: "Chuyển khoản",
      en: "Pay",
    })
    const perCurrency = toForm({
      ...settings,
      instructions: { VND: { vi: "a", en: "b" }, EUR: "c" },
    })
    expect(perCurrency.instructions.per_currency).toBe(true)
    expect(fromForm(perCurrency, t).update).not.toHaveProperty("instructions")
  })

  it("names the field at fault", () => {
    const form = toForm(settings)
    form.tolerances[0].value = "lots"
    expect(fromForm(form, t).error).toMatch(/Tolerance VND/)
    const policies = toForm(settings)
    policies.policies[0].confirmation_after = "2, x"
    expect(fromForm(policies, t).error).toMatch(/Policy digital/)
  })

  it("removing the last write-off currency sends an empty map, and only what changed is sent", () => {
    const form = toForm(settings)
    form.write_off = []
    const { update } = fromForm(form, t)
    expect(update?.write_off).toEqual({})
    expect(changedOnly(update!, settings)).toEqual({ write_off: {} })
  })

  it("sends nothing when nothing changed", () => {
    expect(
      changedOnly(fromForm(toForm(settings), t).update!, settings)
    ).toEqual({})
  })
})
