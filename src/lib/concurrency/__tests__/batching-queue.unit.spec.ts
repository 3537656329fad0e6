import { BatchingQueue } from "../batching-queue"

type Item = { name: string; key: string }

/** A batch runner that waits until released, recording each batch it was given. */
function controlledRuns(fail?: (items: Item[]) => Error | null) {
  const batches: string[][] = []
  const pending: (() => void)[] = []
  const run = (items: Item[]) => {
    batches.push(items.map((i) => i.name))
    return new Promise<string[]>((resolve, reject) =>
      pending.push(() => {
        const error = fail?.(items)
        return error
          ? reject(error)
          : resolve(items.map((i) => `done ${i.name}`))
      })
    )
  }
  const releaseAll = async () => {
    while (pending.length) {
      pending.shift()!()
      await new Promise((r) => setImmediate(r))
    }
  }
  return { batches, run, releaseAll }
}

const differentKeys = (batch: Item[], item: Item) =>
  batch.every((b) => b.key !== item.key)

describe("BatchingQueue", () => {
  it("runs the first item at once, then what waited as one batch; each gets its own result", async () => {
    const { batches, run, releaseAll } = controlledRuns()
    const queue = new BatchingQueue(run, { maxItems: 10, fits: differentKeys })
    const results = Promise.all(
      ["a", "b", "c", "d"].map((name) => queue.submit({ name, key: name }))
    )
    await releaseAll()
    expect(await results).toEqual(["done a", "done b", "done c", "done d"])
    expect(batches).toEqual([["a"], ["b", "c", "d"]])
  })

  it("keeps an item that does not fit for a later batch, in order, and never exceeds maxItems", async () => {
    const { batches, run, releaseAll } = controlledRuns()
    const queue = new BatchingQueue(run, { maxItems: 2, fits: differentKeys })
    const results = Promise.all([
      queue.submit({ name: "first", key: "x" }),
      queue.submit({ name: "b1", key: "VND|in|100" }),
      queue.submit({ name: "b2", key: "VND|in|100" }),
      queue.submit({ name: "c", key: "VND|in|200" }),
      queue.submit({ name: "d", key: "VND|in|300" }),
    ])
    await releaseAll()
    await results
    // b2 could be the same movement as b1: never in one batch with it.
    expect(batches).toEqual([["first"], ["b1", "c"], ["b2", "d"]])
  })

  it("runs a failed batch again item by item: only the failing item fails", async () => {
    const { batches, run, releaseAll } = controlledRuns((items) =>
      items.some((i) => i.name === "bad") ? new Error("bad line") : null
    )
    const queue = new BatchingQueue(run, { maxItems: 10, fits: differentKeys })
    const first = queue.submit({ name: "a", key: "a" })
    const bad = queue.submit({ name: "bad", key: "bad" })
    const good = queue.submit({ name: "c", key: "c" })
    const settled = Promise.allSettled([first, bad, good])
    await releaseAll()
    const [a, b, c] = await settled
    expect(a).toEqual({ status: "fulfilled", value: "done a" })
    expect(b).toMatchObject({
      status: "rejected",
      reason: new Error("bad line"),
    })
    expect(c).toEqual({ status: "fulfilled", value: "done c" })
    expect(batches).toEqual([["a"], ["bad", "c"], ["bad"], ["c"]])
  })

  it("is idle again after the last batch: the next item runs at once", async () => {
    const { batches, run, releaseAll } = controlledRuns()
    const queue = new BatchingQueue(run, { maxItems: 10, fits: differentKeys })
    const one = queue.submit({ name: "a", key: "a" })
    await releaseAll()
    await one
    const two = queue.submit({ name: "b", key: "b" })
    await releaseAll()
    expect(await two).toBe("done b")
    expect(batches).toEqual([["a"], ["b"]])
  })
})
