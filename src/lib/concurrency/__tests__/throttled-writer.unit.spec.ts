import { ThrottledWriter } from "../throttled-writer"

/** Records each write; a write fails when `fail` holds an error at the time it is made. */
function recordedWrites() {
  const writes: [string, number][] = []
  let fail: Error | null = null
  const write = async (key: string, value: number) => {
    writes.push([key, value])
    if (fail) {
      throw fail
    }
  }
  return { writes, write, failWith: (e: Error | null) => (fail = e) }
}

describe("ThrottledWriter", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("writes at once after a quiet interval, and merges what arrives within it into one write at its end", async () => {
    const { writes, write } = recordedWrites()
    const onError = jest.fn()
    const writer = new ThrottledWriter(write, Math.max, {
      intervalMs: 1000,
      onError,
    })
    await writer.submit("sepay", 1)
    expect(writes).toEqual([["sepay", 1]])

    // Within the interval: answered at once, written together at its end.
    await writer.submit("sepay", 3)
    await writer.submit("sepay", 2)
    expect(writes).toEqual([["sepay", 1]])
    await jest.advanceTimersByTimeAsync(1000)
    expect(writes).toEqual([
      ["sepay", 1],
      ["sepay", 3],
    ])

    // A quiet interval after it: idle again, the next value is written at once.
    await jest.advanceTimersByTimeAsync(1000)
    await writer.submit("sepay", 4)
    expect(writes).toEqual([
      ["sepay", 1],
      ["sepay", 3],
      ["sepay", 4],
    ])
    expect(onError).not.toHaveBeenCalled()
  })

  it("keeps keys apart", async () => {
    const { writes, write } = recordedWrites()
    const writer = new ThrottledWriter(write, Math.max, {
      intervalMs: 1000,
      onError: jest.fn(),
    })
    await writer.submit("sepay", 1)
    await writer.submit("casso", 5)
    expect(writes).toEqual([
      ["sepay", 1],
      ["casso", 5],
    ])
  })

  it("rejects a submission whose own write failed, reports a merged write's failure, and goes on", async () => {
    const { writes, write, failWith } = recordedWrites()
    const onError = jest.fn()
    const writer = new ThrottledWriter(write, Math.max, {
      intervalMs: 1000,
      onError,
    })
    failWith(new Error("connection lost"))
    await expect(writer.submit("payos", 1)).rejects.toThrow("connection lost")
    await expect(writer.submit("payos", 2)).resolves.toBeUndefined()
    await jest.advanceTimersByTimeAsync(1000)
    expect(onError).toHaveBeenCalledWith("payos", expect.any(Error))

    failWith(null)
    await jest.advanceTimersByTimeAsync(1000)
    await writer.submit("payos", 3)
    expect(writes.map(([, v]) => v)).toEqual([1, 2, 3])
  })
})
