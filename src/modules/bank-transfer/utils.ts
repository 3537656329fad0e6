import type { BigNumberInput } from "@medusajs/framework/types"
import type { Actor } from "./types"

/** DML types bigNumber columns as number; Medusa stores any exact BigNumber input given to them. */
export const money = (value: BigNumberInput) => value as unknown as number

/** "?, ?, ?" for a raw query's IN list. */
export const placeholders = (values: readonly unknown[]) =>
  values.map(() => "?").join(",")

/** How an actor is written in `created_by`, `decided_by`, …: "admin:user_01…" or "system". */
export function actorLabel(actor: Actor) {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type
}

/** The source's own id when it has one, else the content fingerprint. */
export function dedupeKey(r: {
  dedupe_key?: string
  source: string
  external_id: string | null
  fingerprint: string
}) {
  return (
    r.dedupe_key ??
    (r.external_id ? `${r.source}:${r.external_id}` : `fp:${r.fingerprint}`)
  )
}
