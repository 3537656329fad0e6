import { createInflateRaw, inflateRawSync } from "zlib"
import { StatementError } from "./types"

/**
 * Decompression limits for an XLSX workbook (a ZIP archive, PKWARE APPNOTE 6.3: local file headers,
 * a central directory, an end-of-central-directory record). A few hundred kilobytes can inflate to
 * gigabytes (a "zip bomb"); the spreadsheet library would inflate everything it is given, so the
 * archive is checked first, without trusting it:
 *   1. the central directory's declared sizes: their total above the limit refuses the file before
 *      anything is inflated;
 *   2. each entry is inflated with its declared size as a hard ceiling (zlib stops there), so an
 *      entry that lies about its size is refused as soon as it passes it.
 * ZIP64 archives, encrypted entries and methods other than stored (0) and deflate (8) are refused:
 * no bank exports them.
 */
export const MAX_XLSX_INFLATED_BYTES = 50 * 1024 * 1024
const MAX_ENTRIES = 10_000

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

type Entry = {
  name: string
  method: number
  flags: number
  compressed: number
  size: number
  localOffset: number
}

const refuse = (message: string) =>
  new StatementError(`not a readable XLSX workbook: ${message}`)

function findEndRecord(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff)
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      return i
    }
  }
  throw refuse("no ZIP end-of-central-directory record")
}

/** The central directory's entries, as declared. */
export function readZipDirectory(buf: Buffer): Entry[] {
  if (buf.length < 22) {
    throw refuse("too short to be a ZIP archive")
  }
  const end = findEndRecord(buf)
  const count = buf.readUInt16LE(end + 10)
  const dirSize = buf.readUInt32LE(end + 12)
  const dirOffset = buf.readUInt32LE(end + 16)
  if (count === 0xffff || dirOffset === 0xffffffff) {
    throw refuse("ZIP64 archives are not accepted")
  }
  if (count > MAX_ENTRIES) {
    throw refuse(`more than ${MAX_ENTRIES} files in the archive`)
  }
  if (dirOffset + dirSize > end) {
    throw refuse("the ZIP central directory lies outside the file")
  }
  const entries: Entry[] = []
  let p = dirOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) {
      throw refuse(`ZIP central directory entry ${n + 1} is malformed`)
    }
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** An entry whose local header has been checked, with where its data starts. */
export type ZipPart = Entry & { start: number }

/**
 * The checks that need no inflating: the declared sizes' total (at most `maxBytes`), no ZIP64, no
 * encryption, stored or deflate only, local headers and data inside the file. Returns the entries.
 */
export function checkZipDeclared(
  buf: Buffer,
  maxBytes: number = MAX_XLSX_INFLATED_BYTES
): ZipPart[] {
  const entries = readZipDirectory(buf)
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
  let declared = 0
  for (const e of entries) {
    declared += e.size
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) {
      throw refuse(`"${e.name}": ZIP64 sizes are not accepted`)
    }
    if (declared > maxBytes) {
      throw refuse(
        `it would inflate to more than ${mb(maxBytes)} (a compressed-file bomb?); "${e.name}" alone declares ${mb(e.size)}`
      )
    }
    if (e.flags & 0x1) {
      throw refuse(`"${e.name}" is encrypted`)
    }
    if (e.method !== 0 && e.method !== 8) {
      throw refuse(`"${e.name}" uses an unsupported compression method`)
    }
  }
  return entries.map((e) => {
    const h = e.localOffset
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL) {
      throw refuse(`"${e.name}": malformed ZIP local header`)
    }
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28)
    if (start + e.compressed > buf.length) {
      throw refuse(`"${e.name}" runs past the end of the file`)
    }
    return { ...e, start }
  })
}

const liesAboutSize = (e: Entry) =>
  refuse(
    `"${e.name}" inflates to more than the ${e.size} bytes it declares (a compressed-file bomb?)`
  )
const wrongSize = (e: Entry, actual: number) =>
  refuse(
    `"${e.name}" inflates to ${actual} bytes, not the ${e.size} it declares`
  )

/**
 * Refuses an archive whose entries inflate to more than `maxBytes` in total, or that lies about
 * its sizes. Throws a StatementError naming the entry; returns the total inflated size.
 */
export function checkZipInflation(
  buf: Buffer,
  maxBytes: number = MAX_XLSX_INFLATED_BYTES
): number {
  let declared = 0
  for (const e of checkZipDeclared(buf, maxBytes)) {
    declared += e.size
    const data = buf.subarray(e.start, e.start + e.compressed)
    let actual = data.length
    if (e.method === 8) {
      try {
        // One byte over the declared size is enough to know it lied.
        actual = inflateRawSync(data, { maxOutputLength: e.size + 1 }).length
      } catch (err: any) {
        if (err?.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
          throw liesAboutSize(e)
        }
        throw refuse(`"${e.name}" is not valid deflate data`)
      }
    }
    if (actual !== e.size) {
      throw wrongSize(e, actual)
    }
  }
  return declared
}

/** Bytes of inflated output per chunk: a part is never held whole (see inflatePart). */
const INFLATE_CHUNK = 64 * 1024

/**
 * Inflates one entry a chunk at a time, handing each chunk to `onChunk` and keeping none: the
 * same limits as checkZipInflation (its declared size is a hard ceiling, stopped as soon as it is
 * passed; any other size refused), without the entry ever being in memory whole. An error thrown
 * by `onChunk` stops it and is the promise's.
 */
export function inflatePart(
  buf: Buffer,
  part: ZipPart,
  onChunk: (chunk: Buffer) => void
): Promise<void> {
  const data = buf.subarray(part.start, part.start + part.compressed)
  if (part.method === 0) {
    return new Promise((resolve, reject) => {
      try {
        if (data.length !== part.size) {
          throw wrongSize(part, data.length)
        }
        for (let at = 0; at < data.length; at += INFLATE_CHUNK) {
          onChunk(data.subarray(at, at + INFLATE_CHUNK))
        }
        resolve()
      } catch (e) {
        reject(e)
      }
    })
  }
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: INFLATE_CHUNK })
    let total = 0
    let failed = false
    const fail = (e: unknown) => {
      if (!failed) {
        failed = true
        z.destroy()
        reject(e)
      }
    }
    z.on("data", (chunk: Buffer) => {
      if (failed) {
        return
      }
      total += chunk.length
      if (total > part.size) {
        fail(liesAboutSize(part))
        return
      }
      try {
        onChunk(chunk)
      } catch (e) {
        fail(e)
      }
    })
    z.on("error", () =>
      fail(refuse(`"${part.name}" is not valid deflate data`))
    )
    z.on("end", () => {
      // The consumer (a parser holding what it read) is let go now, not when the stream's native
      // handle is closed a few turns of the event loop later.
      z.removeAllListeners("data")
      if (!failed) {
        if (total !== part.size) {
          fail(wrongSize(part, total))
        } else {
          resolve()
        }
      }
    })
    z.end(data)
  })
}
