import type { ExecArgs } from "@medusajs/framework/types"
import { escalateDueTransfers } from "../src/lib/escalation/run"

/**
 * Run by bench/server.bench.mjs through `medusa exec` against the bench database, after it has
 * inserted 100,000 overdue expectations: the escalation job's time and peak heap growth.
 */
export default async function escalationBench({ container }: ExecArgs) {
  global.gc?.()
  const base = process.memoryUsage().heapUsed
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10)
  const started = Date.now()
  // Far enough in the future that every step of every policy is due: the most work per row.
  const result = await escalateDueTransfers(container, new Date(Date.now() + 60 * 86400_000))
  const seconds = (Date.now() - started) / 1000
  clearInterval(timer)
  console.log(`ESCALATION ${JSON.stringify({ seconds, escalated: result.escalated, scanned: result.scanned, peakHeapMb: (peak - base) / 1048576 })}`)
}
