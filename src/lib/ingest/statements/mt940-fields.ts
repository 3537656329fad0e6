import { StatementError } from "./types"

/** One SWIFT MT940 field: `:61:` → tag "61", its value (continuation lines joined by "\n"), file line. */
export type Mt940Field = { tag: string; value: string; line: number }

/** One statement (message) of an MT940 file: its fields, from `:20:` up to its separator. */
export type Mt940Message = { line: number; fields: Mt940Field[] }

const TAG = /^:(\d{2}[A-Z]?):(.*)$/
/** `{1:F01…}{2:I940…}{4:` (a SWIFT envelope), possibly with the first field on the same line. */
const ENVELOPE = /^(?:\{[1-3]:[^}]*\})+\{4:(.*)$/
/** `-}` or `-` alone ends a message; `{5:…}` trailers and `}` close it. */
const SEPARATOR = /^(?:-\}?|\}|(?:-\})?\{5:.*)$/

/**
 * Splits SWIFT MT940 text into its messages, one per statement. Banks write several statements to
 * a file in several ways: each in its own `{1:…}{2:…}{4:` envelope closed by `-}`; one after the
 * other separated by a `-` line (ABN AMRO, with lines such as "ABNANL2A", "940", "ABNANL2A"
 * before each `:20:`); or simply one `:20:` after another. Lines between a separator and the next
 * field are headers and are skipped; inside a message, a line that is not a field continues the
 * previous field. A `:20:` always starts a new message.
 */
export function readMt940Messages(text: string): Mt940Message[] {
  const messages: Mt940Message[] = []
  let current: Mt940Message | null = null
  const lines = text.split(/\r\n|\n|\r/)
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/\s+$/, "")
    const envelope = line.match(ENVELOPE)
    if (envelope) {
      current = null
      line = envelope[1].trim()
      if (!line) {
        continue
      }
    }
    if (SEPARATOR.test(line)) {
      current = null
      continue
    }
    const m = line.match(TAG)
    if (m) {
      if (m[1] === "20" || !current) {
        current = { line: i + 1, fields: [] }
        messages.push(current)
      }
      current.fields.push({ tag: m[1], value: m[2], line: i + 1 })
    } else if (current && line) {
      const last = current.fields[current.fields.length - 1]
      last.value += `\n${line}`
    }
  }
  if (!messages.length) {
    throw new StatementError("no MT940 field (:20:, :60F:, :61:) in the file")
  }
  return messages
}
