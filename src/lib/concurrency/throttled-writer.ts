/**
 * Writes of a value that may be merged, at most one per key every `intervalMs`. A value submitted
 * when the key has not been written for `intervalMs` is written at once, and its `submit` settles
 * with that write. Values submitted within the interval are merged (`merge`) into one write at its
 * end; their `submit` resolves at once, and that write's failure goes to `onError`.
 *
 * Why: every webhook delivery records "last delivery at" on its channel's row, for the settings
 * tab. Under load, one write per delivery (even merged while one is under way) was one more
 * statement per delivery: as much as the delivery's own record, profiled (README "Performance").
 * A lone delivery is still answered after the write that records it; under load the row is at
 * most `intervalMs` behind. Writes of one key may overlap when one outlasts the interval: `write`
 * must keep the latest value whatever order they end in (the status upsert takes the greatest).
 */
export class ThrottledWriter<V> {
  private readonly slots = new Map<string, Slot<V>>()

  constructor(
    private readonly write: (key: string, value: V) => Promise<void>,
    private readonly merge: (earlier: V, later: V) => V,
    private readonly options: {
      intervalMs: number
      onError: (key: string, error: unknown) => void
    }
  ) {}

  submit(key: string, value: V): Promise<void> {
    const slot = this.slots.get(key)
    if (slot) {
      slot.pending =
        slot.pending === null
          ? { value }
          : { value: this.merge(slot.pending.value, value) }
      return Promise.resolve()
    }
    this.slots.set(key, { pending: null })
    this.closeIntervalLater(key)
    return this.write(key, value)
  }

  /** At the interval's end: the merged write if values came meanwhile (and a new interval), else idle. */
  private closeIntervalLater(key: string) {
    const timer = setTimeout(() => {
      const slot = this.slots.get(key)!
      if (!slot.pending) {
        this.slots.delete(key)
        return
      }
      const { value } = slot.pending
      slot.pending = null
      this.closeIntervalLater(key)
      this.write(key, value).catch((e) => this.options.onError(key, e))
    }, this.options.intervalMs)
    // A merged write left when the process exits is at most one interval of "last delivery at".
    timer.unref?.()
  }
}

type Slot<V> = { pending: { value: V } | null }
