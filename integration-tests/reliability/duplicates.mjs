// Part 1: 1,000 distinct SePay transactions, each delivered 5 times, shuffled, 24 in flight.
// The first ORDERS of them pay real orders (their memo holds the order's memo, the amount is the
// amount due); the rest match nothing (a memo in letters, an amount no order has).
import {
  api,
  captureFigures,
  capturedOnceProblem,
  check,
  deliverSepay,
  fmt,
  letters,
  log,
  overAllocated,
  pool,
  random,
  seconds,
  sepayPayload,
  shuffle,
  unreconciledCount,
  waitUntil,
} from "./lib.mjs"

const TRANSACTIONS = 1000
const COPIES = 5
const IN_FLIGHT = 24
const SEPAY_ID_BASE = 10_000_000

export async function duplicateDelivery(ctx) {
  const { db } = ctx
  const orders = ctx.orders.duplicates
  const tag = letters(Date.now() % 1e6)
  const txs = Array.from({ length: TRANSACTIONS }, (_, i) => {
    const order = orders[i]
    return order
      ? {
          order,
          payload: sepayPayload({
            id: SEPAY_ID_BASE + i,
            memo: `${order.exp.memo} thanh toan don hang`,
            amount: Number(order.exp.amount_due),
          }),
        }
      : {
          order: null,
          payload: sepayPayload({
            id: SEPAY_ID_BASE + i,
            memo: `chuyen tien ${tag} ${letters(i)}`,
            amount: 1_000_001 + i * 7,
          }),
        }
  })
  const ids = txs.map((t) => String(t.payload.id))
  const deliveries = shuffle(
    txs.flatMap((t) => Array(COPIES).fill(t.payload)),
    random(20261123)
  )
  const ledgerBefore = (
    await db.query(`SELECT count(*)::int AS n FROM bank_transfer_transaction`)
  ).rows[0].n

  const started = Date.now()
  const answers = await pool(deliveries, IN_FLIGHT, (p) => deliverSepay(p))
  const ms = Date.now() - started
  const byStatus = {}
  for (const a of answers) {
    byStatus[a.status || a.error] = (byStatus[a.status || a.error] ?? 0) + 1
  }
  const lat = answers.map((a) => a.ms).sort((x, y) => x - y)
  const pct = (p) =>
    lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))].toFixed(0)
  log(
    `${fmt(deliveries.length)} deliveries (${fmt(TRANSACTIONS)} transactions × ${COPIES}, shuffled, ${IN_FLIGHT} in flight) in ${seconds(ms)}: ` +
      `${fmt((deliveries.length / ms) * 1000)}/s; statuses ${JSON.stringify(byStatus)}; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${lat[lat.length - 1].toFixed(0)} ms`
  )
  check(
    `every one of the ${fmt(deliveries.length)} deliveries answered 2xx {"success": true}`,
    answers.every(
      (a) => a.status >= 200 && a.status < 300 && a.json?.success === true
    ),
    JSON.stringify(byStatus)
  )

  const { rows: stored } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct_ids, count(DISTINCT dedupe_key)::int AS keys
       FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1) AND deleted_at IS NULL`,
    [ids]
  )
  const ledgerAfter = (
    await db.query(`SELECT count(*)::int AS n FROM bank_transfer_transaction`)
  ).rows[0].n
  log(
    `stored: ${fmt(stored[0].n)} rows for ${fmt(stored[0].distinct_ids)} SePay ids; the ledger grew by ${fmt(ledgerAfter - ledgerBefore)}`
  )
  check(
    `exactly ${fmt(TRANSACTIONS)} transactions stored, one per SePay id`,
    stored[0].n === TRANSACTIONS &&
      stored[0].distinct_ids === TRANSACTIONS &&
      ledgerAfter - ledgerBefore === TRANSACTIONS,
    `${stored[0].n} rows, ${stored[0].distinct_ids} ids, ledger +${ledgerAfter - ledgerBefore}`
  )

  // Matching runs in a subscriber after the answer: every row must have been through it.
  const drainStarted = Date.now()
  let pending = null
  const drained = await waitUntil(
    async () => {
      pending = await unreconciledCount(
        db,
        "source = 'sepay' AND external_id = ANY($1)",
        [ids]
      )
      return pending === 0
    },
    240_000,
    500
  )
  log(
    `matching finished ${seconds(Date.now() - drainStarted)} after the last answer${drained ? "" : ` (NOT finished: ${pending} still unreconciled)`}`
  )
  check(
    `all ${fmt(TRANSACTIONS)} transactions went through the matcher (reconciled_at set)`,
    !!drained,
    drained ? "" : `${pending} left after 240 s`
  )

  const { rows: outcome } = await db.query(
    `SELECT status, count(*)::int AS n FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1) GROUP BY status ORDER BY status`,
    [ids]
  )
  log(
    `transaction statuses: ${outcome.map((r) => `${r.status} ${r.n}`).join(", ")}`
  )
  const matchedIds = txs.filter((t) => t.order).map((t) => String(t.payload.id))
  const { rows: wrong } = await db.query(
    `SELECT external_id, status FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1)
        AND ((external_id = ANY($2)) <> (status = 'matched'))`,
    [ids, matchedIds]
  )
  check(
    `the ${orders.length} transactions paying real orders are matched, the other ${TRANSACTIONS - orders.length} are not`,
    wrong.length === 0,
    wrong.length
      ? `${wrong.length} wrong, e.g. ${JSON.stringify(wrong.slice(0, 3))}`
      : ""
  )

  const figures = await captureFigures(
    db,
    orders.map((o) => o.id)
  )
  const bad = []
  for (const o of orders) {
    const problem = capturedOnceProblem(o, figures.get(o.id))
    if (problem) {
      bad.push(`${o.id}: ${problem}`)
    }
  }
  const captures = [...figures.values()].reduce((s, f) => s + f.captures, 0)
  log(
    `orders paid by these transactions: ${orders.length}; Medusa captures on their payments: ${captures}; each order's total ${orders[0]?.total} VND`
  )
  check(
    `every one of the ${orders.length} matched orders captured exactly once (one capture per payment, amount = order total, collection and order agree), one allocation each`,
    bad.length === 0,
    bad.length ? `${bad.length} wrong, e.g. ${bad.slice(0, 3).join(" | ")}` : ""
  )

  const over = await overAllocated(db)
  check(
    "no transaction's allocations add up to more than its amount",
    over.length === 0,
    over.length ? JSON.stringify(over.slice(0, 3)) : ""
  )

  // What the merchant sees: Medusa's own order view says captured.
  const sample = orders.filter(
    (_, i) => i % Math.max(1, Math.floor(orders.length / 10)) === 0
  )
  const statuses = await pool(
    sample,
    4,
    async (o) =>
      (
        await api("GET", `/admin/orders/${o.id}?fields=payment_status`, {
          headers: ctx.info.admin,
        })
      ).order.payment_status
  )
  check(
    `Medusa's admin shows payment_status "captured" (${sample.length} orders sampled)`,
    statuses.every((s) => s === "captured"),
    [...new Set(statuses)].join(", ")
  )
}
