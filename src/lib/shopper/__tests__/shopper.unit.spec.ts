import { FixedWindowLimiter } from "../rate-limit"
import { canConfirm, pageTokenExpired, redactTokens } from "../page-token"

describe("FixedWindowLimiter", () => {
  it("allows `limit` hits per window and key, then says when to retry", () => {
    const l = new FixedWindowLimiter(3, 60_000)
    const t = 1_000_000
    expect([1, 2, 3].map(() => l.hit("a", t).allowed)).toEqual([
      true,
      true,
      true,
    ])
    expect(l.hit("a", t + 15_000)).toEqual({
      allowed: false,
      retry_after_seconds: 45,
    })
    expect(l.hit("b", t).allowed).toBe(true)
    expect(l.hit("a", t + 60_000).allowed).toBe(true)
  })

  it("keeps at most maxKeys keys, dropping the oldest", () => {
    const l = new FixedWindowLimiter(1, 60_000, 2)
    l.hit("a", 0)
    l.hit("b", 1)
    l.hit("c", 2)
    expect(l.hit("a", 3).allowed).toBe(true) // "a" was forgotten
    expect(l.hit("c", 4).allowed).toBe(false)
  })
})

describe("payment-page tokens", () => {
  const day = 86_400_000
  const now = new Date("2026-12-01T00:00:00Z")
  it("expire ttl days after the order is paid or closed, never while money is awaited", () => {
    const paid = new Date(now.getTime() - 31 * day)
    expect(pageTokenExpired({ status: "paid", paid_at: paid }, 30, now)).toBe(
      true
    )
    expect(pageTokenExpired({ status: "paid", paid_at: paid }, 40, now)).toBe(
      false
    )
    expect(
      pageTokenExpired({ status: "canceled", updated_at: paid }, 30, now)
    ).toBe(true)
    expect(
      pageTokenExpired(
        { status: "awaiting_transfer", updated_at: paid },
        30,
        now
      )
    ).toBe(false)
  })
  it("nothing to confirm once paid or closed", () => {
    expect(canConfirm("paid")).toBe(false)
    expect(canConfirm("canceled")).toBe(false)
    expect(canConfirm("partially_paid")).toBe(true)
    expect(canConfirm("needs_attention")).toBe(true)
  })
  it("redacts tokens from logged URLs", () => {
    expect(redactTokens("/bank-transfer/pay/abcDEF_-123/status?lang=en")).toBe(
      "/bank-transfer/pay/…/status?lang=en"
    )
    expect(
      redactTokens("/store/bank-transfer/orders/order_1?token=xyz&lang=vi")
    ).toBe("/store/bank-transfer/orders/order_1?token=…&lang=vi")
  })
})
