import { types } from "util"
import writeXlsxFile from "write-excel-file/node"
import { parseStatement, StatementError } from "../index"
import {
  DEFAULT_LIMITS,
  offThreadStats,
  parseStatementOffThread,
  youngGenerationFor,
} from "../off-thread/index"

const MAX = 50 * 1024 * 1024
const HEADER = "Ngày giao dịch;Số tham chiếu;Số tiền;Mô tả"

/** An n-row CSV export, every row valid. */
function bigCsv(n: number): Buffer {
  const rows = [HEADER]
  for (let i = 0; i < n; i++) {
    rows.push(
      `${String(1 + (i % 28)).padStart(2, "0")}/11/2026;R${i};${1000 + i};DH${i}K`
    )
  }
  return Buffer.from(rows.join("\n"))
}

/** Counts turns of the event loop until `work` settles: none if `work` blocks the thread. */
async function ticksDuring(work: () => Promise<unknown>) {
  let ticks = 0
  let running = true
  const tick = () => {
    if (running) {
      ticks++
      setImmediate(tick)
    }
  }
  setImmediate(tick)
  try {
    await work()
  } finally {
    running = false
  }
  return ticks
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e
  )

describe("parseStatementOffThread", () => {
  jest.setTimeout(120_000)

  it("keeps the event loop turning while a large file parses (inline, it does not turn at all)", async () => {
    const file = bigCsv(60_000)
    let inlineLines: unknown[] = []
    let offThreadLines: unknown[] = []
    const inline = await ticksDuring(async () => {
      inlineLines = (await parseStatement(file, { maxBytes: MAX })).lines
    })
    expect(inlineLines).toHaveLength(60_000)
    expect(inline).toBe(0)
    const offThread = await ticksDuring(async () => {
      offThreadLines = (await parseStatementOffThread(file, { maxBytes: MAX }))
        .lines
    })
    expect(offThread).toBeGreaterThan(0)
    // The lines come back in chunks: all of them, in the file's order.
    expect(offThreadLines).toEqual(inlineLines)
  })

  it("gives the same result as parseStatement, Dates included", async () => {
    const xlsx = await (
      writeXlsxFile([
        [{ value: "Ngày" }, { value: "Số tiền" }, { value: "Nội dung" }],
        [
          {
            type: Date,
            value: new Date("2026-11-23T00:00:00Z"),
            format: "dd/mm/yyyy",
          },
          { type: Number, value: 2430000 },
          { value: "DH1042K" },
        ],
      ] as any) as any
    ).toBuffer()
    const mt940 = Buffer.from(
      [
        ":20:S1",
        ":25:0071000123456",
        ":60F:C261101VND1000,",
        ":61:2611021102C500,NTRFREF1//FT1",
        ":86:DH42K",
        ":62F:C261130VND1500,",
        "-",
      ].join("\n")
    )
    // The text formats parse in a small young generation, XLSX in V8's default.
    expect(youngGenerationFor(mt940, {}, DEFAULT_LIMITS)).toBe(12)
    expect(youngGenerationFor(bigCsv(3), {}, DEFAULT_LIMITS)).toBe(12)
    expect(youngGenerationFor(xlsx, {}, DEFAULT_LIMITS)).toBeUndefined()
    for (const file of [xlsx, mt940, bigCsv(3)]) {
      const inline = await parseStatement(file, { maxBytes: MAX })
      const offThread = await parseStatementOffThread(file, { maxBytes: MAX })
      expect(offThread).toEqual(inline)
      // A Date made outside jest's sandbox is not `instanceof` the sandbox's Date: ask V8.
      expect(types.isDate(offThread.lines[0].booked_at)).toBe(true)
    }
  })

  it("refuses a bad file with the same StatementError, naming its line; lists a bad line the same", async () => {
    const formula = Buffer.concat([
      bigCsv(20),
      Buffer.from("\n30/11/2026;R-bad;1000;=1+1"),
    ])
    const inline = await refusal(parseStatement(formula, { maxBytes: MAX }))
    const e = await refusal(parseStatementOffThread(formula, { maxBytes: MAX }))
    expect(e).toBeInstanceOf(StatementError)
    expect(e.location).toBe(inline.location)
    expect(e.message).toBe(inline.message)
    expect(e.message).toMatch(/^row 22, column .*formula/)

    // One impossible date among good rows: listed, not refused, in the worker as inline.
    const bad = Buffer.concat([
      bigCsv(20),
      Buffer.from("\n31/02/2026;R-bad;1000;DH9K"),
    ])
    const parsed = await parseStatementOffThread(bad, { maxBytes: MAX })
    expect(parsed.rejected_lines).toEqual(
      (await parseStatement(bad, { maxBytes: MAX })).rejected_lines
    )
    expect(parsed.rejected_lines?.[0]?.line).toBe("row 22")
  })

  it("refuses a file whose parse passes the worker's heap ceiling", async () => {
    const e = await refusal(
      parseStatementOffThread(
        bigCsv(200_000),
        { maxBytes: MAX },
        { maxHeapMb: 16 }
      )
    )
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(/needs more than 16 MB of memory/)
  })

  it("runs at most two parses at a time; the others wait their turn", async () => {
    const file = bigCsv(100)
    const all = [1, 2, 3].map(() =>
      parseStatementOffThread(file, { maxBytes: MAX })
    )
    await new Promise((resolve) => setImmediate(resolve))
    const { busy, waiting } = offThreadStats()
    expect(busy + waiting).toBe(3)
    expect(busy).toBeLessThanOrEqual(2)
    expect(waiting).toBeGreaterThanOrEqual(1)
    for (const p of await Promise.all(all)) {
      expect(p.lines).toHaveLength(100)
    }
    expect(offThreadStats()).toEqual({ busy: 0, waiting: 0 })
  })
})
