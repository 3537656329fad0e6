import path from "path"
import { SaxesParser } from "saxes"
import { StatementError } from "./types"
import {
  checkZipDeclared,
  inflatePart,
  MAX_XLSX_INFLATED_BYTES,
  type ZipPart,
} from "./zip-limits"

/**
 * read-excel-file's own readers of a workbook's parts (the relations, the workbook, shared strings,
 * styles, one worksheet: cell types, dates, number formats, gaps), from its CommonJS build. Its
 * exported readSheet inflates every part into memory and decodes each to one string before
 * parsing (a 100,000-row sheet is 16 MB of XML from a 3 MB file); these readers only need a
 * `parseXml` that calls them back per tag and per chunk, which streamXlsxPart gives them from the
 * zip a chunk at a time. The package exports only its whole-file readers, so these are loaded by
 * path; the version is pinned exactly in package.json, and the XLSX unit tests cover the readers.
 */
const lib = path.join(
  path.dirname(require.resolve("read-excel-file/package.json")),
  "commonjs",
  "xlsx"
)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(lib, `${name}.js`)).default
const parseFilePaths = load("parseFilePaths")
const parseSpreadsheetInfo = load("parseSpreadsheetInfo")
const parseSharedStrings = load("parseSharedStrings")
const parseStyles = load("parseStyles")
const parseSheet = load("parseSheet")
const InvalidSpreadsheetError = load("InvalidSpreadsheetError")

type Callback = ((...args: any[]) => void) | null | undefined
type Part = { buf: Buffer; part: ZipPart }

/** "x:row" → "row"; an attribute also keeps its prefixed name, as read-excel-file's reader does. */
const withoutPrefix = (name: string) => name.slice(name.indexOf(":") + 1)

/**
 * read-excel-file's `parseXml(content, state, onOpenTag, onCloseTag, onText, onProgress)`, on a
 * zip part instead of a string: inflated 64 KB at a time (zip-limits.ts, with its size ceilings),
 * decoded and fed to saxes. Text and attribute values are decoded (the library's own reader
 * decodes them too); CDATA sections are ignored, as its reader does. `onProgress(false)` after each
 * chunk lets the sheet reader move the finished rows out of its state; `onProgress(true)` at the end.
 */
function streamXlsxPart(
  { buf, part }: Part,
  state: unknown,
  onOpenTag: Callback,
  onCloseTag: Callback,
  onText: Callback,
  onProgress?: Callback
): Promise<void> {
  const parser = new SaxesParser()
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, value] of Object.entries(tag.attributes)) {
      attributes[name] = value as string
      if (!name.startsWith("xmlns:")) {
        attributes[withoutPrefix(name)] = value as string
      }
    }
    onOpenTag?.(withoutPrefix(tag.name), attributes, state)
  })
  parser.on("closetag", (tag) => onCloseTag?.(withoutPrefix(tag.name), state))
  if (onText) {
    parser.on("text", (text) => onText(text, state))
  }
  const decoder = new TextDecoder("utf-8")
  return inflatePart(buf, part, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }))
    onProgress?.(false)
  }).then(() => {
    parser.write(decoder.decode())
    parser.close()
    onProgress?.(true)
  })
}

/**
 * The first worksheet of an XLSX file, as rows of cell values (dates as Date, numbers as number),
 * as read-excel-file's readSheet gives them. The archive is checked first (zip-limits.ts): its
 * declared sizes at most `maxInflatedBytes`, 50 MB by default, then every entry inflated (and
 * dropped) to check it holds what it declares, before anything is parsed. Then the parts are read
 * as streams: no part is ever in memory whole, only the sheet's rows and the shared strings.
 */
export async function readXlsxRows(
  buf: Buffer,
  maxInflatedBytes: number = MAX_XLSX_INFLATED_BYTES
): Promise<unknown[][]> {
  const parts = checkZipDeclared(buf, maxInflatedBytes)
  for (const part of parts) {
    await inflatePart(buf, part, () => {})
  }
  // The parts read-excel-file reads at all (its own filter), by their path in the archive.
  const contents = new Map<string, Part>()
  for (const part of parts) {
    if (part.name.endsWith(".xml") || part.name.endsWith(".xml.rels")) {
      contents.set(part.name, { buf, part })
    }
  }
  try {
    return await readFirstSheet(contents)
  } catch (e: any) {
    if (e instanceof StatementError) {
      throw e
    }
    throw new StatementError(`not a readable XLSX workbook: ${e.message}`)
  }
}

/** read-excel-file's parseSpreadsheetContents for the first sheet, one part after the other. */
async function readFirstSheet(contents: Map<string, Part>) {
  const read = (
    file: string,
    parse: (content: Part, parseXml: typeof streamXlsxPart) => any,
    fallback?: unknown
  ) => {
    const content = contents.get(file)
    if (content === undefined) {
      if (fallback !== undefined) {
        return fallback
      }
      throw new InvalidSpreadsheetError(
        `"${file}" file not found inside the \`.xlsx\` file`
      )
    }
    return parse(content, streamXlsxPart)
  }
  const filePaths = await read("xl/_rels/workbook.xml.rels", parseFilePaths)
  const info = await read("xl/workbook.xml", parseSpreadsheetInfo)
  const sharedStrings = await read(
    filePaths.sharedStrings || "xl/sharedStrings.xml",
    parseSharedStrings,
    []
  )
  const styles = await read(
    filePaths.styles || "xl/styles.xml",
    parseStyles,
    {}
  )
  const relationId = info.sheets[0]?.relationId
  const sheetFile = relationId && filePaths.sheets[relationId]
  if (!sheetFile) {
    throw new InvalidSpreadsheetError("the workbook has no worksheet")
  }
  return read(sheetFile, (content, parseXml) =>
    parseSheet(content, parseXml, {
      sharedStrings,
      styles,
      epoch1904: info.epoch1904,
      dateFormatDetectionCache: [],
      // What readSheet passes: the first sheet, the default number parser.
      options: { sheets: [1], parseNumber: null },
    })
  )
}
