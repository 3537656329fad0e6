import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { stringify } from "csv-stringify/sync"
import { bankTransferModule } from "../../helpers"
import type { LedgerCursor } from "../../../../../modules/bank-transfer/repositories/ledger-export"
import type { ExportTransactionsQuery } from "../../validators"
import { addDays } from "../../../../../lib/escalate/calendar/local-date"
import {
  csvCells,
  exportFileName,
  exportHeader,
  ledgerExportRow,
  xlsxCells,
} from "../../../../../lib/ledger/export-rows"

// write-excel-file ships CommonJS for Node under "write-excel-file/node"; its typings are ESM-only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeExcelFile = require("write-excel-file/node") as (
  data: unknown[][],
  options: { sheet: string }
) => { toBuffer(): Promise<Buffer> }

/** Rows per database page: the CSV is written page by page, memory stays bounded. */
const PAGE = 1000
/** An XLSX file is built in memory (the format is a zip): above this many rows, CSV or a shorter period. */
export const XLSX_MAX_ROWS = 50_000

/**
 * GET /admin/bank-transfer/exports/transactions?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|xlsx —
 * the ledger for the books, as a file download (`Content-Disposition: attachment;
 * filename="bank-transactions_<from>_<to>.<format>"`).
 *
 * - `from`, `to`: calendar dates in the shop's time zone (settings.calendar.time_zone), both included;
 *   at most 366 days. `format`: csv (default) or xlsx.
 * - One row per live allocation (a movement paying two orders → two rows), one row with empty
 *   order columns for a movement without one; reversed allocations are left out. In and out.
 * - Amounts: exact decimal strings in the currency's major units ("2430000" VND, "12.50" USD). In
 *   XLSX they are number cells when that is exact (no decimals, at most 15 digits), else text.
 * - CSV: UTF-8 with a byte-order mark (Excel then reads Vietnamese right), comma-separated, header
 *   line first, cells a spreadsheet would run as formulas prefixed with an apostrophe; streamed.
 * - 400 `{ type: "invalid_data", message }`: bad or missing dates, `from` after `to`, a longer
 *   period, an unknown format, or an XLSX of more than 50,000 rows.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<
    unknown,
    z.infer<typeof ExportTransactionsQuery>
  >,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ExportTransactionsQuery>
  const service = bankTransferModule(req)
  const calendar = await service.loadCalendar()
  const range = {
    start: calendar.startOfDay(q.from),
    end: calendar.startOfDay(addDays(q.to, 1)),
  }
  const fileName = exportFileName(q.from, q.to, q.format)
  const pages = async function* () {
    let after: LedgerCursor | null = null
    do {
      const page = await service.ledgerExportPage({
        ...range,
        after,
        limit: PAGE,
      })
      yield page.rows.map((r) => ledgerExportRow(r, calendar.timeZone))
      after = page.next
    } while (after)
  }

  if (q.format === "xlsx") {
    const count = await service.countLedgerExportRows(range)
    if (count > XLSX_MAX_ROWS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The period has ${count} rows; an XLSX export holds at most ${XLSX_MAX_ROWS}. Export a shorter period, or CSV`
      )
    }
    const data: unknown[][] = [
      exportHeader().map((h) => ({ value: h, fontWeight: "bold" })),
    ]
    for await (const rows of pages()) {
      for (const row of rows) {
        data.push(xlsxCells(row))
      }
    }
    const buffer = await writeExcelFile(data, {
      sheet: "Transactions",
    }).toBuffer()
    res.setHeader(
      "Content-Type",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    res.setHeader("Content-Disposition", `attachment; filename="${fileName}"`)
    res.setHeader("X-Content-Type-Options", "nosniff")
    res.end(buffer)
    return
  }

  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${fileName}"`)
  res.setHeader("X-Content-Type-Options", "nosniff")
  // A client gone away ends the export: no page more is read for nobody.
  const gone = () => res.destroyed || res.writableEnded
  const write = (text: string) =>
    res.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          res.once("drain", resolve)
          res.once("close", resolve)
        })
  try {
    await write(`\uFEFF${stringify([exportHeader()])}`)
    for await (const rows of pages()) {
      if (gone()) {
        return
      }
      if (rows.length) {
        await write(stringify(rows.map(csvCells)))
      }
    }
    res.end()
  } catch (e) {
    // The status line is sent: the only honest answer left is a cut connection (no partial file
    // that looks complete), and the error goes to the log.
    req.scope
      .resolve("logger")
      .error(`Ledger export ${fileName} failed: ${(e as Error).message}`)
    res.destroy(e as Error)
  }
}
