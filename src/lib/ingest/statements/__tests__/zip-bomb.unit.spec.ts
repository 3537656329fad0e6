/**
 * An XLSX that inflates to far more than it weighs is refused before the spreadsheet library
 * inflates it (zip-limits.ts). The archives are built here, byte by byte (PKWARE APPNOTE layout).
 */
import { constants, deflateRawSync } from "zlib"
import { parseStatement, StatementError } from "../index"
import { checkZipInflation, MAX_XLSX_INFLATED_BYTES } from "../zip-limits"

const MB = 1024 * 1024

/** Deflate data for `mb` megabytes of zeros without allocating them: one flushed 1 MB block, repeated. */
function zerosDeflated(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(MB), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  })
  // A final, empty stored block ends the stream.
  return Buffer.concat([
    ...Array.from({ length: mb }, () => block),
    Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]),
  ])
}

type ZipEntry = { name: string; data: Buffer; size: number }

/** A ZIP archive with deflated entries and the sizes we choose to declare (CRCs left at 0). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += 30 + name.length + e.data.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

const types = {
  name: "[Content_Types].xml",
  data: deflateRawSync(Buffer.from("<Types/>")),
  size: 8,
}

const refusal = (buf: Buffer) =>
  parseStatement(buf, { maxBytes: 10 * MB, fileName: "bomb.xlsx" }).then(
    () => null,
    (e) => e
  )

describe("XLSX decompression limit", () => {
  const bomb = zerosDeflated(100)

  it("the bomb weighs less than 1 MB (the honest archive below shows the construction inflates exactly)", () => {
    expect(bomb.length).toBeLessThan(MB)
    expect(MAX_XLSX_INFLATED_BYTES).toBe(50 * MB)
  })

  it("refuses an archive that declares 100 MB, before inflating anything", async () => {
    const buf = zip([
      types,
      { name: "xl/worksheets/sheet1.xml", data: bomb, size: 100 * MB },
    ])
    const e = await refusal(buf)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(
      /not a readable XLSX workbook: it would inflate to more than 50 MB .*"xl\/worksheets\/sheet1.xml" alone declares 100 MB/
    )
  })

  it("refuses an entry that lies about its size, as soon as it passes it", async () => {
    const buf = zip([
      types,
      { name: "xl/worksheets/sheet1.xml", data: bomb, size: 4096 },
    ])
    const e = await refusal(buf)
    expect(e).toBeInstanceOf(StatementError)
    expect(e.message).toMatch(
      /"xl\/worksheets\/sheet1.xml" inflates to more than the 4096 bytes it declares/
    )
  })

  it("counts the total of all entries, not each alone", () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: zerosDeflated(20),
      size: 20 * MB,
    }))
    expect(() => checkZipInflation(zip(entries))).toThrow(/more than 50 MB/)
  })

  it("accepts an honest archive under the limit and returns its inflated size", () => {
    const buf = zip([
      types,
      { name: "xl/a.xml", data: zerosDeflated(2), size: 2 * MB },
    ])
    expect(checkZipInflation(buf)).toBe(8 + 2 * MB)
  })

  it("refuses what is not a ZIP archive", () => {
    expect(() =>
      checkZipInflation(
        Buffer.from("PK\x03\x04" + "not really a zip ".repeat(4))
      )
    ).toThrow(/end-of-central-directory/)
  })
})
