import { get } from "./sdk"

export type OrderRef = {
  id: string
  display_id: number
  email?: string | null
  currency_code?: string
}

/**
 * The order an accountant means: an id ("order_01…"), a number as Medusa shows it ("#1042", "1042")
 * or a payment reference ("DH1042K", whose digits are the order number). Resolved through Medusa's
 * own order list, which searches display ids with `q`.
 */
export async function findOrder(input: string): Promise<OrderRef | null> {
  const s = input.trim().replace(/^#/, "")
  if (!s) {
    return null
  }
  const fields = "id,display_id,email,currency_code"
  if (/^order_/i.test(s)) {
    const { order } = await get<{ order: OrderRef }>(`/admin/orders/${s}`, {
      fields,
    })
    return order
  }
  const number = /^\d+$/.test(s)
    ? s
    : s.match(/^[A-Za-z]{1,6}(\d+)[A-Za-z]?$/)?.[1]
  if (!number) {
    return null
  }
  // `q` also searches phones, postcodes and e-mails ("1042" is in 0912 341 042): page through the
  // hits for the exact number, a few pages at most.
  const wanted = String(Number(number))
  for (let offset = 0; offset < 500; offset += 100) {
    const { orders, count } = await get<{ orders: OrderRef[]; count: number }>(
      "/admin/orders",
      { q: number, fields, limit: 100, offset }
    )
    const hit = orders.find((o) => String(o.display_id) === wanted)
    if (hit) {
      return hit
    }
    if (offset + orders.length >= count || !orders.length) {
      break
    }
  }
  return null
}
