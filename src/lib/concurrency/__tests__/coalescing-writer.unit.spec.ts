import { CoalescingWriter } from "../coalescing-writer"

/** A write that waits until released, so that tests decide when each write ends. */
function controlledWrites() {
  const writes: { key: string; value: number; release: (e?: Error) => void }[] =
    []
  const write = (key: string, value: number) =>
    new Promise<void>((resolve, reject) =>
      writes.push({ key, value, release: (e) => (e ? reject(e) : resolve()) })
    )
  return { writes, write }
}

const tick = () => new Promise((r) => setImmediate(r))

describe("CoalescingWriter", () => {
  it("writes at once when idle, and merges what arrives meanwhile into one next write", async () => {
    const { writes, write } = controlledWrites()
    const writer = new CoalescingWriter(write, Math.max)
    const settled: string[] = []
    const first = writer.submit("sepay", 1).then(() => settled.push("first"))
    const second = writer.submit("sepay", 3).then(() => settled.push("second"))
    const third = writer.submit("sepay", 2).then(() => settled.push("third"))
    await tick()
    expect(writes.map((w) => w.value)).toEqual([1])

    writes[0].release()
    await tick()
    expect(settled).toEqual(["first"])
    // The two that waited are one write, of their merged value.
    expect(writes.map((w) => w.value)).toEqual([1, 3])

    writes[1].release()
    await Promise.all([first, second, third])
    expect(settled).toEqual(["first", "second", "third"])
    expect(writes).toHaveLength(2)
  })

  it("keeps keys apart", async () => {
    const { writes, write } = controlledWrites()
    const writer = new CoalescingWriter(write, Math.max)
    void writer.submit("sepay", 1)
    void writer.submit("casso", 5)
    await tick()
    expect(writes.map((w) => [w.key, w.value])).toEqual([
      ["sepay", 1],
      ["casso", 5],
    ])
  })

  it("passes a failed write's error to the submissions it carried, and goes on", async () => {
    const { writes, write } = controlledWrites()
    const writer = new CoalescingWriter(write, Math.max)
    const first = writer.submit("payos", 1)
    const second = writer.submit("payos", 2)
    writes[0].release(new Error("connection lost"))
    await expect(first).rejects.toThrow("connection lost")
    await tick()
    writes[1].release(new Error("still down"))
    await expect(second).rejects.toThrow("still down")

    // Idle again: the next submission writes at once.
    const third = writer.submit("payos", 3)
    await tick()
    expect(writes.map((w) => w.value)).toEqual([1, 2, 3])
    writes[2].release()
    await expect(third).resolves.toBeUndefined()
  })
})
