/**
 * Writes of a value that may be merged, one at a time per key: while a key's write is under way,
 * the values submitted for it wait and are merged (`merge`) into a single next write. Each
 * `submit` settles when a write that includes its value has settled, with that write's outcome.
 *
 * Why: every webhook delivery records "last delivery at" on its channel's one row. Written once
 * per delivery, concurrent deliveries queue on that row's lock; merged, there is at most one write
 * per channel in flight and one waiting, whatever the rate, and no delivery is answered before a
 * write that records it is done.
 */
export class CoalescingWriter<V> {
  private readonly slots = new Map<string, Slot<V>>()

  constructor(
    private readonly write: (key: string, value: V) => Promise<void>,
    private readonly merge: (earlier: V, later: V) => V
  ) {}

  submit(key: string, value: V): Promise<void> {
    const slot = this.slots.get(key)
    if (!slot) {
      this.slots.set(key, { queued: null })
      return this.run(key, value)
    }
    if (slot.queued) {
      slot.queued.value = this.merge(slot.queued.value, value)
      return slot.queued.done
    }
    let settle!: Queued<V>["settle"]
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error.cause) : resolve())
    })
    slot.queued = { value, done, settle }
    return done
  }

  private async run(key: string, value: V): Promise<void> {
    try {
      await this.write(key, value)
    } finally {
      this.next(key)
    }
  }

  /** Starts the write that waited, if any; otherwise the key is idle again. */
  private next(key: string) {
    const slot = this.slots.get(key)!
    const queued = slot.queued
    if (!queued) {
      this.slots.delete(key)
      return
    }
    slot.queued = null
    this.run(key, queued.value).then(
      () => queued.settle(null),
      (cause) => queued.settle({ cause })
    )
  }
}

type Queued<V> = {
  value: V
  done: Promise<void>
  settle: (error: { cause: unknown } | null) => void
}

type Slot<V> = { queued: Queued<V> | null }
