import { normaliseHeader } from "./values"

/**
 * Header cells of Vietnamese bank exports, which are often bilingual: "Ngày giao dịch / Transaction
 * date", "Số tiền ghi có/ Credit", or the two languages on two lines of one cell
 * ("Ngày giao dịch\nTransaction date"). One cell may even name two columns merged into one
 * ("Ngày/ TNX Date/ Số CT/ Doc No": the date, then the document number).
 *
 * A cell is compared through its parts: the whole text and every piece between "/" or line breaks,
 * each normalised (lower case, no diacritics, single spaces).
 */
export type HeaderCell = { whole: string; parts: string[] }

/** Sequence-number columns ("STT/ No.") never hold a field, although "No" reads as "Nợ" (debit). */
const SEQUENCE_PARTS = new Set(["stt", "so thu tu", "seq", "no"])

export function headerCell(raw: unknown): HeaderCell {
  const text = raw === null || raw === undefined ? "" : String(raw)
  const whole = normaliseHeader(text)
  const parts = [
    ...new Set(
      text
        .split(/[/\r\n]+/)
        .map(normaliseHeader)
        .filter(Boolean)
    ),
  ]
  return { whole, parts }
}

/** True for the "STT" / "No." column: its parts are only sequence words. */
export function isSequenceColumn(cell: HeaderCell): boolean {
  return (
    cell.parts.length > 0 &&
    cell.parts.some((p) => p === "stt" || p === "so thu tu") &&
    cell.parts.every((p) => SEQUENCE_PARTS.has(p) || p === "stt no")
  )
}

/** Whether a header cell is named `name` (already normalised), as a whole or as one of its parts. */
export function cellNamed(cell: HeaderCell, name: string): boolean {
  return cell.whole === name || cell.parts.includes(name)
}

/**
 * The column named by any of `names` (normalised, in order of preference), skipping taken columns
 * and sequence-number columns. The first name that some column carries wins.
 */
export function findColumn(
  cells: HeaderCell[],
  names: string[],
  taken: ReadonlySet<number> = new Set()
): number | undefined {
  for (const name of names) {
    const i = cells.findIndex(
      (c, idx) => !taken.has(idx) && !isSequenceColumn(c) && cellNamed(c, name)
    )
    if (i !== -1) {
      return i
    }
  }
  return undefined
}
