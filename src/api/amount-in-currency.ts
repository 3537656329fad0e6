import { MedusaError } from "@medusajs/framework/utils"
import { AmountError, parseAmountInCurrency } from "../lib/money/minor-units"

/**
 * An amount a request gives, checked against its currency's ISO 4217 minor units (1000.5 VND is
 * refused, 12.345 USD too): the decimal string with the currency's decimals, or a 400 naming the
 * field ("allocations.0.amount: 1000.5 has more decimals than VND allows (0)").
 */
export function amountInCurrency(
  value: unknown,
  currency: string,
  field: string
): string {
  try {
    return parseAmountInCurrency(value, currency, field)
  } catch (e) {
    if (e instanceof AmountError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    }
    throw e
  }
}
