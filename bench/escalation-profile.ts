import { writeFileSync } from "node:fs"
import { Session } from "node:inspector"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../src/modules/bank-transfer"

/**
 * Where the escalation run's time goes (BENCH_ESCALATION_PROFILE=1 in bench/escalation.exec.ts):
 * wraps the calls the run makes (the module's claim, the Notification Module's call and its
 * internal reads, writes and provider sends, the locale query, the event bus) and adds up their
 * wall time. Calls overlap (a batch is announced while the next is claimed; the provider sends of
 * a batch run concurrently), so the parts do not add up to the run's time: read them per batch.
 * Bench-only: it patches live service objects of the `medusa exec` process it runs in.
 */
export function profileEscalation(container: MedusaContainer) {
  const totals = new Map<string, { ms: number; calls: number }>()
  const wrap = (label: string, target: any, method: string) => {
    const original = target?.[method]
    if (typeof original !== "function") {
      return
    }
    target[method] = async function (this: unknown, ...args: unknown[]) {
      const started = process.hrtime.bigint()
      try {
        return await original.apply(this, args)
      } finally {
        const t = totals.get(label) ?? { ms: 0, calls: 0 }
        t.ms += Number(process.hrtime.bigint() - started) / 1e6
        t.calls++
        totals.set(label, t)
      }
    }
  }
  const bankTransfer: any = container.resolve(BANK_TRANSFER_MODULE)
  wrap(
    "claim (lock, UPDATE, audit INSERT, commit)",
    bankTransfer,
    "claimDueEscalations"
  )
  const notification: any = container.resolve(Modules.NOTIFICATION)
  wrap(
    "notification: createNotifications (all of it)",
    notification,
    "createNotifications"
  )
  wrap(
    "notification: transaction 1 (look-up by keys, INSERT, commit)",
    notification.baseRepository_,
    "transaction"
  )
  wrap(
    "notification: look-up by idempotency keys",
    notification.notificationService_,
    "list"
  )
  wrap(
    "notification: status UPDATE (find, flush, commit)",
    notification.notificationService_,
    "update"
  )
  wrap(
    "notification: provider send (summed over the batch)",
    notification.notificationProviderService_,
    "send"
  )
  wrap(
    "notification: serialize the result",
    notification.baseRepository_,
    "serialize"
  )
  wrap(
    "shopper locales (query.graph)",
    container.resolve(ContainerRegistrationKeys.QUERY),
    "graph"
  )
  wrap("event bus emit", container.resolve(Modules.EVENT_BUS), "emit")
  return () =>
    [...totals.entries()].map(([label, t]) => ({
      label,
      calls: t.calls,
      ms: Math.round(t.ms),
      ms_per_call: Math.round((t.ms / t.calls) * 10) / 10,
    }))
}

/** Starts V8's CPU profiler; the function it answers stops it and writes the .cpuprofile to `path`. */
export async function cpuProfile(path: string) {
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r)))
    )
  await post("Profiler.enable")
  await post("Profiler.setSamplingInterval", { interval: 1000 })
  await post("Profiler.start")
  return async () => {
    const { profile } = await post("Profiler.stop")
    writeFileSync(path, JSON.stringify(profile))
    session.disconnect()
  }
}
