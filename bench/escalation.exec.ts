import type { ExecArgs } from "@medusajs/framework/types"
import { escalateUnpaidTransfersWorkflow } from "../src/workflows/escalate/escalate-unpaid-transfers"

/**
 * Run by bench/server.bench.mjs through `medusa exec` against the bench database, after it has
 * inserted the overdue expectations: the escalation job's time (notifications included: the job
 * sends them a batch at a time), its peak heap and RSS growth (sampled every 10 ms) and the heap
 * it still holds after a GC: flat memory means the last stays near zero whatever the row count.
 */
export default async function escalationBench({ container }: ExecArgs) {
  global.gc?.()
  const base = process.memoryUsage()
  const peak = { heap: base.heapUsed, rss: base.rss }
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peak.heap = Math.max(peak.heap, m.heapUsed)
    peak.rss = Math.max(peak.rss, m.rss)
  }, 10)
  const started = Date.now()
  // Far enough in the future that every step of every policy is due: the most work per row.
  const { result } = await escalateUnpaidTransfersWorkflow(container).run({
    input: { now: new Date(Date.now() + 60 * 86400_000) },
  })
  const seconds = (Date.now() - started) / 1000
  clearInterval(timer)
  global.gc?.()
  const retained = process.memoryUsage().heapUsed - base.heapUsed
  const mb = (bytes: number) => bytes / 1048576
  console.log(
    `ESCALATION ${JSON.stringify({ finished: true, seconds, escalated: result.escalated, scanned: result.scanned, heapMb: mb(peak.heap - base.heapUsed), retainedMb: mb(retained), rssMb: mb(peak.rss - base.rss) })}`
  )
}
