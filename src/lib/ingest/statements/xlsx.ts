import { StatementError } from "./types"
import { checkZipInflation, MAX_XLSX_INFLATED_BYTES } from "./zip-limits"

// read-excel-file ships CommonJS for Node under "read-excel-file/node"; its typings are ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheet } = require("read-excel-file/node") as {
  readSheet(input: Buffer): Promise<unknown[][]>
}

/**
 * The first worksheet of an XLSX file, as rows of cell values (dates as Date, numbers as number).
 * The archive's inflated size is checked first (zip-limits.ts): at most `maxInflatedBytes`, 50 MB
 * by default, or the file is refused before the spreadsheet library inflates it.
 */
export async function readXlsxRows(
  buf: Buffer,
  maxInflatedBytes: number = MAX_XLSX_INFLATED_BYTES
): Promise<unknown[][]> {
  checkZipInflation(buf, maxInflatedBytes)
  try {
    return await readSheet(buf)
  } catch (e: any) {
    throw new StatementError(`not a readable XLSX workbook: ${e.message}`)
  }
}
