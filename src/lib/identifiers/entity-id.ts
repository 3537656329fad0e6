import { randomFillSync } from "node:crypto"
import { factory } from "ulid"

// ulid's default source asks node:crypto for one byte per character, which costs more than the
// rest of writing a row when the escalation job records 100,000 steps. The same randomness,
// drawn 4 KiB at a time. 256 values per byte map evenly onto ULID's 32 characters.
const pool = Buffer.alloc(4096)
let next = pool.length
const ulid = factory(() => {
  if (next >= pool.length) {
    randomFillSync(pool)
    next = 0
  }
  return pool[next++] / 256
})

/** An id shaped like Medusa's own (generateEntityId): "prefix_" + ULID. */
export function entityId(prefix: string): string {
  return `${prefix}_${ulid()}`
}
