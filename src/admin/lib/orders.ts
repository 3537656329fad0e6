import { get } from "./sdk"

export type OrderRef = { id: string; display_id: number; email?: string | null; currency_code?: string }

/**
 * The order an accountant means: an id ("order_01…"), a number as Medusa shows it ("#1042", "1042")
 * or a payment reference ("DH1042K", whose digits are the order number). Resolved through Medusa's
 * own order list, which searches display ids with `q`.
 */
export async function findOrder(input: string): Promise<OrderRef | null> {
  const s = input.trim().replace(/^#/, "")
  if (!s) return null
  const fields = "id,display_id,email,currency_code"
  if (/^order_/i.test(s)) {
    const { order } = await get<{ order: OrderRef }>(`/admin/orders/${s}`, { fields })
    return order
  }
  const number = /^\d+$/.test(s) ? s : s.match(/^[A-Za-z]{1,6}(\d+)[A-Za-z]?$/)?.[1]
  if (!number) return null
  const { orders } = await get<{ orders: OrderRef[] }>("/admin/orders", { q: number, fields, limit: 50 })
  return orders.find((o) => String(o.display_id) === String(Number(number))) ?? null
}
