import { unpaidFulfilmentRefusal } from "../unpaid-fulfilment"
import { formatMoney } from "../../money/minor-units"

const base = {
  order_number: "12",
  status: "awaiting_transfer",
  currency_code: "VND",
  amount_due: 1430000,
  amount_received: 0,
  amount_remaining: 1430000,
}

describe("unpaidFulfilmentRefusal", () => {
  it("lets a paid order through", () => {
    expect(
      unpaidFulfilmentRefusal({
        ...base,
        status: "paid",
        amount_received: 1430000,
        amount_remaining: 0,
      })
    ).toBeNull()
  })

  it("says what is still to receive, with the currency", () => {
    expect(unpaidFulfilmentRefusal(base)).toBe(
      `Order #12 is waiting for its bank transfer (${formatMoney(1430000n, "VND")} still to receive); it can be fulfilled once it is paid. (Bank transfer setting: block_unpaid_fulfillment)`
    )
  })

  it("partially paid: received X of Y, read exactly from the raw values", () => {
    const message = unpaidFulfilmentRefusal({
      ...base,
      status: "partially_paid",
      currency_code: "USD",
      amount_due: 0.3,
      amount_received: 0.1,
      amount_remaining: 0.2,
      raw_amount_due: { value: "0.30" },
      raw_amount_received: { value: "0.1" },
      raw_amount_remaining: { value: "0.20000" },
    })
    expect(message).toContain(
      `received ${formatMoney(10n, "USD")} of ${formatMoney(30n, "USD")}, ${formatMoney(20n, "USD")} still to receive`
    )
  })

  it("needs attention: gives the reason when there is one", () => {
    expect(
      unpaidFulfilmentRefusal({
        ...base,
        status: "needs_attention",
        attention_reason: "Medusa refused the capture",
      })
    ).toMatch(/needs attention: Medusa refused the capture/)
    expect(
      unpaidFulfilmentRefusal({ ...base, status: "needs_attention" })
    ).toMatch(/needs attention \(/)
  })

  it("refunded or canceled is not paid either", () => {
    expect(unpaidFulfilmentRefusal({ ...base, status: "refunded" })).toMatch(
      /bank transfer is refunded, not paid/
    )
  })
})
