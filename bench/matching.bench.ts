/**
 * The matcher in-process: 100,000 incoming transactions against 10,000 and against 100,000 open
 * orders. Cost per transaction must stay flat as the open set grows (indexes, never scans). With
 * the same price list, ten times the open orders also means about twice the candidates per
 * transaction (orders of the same amount in the window: real work, not a scan), so flatness is
 * judged at the same candidates per transaction (a price list ten times longer), and the same
 * price list is shown beside it with its candidate count.
 */
import {
  InMemoryExpectationIndex,
  lookupKeys,
} from "../src/lib/match/candidates"
import { extractIdentifiers } from "../src/lib/match/memo"
import { decide } from "../src/lib/match/decide"
import { makeReference } from "../src/lib/identifiers/reference"
import type { MatchConfig, OpenExpectation } from "../src/lib/match/types"

const config: MatchConfig = {
  prefixes: ["DH"],
  tolerances: { VND: { type: "fixed", amount: 50000n } },
  defaultTolerance: { type: "fixed", amount: 0n },
  writeOffTolerance: {},
  allowAutomaticPartials: true,
  amountOnlyWindowDays: 7,
}

// mulberry32: a small deterministic PRNG with good spread (the same data every run). A plain LCG
// repeats amounts so often that every order would share its price with dozens of others.
let seed = 42
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
const WORDS = [
  "HOA SEN",
  "MINH ANH",
  "PHUONG NAM",
  "AN KHANG",
  "THANH DAT",
  "VIET TIEN",
  "HUNG THINH",
  "BINH MINH",
]
// Company names are mostly distinct in real life: a made-up distinctive word per company.
const distinctWord = (i: number) =>
  Array.from(
    { length: 7 },
    (_, k) => "BCDGHKLMNPQRSTVX"[(i >> (k * 4)) & 15]
  ).join("")

/** `n` open orders whose prices are drawn from `prices` distinct amounts. */
function makeOrders(n: number, prices: number): OpenExpectation[] {
  const start = Date.now() - 5 * 86400_000
  return Array.from({ length: n }, (_, i) => {
    const number = 10000 + i
    const b2b = rand() < 0.3
    return {
      id: `exp_${i}`,
      reference: makeReference("DH", number),
      order_number: String(number),
      currency_code: "VND",
      amount_remaining: BigInt(Math.floor(rand() * prices) * 1000 + 100000),
      tax_code: b2b ? String(100000000 + i).padStart(10, "0") : null,
      phone: b2b ? null : `09${String(10000000 + i).slice(-8)}`,
      company_key: b2b ? `${pick(WORDS)} ${distinctWord(i)}` : null,
      customer_id: `cus_${i % Math.max(1, Math.floor(n / 3))}`,
      created_at: new Date(start + Math.floor(rand() * 5 * 86400_000)),
    }
  })
}

function makeTransactions(orders: OpenExpectation[], n: number) {
  return Array.from({ length: n }, (_, i) => {
    const o = orders[Math.floor(rand() * orders.length)]
    const r = rand()
    const wrongCheck =
      o.reference.slice(0, -1) + (o.reference.endsWith("A") ? "B" : "A")
    const memo =
      r < 0.5
        ? `MBVCB.${3278900000 + i}.${o.reference} ${o.tax_code ?? ""}.CT tu 0011004123456 toi 0071000123456`
        : r < 0.65
          ? `thanh toan don hang ${wrongCheck}`
          : r < 0.75
            ? `DH ${o.order_number} ${o.phone ?? o.tax_code}`
            : r < 0.85
              ? `IBFT ${o.tax_code ?? o.phone} chuyen tien`
              : r < 0.95
                ? `chuyen tien mua hang ${i}`
                : `${o.reference} ${orders[(Number(o.id.slice(4)) + 1) % orders.length].reference}`
    return {
      id: `tx_${i}`,
      amount: o.amount_remaining,
      currency_code: "VND",
      direction: "in" as const,
      memo,
      booked_at: new Date(),
      counterparty_name: null,
    }
  })
}

function run(openOrders: number, transactions: number, prices = PRICES) {
  const orders = makeOrders(openOrders, prices)
  const index = new InMemoryExpectationIndex()
  orders.forEach((o) => index.add(o))
  const txs = makeTransactions(orders, transactions)
  global.gc?.()
  const outcomes: Record<string, number> = {}
  let candidatesSeen = 0
  const started = process.hrtime.bigint()
  for (const tx of txs) {
    const ids = extractIdentifiers(tx.memo, { prefixes: config.prefixes })
    const candidates = index.find(lookupKeys(ids, tx, config), {
      includeCustomerOrders: true,
    })
    candidatesSeen += candidates.length
    const d = decide(tx, ids, candidates, config)
    outcomes[d.kind] = (outcomes[d.kind] ?? 0) + 1
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return {
    perSecond: transactions / seconds,
    microsPerTx: (seconds * 1e6) / transactions,
    candidatesPerTx: candidatesSeen / transactions,
    outcomes,
  }
}

/** Distinct prices of the 10k-order shop. */
const PRICES = 50_000

const N = Number(process.env.BENCH_TRANSACTIONS ?? 100_000)
run(10_000, 10_000) // warm-up: JIT and caches
const small = run(10_000, N)
const large = run(100_000, N)
const largeSameDensity = run(100_000, N, PRICES * 10)
console.log(`outcomes at 100k open orders: ${JSON.stringify(large.outcomes)}`)
const result = (r: object) => console.log(`RESULT ${JSON.stringify(r)}`)
result({
  name: "matching, 10k open orders",
  value: small.perSecond,
  unit: "tx/s",
  target: "≥ 20,000 tx/s",
  ok: small.perSecond >= 20000,
})
result({
  name: "matching, 100k open orders",
  value: large.perSecond,
  unit: "tx/s",
  target: "≥ 20,000 tx/s",
  ok: large.perSecond >= 20000,
})
const candidates = (r: { candidatesPerTx: number }) =>
  `${r.candidatesPerTx.toFixed(2)} candidates/tx`
const ratio = largeSameDensity.microsPerTx / small.microsPerTx
result({
  name: "matching cost per tx, 100k vs 10k open orders, same candidates per tx (10× the prices)",
  value: largeSameDensity.microsPerTx,
  unit: "µs/tx",
  baseline: `${small.microsPerTx.toFixed(1)} µs/tx at 10k (${candidates(small)}; 100k: ${candidates(largeSameDensity)})`,
  ratio,
  target: "≤ 1.5×",
  ok: ratio <= 1.5,
})
result({
  name: "matching cost per tx, 100k vs 10k open orders, same prices",
  value: large.microsPerTx,
  unit: "µs/tx",
  baseline: `${small.microsPerTx.toFixed(1)} µs/tx at 10k (${candidates(small)}; 100k: ${candidates(large)})`,
  ratio: large.microsPerTx / small.microsPerTx,
})
