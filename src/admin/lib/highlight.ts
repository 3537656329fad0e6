/**
 * Finds where an order's identifiers occur in a bank memo, the way the matcher reads memos: without
 * diacritics (đ→d), case-insensitive, and ignoring separators, so "dh 1042-k" still shows DH1042K.
 * Pure and small on purpose: it only marks text for the accountant, it decides nothing.
 */

export type Identifiers = {
  reference?: string | null
  order_number?: string | null
  tax_code?: string | null
  phone?: string | null
}

export type Segment = { text: string; match: boolean; label?: string }

/** One memo character's normalised letters/digits ("Đ" → "D", "-" → ""). */
function fold(ch: string): string {
  return ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
}

export function normalise(text: string): string {
  return Array.from(text).map(fold).join("")
}

/** The spellings of each identifier worth looking for, with the label shown on hover. */
function needles(
  ids: Identifiers
): { needle: string; label: string; numeric: boolean }[] {
  const out: { needle: string; label: string; numeric: boolean }[] = []
  const add = (value: string | null | undefined, label: string) => {
    const n = value ? normalise(value) : ""
    // Very short needles (a 1-2 digit order number) would light up half of any memo.
    if (n.length >= 3) {
      out.push({ needle: n, label, numeric: /^\d+$/.test(n) })
    }
  }
  add(ids.reference, "reference")
  // The reference without its check letter: the near miss the matcher suggests on.
  if (ids.reference && ids.reference.length > 3) {
    add(ids.reference.slice(0, -1), "reference (without check letter)")
  }
  add(ids.order_number, "order number")
  if (ids.tax_code) {
    add(ids.tax_code, "tax code")
    // 0101234567-001 is written 0101234567 too: the company's main number.
    add(normalise(ids.tax_code).slice(0, 10), "tax code")
  }
  if (ids.phone) {
    const p = normalise(ids.phone)
    add(p, "phone")
    if (p.startsWith("84")) {
      add(`0${p.slice(2)}`, "phone")
    }
    if (p.startsWith("0")) {
      add(`84${p.slice(1)}`, "phone")
    }
  }
  return out
}

/**
 * Splits `memo` into plain and matched segments. A numeric identifier only counts when it is not
 * part of a longer number (order 1042 must not light up inside account 3271042889).
 */
export function highlightMemo(memo: string, ids: Identifiers): Segment[] {
  const chars = Array.from(memo ?? "")
  if (!chars.length) {
    return []
  }
  // Normalised text plus, for each of its characters, the index of the memo character it came from.
  let flat = ""
  const origin: number[] = []
  chars.forEach((ch, i) => {
    for (const c of fold(ch)) {
      flat += c
      origin.push(i)
    }
  })
  const marks: (string | null)[] = new Array(chars.length).fill(null)
  for (const { needle, label, numeric } of needles(ids)) {
    let at = flat.indexOf(needle)
    while (at !== -1) {
      const end = at + needle.length
      // Looked up in the memo itself: separators are gone from `flat`, and "1042 0101234567"
      // must still count as order 1042 followed by a tax code.
      const boundaryOk =
        !numeric ||
        (!/\d/.test(chars[origin[at] - 1] ?? "") &&
          !/\d/.test(chars[origin[end - 1] + 1] ?? ""))
      if (boundaryOk) {
        for (let i = origin[at]; i <= origin[end - 1]; i++) {
          marks[i] = marks[i] ?? label
        }
      }
      at = flat.indexOf(needle, at + 1)
    }
  }
  const segments: Segment[] = []
  chars.forEach((ch, i) => {
    const label = marks[i] ?? undefined
    const last = segments[segments.length - 1]
    if (last && last.match === !!label && last.label === label) {
      last.text += ch
    } else {
      segments.push({ text: ch, match: !!label, label })
    }
  })
  return segments
}
