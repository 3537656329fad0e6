/** Tolerances and the amount part of every reason. */
import { formatMoney } from "../money/format"
import { fromMinorUnits } from "../money/minor-units"
import type { MatchConfig, Reason, Tolerance } from "./types"

/** The tolerance in minor units for an order with `remaining` due (a percentage is of what remains). */
export function toleranceAmount(
  config: MatchConfig,
  currency: string,
  remaining: bigint
): bigint {
  const t: Tolerance = config.tolerances[currency] ?? config.defaultTolerance
  return t.type === "fixed"
    ? t.amount
    : (remaining * BigInt(Math.round(t.basis_points))) / 10_000n
}

export function writeOffAmount(config: MatchConfig, currency: string): bigint {
  return config.writeOffTolerance?.[currency] ?? 0n
}

export const abs = (v: bigint) => (v < 0n ? -v : v)

/** Minor units as the exact decimal string a reason's params carry (see Reason.params). */
export const decimal = (v: bigint, currency: string) =>
  fromMinorUnits(v, currency)

/** "amount equals the 1.500.000 ₫ remaining" / "amount differs by 20.000 ₫ (…)". */
export function amountReason(
  amount: bigint,
  remaining: bigint,
  currency: string,
  tolerance?: bigint
): Reason {
  const f = (v: bigint) => formatMoney(v, currency)
  const d = (v: bigint) => decimal(v, currency)
  const diff = amount - remaining
  if (diff === 0n) {
    return {
      code: "amount_equal",
      message: `amount equals the ${f(remaining)} remaining`,
      params: { currency, remaining: d(remaining) },
    }
  }
  const detail = `${f(amount)} paid, ${f(remaining)} remaining`
  const params = {
    currency,
    difference: d(abs(diff)),
    amount: d(amount),
    remaining: d(remaining),
  }
  if (tolerance !== undefined && abs(diff) <= tolerance) {
    return {
      code: "amount_within_tolerance",
      message: `amount differs by ${f(abs(diff))} (${detail}), within the ${f(tolerance)} tolerance`,
      params: { ...params, tolerance: d(tolerance) },
    }
  }
  return {
    code: diff < 0n ? "amount_less" : "amount_more",
    message: `amount differs by ${f(abs(diff))} (${detail})`,
    params,
  }
}
