import type { ExecArgs } from "@medusajs/framework/types"
import { escalateUnpaidTransfersWorkflow } from "../src/workflows/escalate/escalate-unpaid-transfers"
import { Modules } from "@medusajs/framework/utils"
import announceEscalations from "../src/subscribers/announce-escalations"
import { BankTransferEvents } from "../src/lib/events"
import { cpuProfile, profileEscalation } from "./escalation-profile"

/**
 * Run by bench/server.bench.mjs through `medusa exec` against the bench database, after it has
 * inserted the overdue expectations: the escalation job's time (notifications included: the job
 * sends them a batch at a time), its peak heap and RSS growth (sampled every 10 ms) and the heap
 * it still holds after a GC: flat memory means the last stays near zero whatever the row count.
 * The shoppers are told off the job's path by the announce-escalations subscriber, which `medusa
 * exec` does not load: it is subscribed here, so that it runs beside the job as on a worker, and
 * `announcedSeconds` is when the last batch was announced (every notification written).
 *
 * BENCH_ESCALATION_BUDGET_S: past it, the line is printed with `finished: false` and the process
 * ends (the bench then projects the time from the rows done). BENCH_ESCALATION_PROFILE=1 adds
 * where the time went (see escalation-profile.ts).
 */
export default async function escalationBench({ container }: ExecArgs) {
  const announce = () =>
    announceEscalations({
      container,
      event: {
        name: BankTransferEvents.ESCALATIONS_TO_ANNOUNCE,
        data: { id: null },
      },
    } as any)
  container
    .resolve(Modules.EVENT_BUS)
    .subscribe(BankTransferEvents.ESCALATIONS_TO_ANNOUNCE, announce)
  const profile =
    process.env.BENCH_ESCALATION_PROFILE === "1"
      ? profileEscalation(container)
      : null
  const cpu = process.env.BENCH_ESCALATION_CPU_PROFILE
    ? await cpuProfile(process.env.BENCH_ESCALATION_CPU_PROFILE)
    : null
  global.gc?.()
  const base = process.memoryUsage()
  const peak = { heap: base.heapUsed, rss: base.rss }
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peak.heap = Math.max(peak.heap, m.heapUsed)
    peak.rss = Math.max(peak.rss, m.rss)
  }, 10)
  const started = Date.now()
  const cpu0 = process.cpuUsage()
  const mb = (bytes: number) => bytes / 1048576
  const report = (fields: Record<string, unknown>) =>
    console.log(
      `ESCALATION ${JSON.stringify({
        seconds: (Date.now() - started) / 1000,
        ...fields,
        // This process's CPU time: on a shared machine, wall time also counts the waits for a core.
        cpuSeconds: (() => {
          const c = process.cpuUsage(cpu0)
          return (c.user + c.system) / 1e6
        })(),
        heapMb: mb(peak.heap - base.heapUsed),
        rssMb: mb(peak.rss - base.rss),
        ...(profile ? { profile: profile() } : {}),
      })}`
    )
  const budget = Number(process.env.BENCH_ESCALATION_BUDGET_S ?? 0)
  // Set once the job is done: a budget that runs out while the shoppers are told still has it.
  let jobSeconds: number | null = null
  const stop = budget
    ? setTimeout(() => {
        report({
          ...(jobSeconds === null ? {} : { seconds: jobSeconds }),
          finished: jobSeconds !== null,
          announced: false,
          retainedMb: 0,
        })
        process.exit(0)
      }, budget * 1000)
    : null
  // Far enough in the future that every step of every policy is due: the most work per row.
  const { result } = await escalateUnpaidTransfersWorkflow(container).run({
    input: { now: new Date(Date.now() + 60 * 86400_000) },
  })
  const seconds = (jobSeconds = (Date.now() - started) / 1000)
  // The announcer may still be busy with the last batches: the same call waits for it to end.
  await announce()
  const announcedSeconds = (Date.now() - started) / 1000
  await cpu?.()
  if (stop) {
    clearTimeout(stop)
  }
  clearInterval(timer)
  global.gc?.()
  const retained = process.memoryUsage().heapUsed - base.heapUsed
  report({
    seconds,
    announcedSeconds,
    finished: true,
    escalated: result.escalated,
    scanned: result.scanned,
    retainedMb: mb(retained),
  })
}
