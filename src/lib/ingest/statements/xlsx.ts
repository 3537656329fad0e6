import { StatementError } from "./types"

// read-excel-file ships CommonJS for Node under "read-excel-file/node"; its typings are ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheet } = require("read-excel-file/node") as {
  readSheet(input: Buffer): Promise<unknown[][]>
}

/** The first worksheet of an XLSX file, as rows of cell values (dates as Date, numbers as number). */
export async function readXlsxRows(buf: Buffer): Promise<unknown[][]> {
  try {
    return await readSheet(buf)
  } catch (e: any) {
    throw new StatementError(`not a readable XLSX workbook: ${e.message}`)
  }
}
