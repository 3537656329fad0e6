import { FormulaError, StatementError } from "./types"
import { firstInvalidUtf8 } from "./utf8"

/**
 * Refuses files that are too large, binary where text is expected, or not UTF-8. Validity is
 * decided on the bytes: a well-formed UTF-8 file that holds U+FFFD (a replacement character
 * written by the bank's own export) is accepted. Legacy encodings (Windows-1252, Windows-1258,
 * ISO-8859-2) are not guessed: no encoding detector is a dependency of the plugin, and a wrong
 * guess would change memos silently, so such a file is refused naming the line of the first byte
 * that is not UTF-8.
 */
export function guardText(buf: Buffer, maxBytes: number): string {
  guardTextBytes(buf, maxBytes)
  return new TextDecoder("utf-8").decode(buf).replace(/^\uFEFF/, "")
}

/** guardText's checks on the bytes alone, for a parser that decodes the file as it streams it. */
export function guardTextBytes(buf: Buffer, maxBytes: number) {
  guardSize(buf, maxBytes)
  const nul = buf.indexOf(0)
  if (nul !== -1) {
    throw new StatementError(
      "binary content (a NUL byte): not a statement file",
      `byte ${nul}`
    )
  }
  const bad = firstInvalidUtf8(buf)
  if (bad !== -1) {
    let line = 1
    for (
      let i = buf.indexOf(10);
      i !== -1 && i < bad;
      i = buf.indexOf(10, i + 1)
    ) {
      line++
    }
    throw new StatementError(
      `is not valid UTF-8 (byte 0x${buf[bad].toString(16).toUpperCase().padStart(2, "0")}): the file is in another encoding, such as Windows-1252, Windows-1258 or ISO-8859-2; export it as UTF-8`,
      `line ${line}`
    )
  }
}

export function guardSize(buf: Buffer, maxBytes: number) {
  if (buf.length === 0) {
    throw new StatementError("the file is empty")
  }
  if (buf.length > maxBytes) {
    throw new StatementError(
      `the file is ${buf.length} bytes, more than the ${maxBytes} allowed`
    )
  }
}

/**
 * guardXml on the bytes, for a parser that never holds the file as one string: every `<!` is
 * looked at where it is (the markup is ASCII; a line is counted by its newline bytes all the same).
 */
export function guardXmlBytes(buf: Buffer) {
  for (let i = buf.indexOf("<!"); i !== -1; i = buf.indexOf("<!", i + 2)) {
    const word = buf.toString("latin1", i + 2, i + 2 + 7).toUpperCase()
    const m = /^(DOCTYPE|ENTITY)/.exec(word)
    if (m) {
      let line = 1
      for (
        let n = buf.indexOf(10);
        n !== -1 && n < i;
        n = buf.indexOf(10, n + 1)
      ) {
        line++
      }
      const written = buf.toString("latin1", i + 2, i + 2 + m[1].length)
      throw new StatementError(
        `<!${written}> is not allowed in a statement (entity expansion)`,
        `line ${line}`
      )
    }
  }
}

/** XML with a DOCTYPE or entity declaration is refused outright: no entity is ever expanded. */
export function guardXml(text: string) {
  const m = text.match(/<!(DOCTYPE|ENTITY)/i)
  if (m) {
    const line = text.slice(0, m.index).split("\n").length
    throw new StatementError(
      `<!${m[1]}> is not allowed in a statement (entity expansion)`,
      `line ${line}`
    )
  }
}

/**
 * A text cell starting with =, +, -, @ (or a tab/CR before them) is a spreadsheet formula waiting
 * to run on the accountant's machine when the data is exported again: refused. Leading spaces do
 * not hide one (cells are stored trimmed), and a leading minus is allowed only for a plain number
 * such as "-500" ("-2+3+cmd|…" is a formula).
 */
export function guardCell(value: string, location: string) {
  if (isFormula(value)) {
    throw new FormulaError(
      `the cell starts with "${value.slice(0, 12)}", a spreadsheet formula (formula injection)`,
      location
    )
  }
}

export function isFormula(value: string): boolean {
  return (
    /^\s*[=+@]/.test(value) ||
    /^\s*-(?!\s*[\d.,]+\s*$)/.test(value) ||
    /^[\t\r]/.test(value)
  )
}

/**
 * Cells of columns the import does not use are kept only as the line's raw record; one that
 * would run as a formula is stored quoted (a leading apostrophe), so it stays inert text wherever
 * the raw record is shown or exported.
 */
export function inertCell<T>(value: T): T | string {
  return typeof value === "string" && isFormula(value) ? `'${value}` : value
}
