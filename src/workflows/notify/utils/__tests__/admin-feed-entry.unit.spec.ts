import { BankTransferEvents } from "../../../../lib/events"
import { adminFeedEntry } from "../admin-feed-entry"

/** Intl puts a no-break space before the đồng sign. */
const plain = (s: string) => s.replace(/\u00a0/g, " ")

const order = {
  id: "order_01ABC",
  display_id: "1042",
  currency_code: "VND",
  amount_due: 1280000n,
  amount_remaining: 1280000n,
  amount_to_return: 0n,
}

describe("admin feed entries", () => {
  it("name the order by its display id, format the money and link to the order", () => {
    const entry = adminFeedEntry(
      {
        name: BankTransferEvents.CUSTOMER_CONFIRMED,
        data: { id: "btexp_1", confirmation_id: "btconf_1" },
      },
      { order, confirmation: { amount: 1280000n, paid_on: "2026-11-23" } }
    )!
    expect(entry.title).toBe("Shopper says they paid")
    expect(plain(entry.description)).toBe(
      "Order #1042, says they sent 1.280.000 ₫ on 2026-11-23, 1.280.000 ₫ awaited"
    )
    expect(entry.description).not.toContain("undefined")
    expect(entry.url).toBe("/orders/order_01ABC")
  })

  it("are written in Vietnamese when the store chose it", () => {
    const entry = adminFeedEntry(
      {
        name: BankTransferEvents.MONEY_TO_RETURN,
        data: { id: "btexp_1", order_id: "order_01ABC" },
      },
      { order: { ...order, amount_to_return: 500000n } },
      "vi"
    )!
    expect(entry.title).toBe("Tiền cần hoàn lại")
    expect(plain(entry.description)).toBe(
      "Đơn hàng #1042 đã bị huỷ: 500.000 ₫ đã nhận cho đơn này cần được hoàn lại"
    )
  })

  it("name a suggested transfer by its amount, payer and candidate orders, not its id", () => {
    const entry = adminFeedEntry(
      {
        name: BankTransferEvents.TRANSACTION_SUGGESTED,
        data: { transaction_id: "bttx_01", expectation_ids: ["btexp_1"] },
      },
      {
        transaction: {
          id: "bttx_01",
          currency_code: "VND",
          amount: 1280000n,
          counterparty_name: "NGUYEN VAN A",
        },
        suggested_orders: ["1042"],
      }
    )!
    expect(plain(entry.description)).toBe(
      "1.280.000 ₫ from NGUYEN VAN A may pay Order #1042"
    )
    expect(entry.description).not.toContain("bttx_")
    expect(entry.url).toBe("/bank-transfers?tab=suggestions")
  })
})
