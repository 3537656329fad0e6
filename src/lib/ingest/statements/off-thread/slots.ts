/**
 * At most `size` tasks at a time; the others wait in arrival order. A finished task hands its slot
 * straight to the next waiter, so a caller arriving in between cannot take it twice.
 */
export function createSlots(size: number) {
  let busy = 0
  const waiting: (() => void)[] = []
  const acquire = async () => {
    if (busy < size) {
      busy++
      return
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  const release = () => {
    const next = waiting.shift()
    if (next) {
      next()
    } else {
      busy--
    }
  }
  return {
    /** Runs `task` when a slot is free; resolves or rejects as it does. */
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire()
      try {
        return await task()
      } finally {
        release()
      }
    },
    /** Tasks running and waiting, for tests and logs. */
    stats: () => ({ busy, waiting: waiting.length }),
  }
}
