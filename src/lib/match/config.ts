import type { BankTransferOptions } from "../options"
import type { MatchConfig, Tolerance } from "./types"
import { toMinorUnits } from "../money/minor-units"
import { calendarSettingsFor } from "../escalate/calendar/for-currency"

/** The matcher's configuration from the plugin options (amounts in minor units). */
export function matchConfigFromOptions(
  options: BankTransferOptions
): MatchConfig {
  const tolerances: Record<string, Tolerance> = {}
  for (const [currency, t] of Object.entries(options.tolerances)) {
    const code = currency.toUpperCase()
    tolerances[code] =
      t.type === "fixed"
        ? { type: "fixed", amount: toMinorUnits(t.amount, code) }
        : { type: "percent", basis_points: Math.round(t.percent * 100) }
  }
  const writeOffTolerance: Record<string, bigint> = {}
  for (const [currency, amount] of Object.entries(options.write_off)) {
    writeOffTolerance[currency.toUpperCase()] = toMinorUnits(
      amount,
      currency.toUpperCase()
    )
  }
  return {
    prefixes: [options.reference_prefix],
    tolerances,
    // A currency without a configured tolerance gets suggestions for exact amounts only.
    defaultTolerance: { type: "fixed", amount: 0n },
    writeOffTolerance,
    allowAutomaticPartials: options.allow_automatic_partials,
    amountOnlyWindowDays: options.amount_only_window_days,
    timeZone: options.calendar.time_zone,
    timeZones: Object.fromEntries(
      ["VND", ...Object.keys(options.calendars ?? {})].map((c) => [
        c.toUpperCase(),
        calendarSettingsFor(options, c).time_zone,
      ])
    ),
  }
}
