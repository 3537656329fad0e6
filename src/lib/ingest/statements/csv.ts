import { parse } from "csv-parse/sync"
import { StatementError } from "./types"

/** CSV rows with csv-parse: quoted multi-line memos, ; or , or tab delimiters, ragged rows. */
export function readCsvRows(text: string): string[][] {
  const firstLines = text.split(/\r?\n/, 40).join("\n")
  const delimiter = [";", "\t", ","].sort(
    (a, b) => count(firstLines, b) - count(firstLines, a)
  )[0]
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      trim: false,
    })
  } catch (e: any) {
    throw new StatementError(
      `not valid CSV: ${e.message}`,
      e.lines ? `line ${e.lines}` : undefined
    )
  }
}

const count = (text: string, ch: string) => text.split(ch).length - 1
