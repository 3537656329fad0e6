import type { ColumnMapping, ParsedStatement, StatementFormat } from "./types"
import { StatementError } from "./types"
import { guardSize, guardText, guardTextBytes } from "./guard"
import { readCsvRows } from "./csv"
import { readXlsxRows } from "./xlsx"
import { rowsToStatement } from "./tabular"
import { parseCamt053 } from "./camt053"
import { parseMt940 } from "./mt940"
import { parseOfx } from "./ofx"
import { finishStatement } from "./line-identity"
import { refuseIfNothingLeft } from "./rejected-lines"

export * from "./types"
export { BANK_PRESETS } from "./presets"

export type ParseOptions = {
  fileName?: string
  maxBytes: number
  mapping?: ColumnMapping
  /** The merchant's receiving accounts: a statement of another account is refused. */
  expectedAccounts?: string[]
  defaultCurrency?: string
}

/** Recognises the format from the content (the file name only breaks ties). */
export function detectFormat(buf: Buffer, fileName = ""): StatementFormat {
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return "xlsx"
  }
  const head = buf.subarray(0, 4096).toString("utf8")
  if (/<OFX>|OFXHEADER/i.test(head)) {
    return "ofx"
  }
  if (
    /camt\.053|BkToCstmrStmt/.test(head) ||
    (/^\s*<\?xml/.test(head) && /\.xml$/i.test(fileName))
  ) {
    return "camt053"
  }
  if (/^\s*(\{1:|:20:)/.test(head) || /:60F:|:61:/.test(head)) {
    return "mt940"
  }
  return "csv"
}

/**
 * Parses a statement file completely, or throws a StatementError naming what is wrong. Lines that
 * cannot be read are listed in `rejected_lines` when the file still holds together without them
 * (its balances add up, other lines remain); anything structural refuses the whole file.
 */
export async function parseStatement(
  buf: Buffer,
  opts: ParseOptions
): Promise<ParsedStatement> {
  guardSize(buf, opts.maxBytes)
  const format = detectFormat(buf, opts.fileName)
  let parsed: ParsedStatement
  if (format === "xlsx") {
    parsed = rowsToStatement(await readXlsxRows(buf), "xlsx", opts)
  } else if (format === "camt053") {
    // Streamed from the bytes: the file is never held as one string (camt053.ts).
    guardTextBytes(buf, opts.maxBytes)
    parsed = parseCamt053(buf)
  } else {
    const text = guardText(buf, opts.maxBytes)
    if (format === "mt940") {
      parsed = parseMt940(text)
    } else if (format === "ofx") {
      parsed = parseOfx(text)
    } else {
      parsed = rowsToStatement(readCsvRows(text), "csv", opts)
    }
  }
  refuseIfNothingLeft(parsed)
  finishStatement(parsed)
  if (opts.expectedAccounts?.length) {
    refuseOtherAccounts(parsed, opts.expectedAccounts)
  }
  return parsed
}

const compact = (s: string) => s.replace(/[\s-]/g, "").toUpperCase()

/** An IBAN contains the local account number; either form of a receiving account is accepted. */
function refuseOtherAccounts(parsed: ParsedStatement, expected: string[]) {
  const ours = expected.map(compact)
  const known = (account: string) =>
    ours.some((o) => compact(account) === o || compact(account).endsWith(o))
  for (const a of parsed.accounts) {
    if (!known(a.account)) {
      throw new StatementError(
        `account ${a.account} is not one of the shop's receiving accounts`
      )
    }
  }
  for (const l of parsed.lines) {
    if (l.account && !known(l.account)) {
      throw new StatementError(
        `account ${l.account} is not one of the shop's receiving accounts`,
        l.line
      )
    }
  }
}
