import { previewOrders } from "../preview-orders"

const rows = [
  {
    id: "e1",
    order_id: "order_1",
    order_number: "1042",
    amount_remaining: "2430000",
    currency_code: "VND",
  },
  {
    id: "e2",
    order_id: "order_2",
    order_number: "1043",
    amount_remaining: "1000000",
    currency_code: "VND",
  },
]

describe("previewOrders", () => {
  it("names the order an applied line pays and flags the surplus of an overpayment", () => {
    expect(
      previewOrders(
        {
          kind: "apply",
          allocations: [{ expectation_id: "e1", amount: 2_430_000n }],
          surplus: 200_000n,
          reasons: [],
        },
        rows,
        2_630_000n,
        "VND"
      )
    ).toEqual({
      orders: [{ order_id: "order_1", display_id: 1042, amount: "2430000" }],
      suggested_orders: [],
      overpayment: { order_id: "order_1", display_id: 1042, surplus: "200000" },
    })
  })

  it("names every order of a split, without an overpayment", () => {
    const p = previewOrders(
      {
        kind: "apply",
        allocations: [
          { expectation_id: "e1", amount: 2_430_000n },
          { expectation_id: "e2", amount: 1_000_000n },
        ],
        surplus: 0n,
        reasons: [],
      },
      rows,
      3_430_000n,
      "VND"
    )
    expect(p.orders.map((o) => o.display_id)).toEqual([1042, 1043])
    expect(p.overpayment).toBeNull()
  })

  it("names suggested orders; one suggestion below the amount would overpay if confirmed", () => {
    const one = previewOrders(
      {
        kind: "suggest",
        suggestions: [{ expectation_id: "e2", score: 75, reasons: [] }],
      },
      rows,
      1_040_000n,
      "VND"
    )
    expect(one).toEqual({
      orders: [],
      suggested_orders: [{ order_id: "order_2", display_id: 1043, score: 75 }],
      overpayment: { order_id: "order_2", display_id: 1043, surplus: "40000" },
    })
    const two = previewOrders(
      {
        kind: "suggest",
        suggestions: [
          { expectation_id: "e1", score: 30, reasons: [] },
          { expectation_id: "e2", score: 30, reasons: [] },
        ],
      },
      rows,
      2_430_000n,
      "VND"
    )
    expect(two.suggested_orders).toHaveLength(2)
    expect(two.overpayment).toBeNull()
    expect(
      previewOrders({ kind: "unmatched", reasons: [] }, rows, 1n, "VND")
    ).toEqual({
      orders: [],
      suggested_orders: [],
      overpayment: null,
    })
  })
})
