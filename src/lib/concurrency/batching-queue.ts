/**
 * Work submitted concurrently, run in batches ("group commit"): one batch runs at a time; what is
 * submitted meanwhile waits, and the next batch takes the waiting items in their order, up to
 * `maxItems`, skipping (for a later batch) any item that `fits` says cannot join the items taken
 * so far. An item submitted while nothing runs starts a batch of its own at once: no added wait
 * when the load is light. Each submission settles with its own result. A batch that fails is run
 * again one item at a time, so that one item's error is only its own.
 *
 * Why: each webhook delivery was one database transaction of five round trips; under load, the
 * deliveries that arrive while one transaction runs are recorded together by the next, in the same
 * five round trips (README "Performance").
 */
export class BatchingQueue<In, Out> {
  private readonly waiting: Waiting<In, Out>[] = []
  private running = false

  /**
   * @param run runs a batch; resolves with one result per item, in the items' order.
   * @param options.fits whether `item` may join `batch` (the items taken so far, never empty).
   */
  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly options: {
      maxItems: number
      fits: (batch: In[], item: In) => boolean
    }
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject })
      if (!this.running) {
        void this.drain()
      }
    })
  }

  private async drain() {
    this.running = true
    try {
      while (this.waiting.length) {
        await this.runBatch(this.takeBatch())
      }
    } finally {
      this.running = false
    }
  }

  /** The next batch: waiting items in order, those that do not fit left waiting, in order. */
  private takeBatch(): Waiting<In, Out>[] {
    const batch: Waiting<In, Out>[] = []
    const items: In[] = []
    const left: Waiting<In, Out>[] = []
    for (const w of this.waiting) {
      if (
        batch.length < this.options.maxItems &&
        (!batch.length || this.options.fits(items, w.item))
      ) {
        batch.push(w)
        items.push(w.item)
      } else {
        left.push(w)
      }
    }
    this.waiting.splice(0, this.waiting.length, ...left)
    return batch
  }

  private async runBatch(batch: Waiting<In, Out>[]) {
    try {
      const results = await this.run(batch.map((w) => w.item))
      batch.forEach((w, i) => w.resolve(results[i]))
      return
    } catch (e) {
      if (batch.length === 1) {
        batch[0].reject(e)
        return
      }
    }
    for (const w of batch) {
      try {
        w.resolve((await this.run([w.item]))[0])
      } catch (e) {
        w.reject(e)
      }
    }
  }
}

type Waiting<In, Out> = {
  item: In
  resolve: (out: Out) => void
  reject: (e: unknown) => void
}
