/** What a SWIFT MT940 `:86:` field says about its `:61:` line. */
export type Mt940Details = {
  /** The remittance text (what the payer wrote). */
  memo: string
  counterparty_name: string | null
  counterparty_account: string | null
  /** The SEPA end-to-end reference (`EREF+…` or `/EREF/…`), as the payer gave it. */
  end_to_end: string | null
}

/**
 * `:86:` information to account owner, in the three shapes banks write it:
 * - structured with `?NN` subfields (German/Dutch "Mehrzweckfeld"): `?20`–`?29` concatenated are
 *   the remittance text, `?31` the counterparty account, `?32`/`?33` its name; inside the text,
 *   SEPA keywords `EREF+`, `SVWZ+` (the remittance proper), `MREF+`, `KREF+`, `IBAN+`, `ABWA+`…;
 * - SEPA slash tags (ABN AMRO, Rabobank, ING): `/TRTP/…/IBAN/…/BIC/…/NAME/…/REMI/…/EREF/…`;
 * - free text, whose lines are joined with a space.
 * `value` is the field as read: continuation lines joined by "\n".
 */
export function parseMt940Details(value: string): Mt940Details {
  if (/\?\d{2}/.test(value.replace(/\n/g, ""))) {
    return subfields(value.replace(/\n/g, ""))
  }
  if (/^\/[A-Z]{2,9}\//.test(value)) {
    return slashTags(value.replace(/\n/g, ""))
  }
  return {
    memo: oneSpace(value),
    counterparty_name: null,
    counterparty_account: null,
    end_to_end: null,
  }
}

const oneSpace = (s: string) => s.replace(/\s+/g, " ").trim()
const orNull = (s: string | undefined) => (s && oneSpace(s)) || null

function subfields(flat: string): Mt940Details {
  const parts = new Map<number, string>()
  for (const m of flat.matchAll(/\?(\d{2})([^?]*)/g)) {
    parts.set(+m[1], (parts.get(+m[1]) ?? "") + m[2])
  }
  const pick = (from: number, to: number) =>
    [...parts.keys()]
      .filter((k) => k >= from && k <= to)
      .sort((a, b) => a - b)
      .map((k) => parts.get(k))
      .join("")
  const text = pick(20, 29) || pick(60, 63)
  const sepa = sepaKeywords(text)
  return {
    memo: oneSpace(sepa?.SVWZ ?? text),
    counterparty_name: orNull(pick(32, 33)) ?? orNull(sepa?.ABWA),
    counterparty_account: orNull(parts.get(31)) ?? orNull(sepa?.IBAN),
    end_to_end: orNull(sepa?.EREF),
  }
}

const SEPA_KEYWORDS =
  /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|PURP|RTRN)\+/g

/** `EREF+123SVWZ+Invoice 7` → { EREF: "123", SVWZ: "Invoice 7" }; null when no keyword is found. */
function sepaKeywords(text: string): Record<string, string> | null {
  const hits = [...text.matchAll(SEPA_KEYWORDS)]
  if (!hits.length) {
    return null
  }
  const out: Record<string, string> = {}
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].index : text.length
    out[h[1]] = text.slice(h.index + h[0].length, end)
  })
  return out
}

const SLASH_TAGS = [
  "TRTP",
  "CSID",
  "MARF",
  "EREF",
  "PREF",
  "IREF",
  "KREF",
  "CNTP",
  "IBAN",
  "BIC",
  "NAME",
  "ADDR",
  "REMI",
  "ORDP",
  "BENM",
  "ULTC",
  "ULTD",
  "ULTB",
  "PURP",
  "RTRN",
  "ISDT",
  "SVCL",
  "CDTRREFTP",
  "CDTRREF",
  "ID",
]
const SLASH = new RegExp(`/(${SLASH_TAGS.join("|")})/`, "g")

/**
 * `/TRTP/SEPA OVERBOEKING/IBAN/NL02ABNA0123456789/BIC/ABNANL2A/NAME/J JANSEN/REMI/DH42K/EREF/E1`.
 * Only known tags split the text, so a remittance holding "INV/2026/001" stays whole. Rabobank's
 * `/CNTP/account/bic/name/city/` and `/REMI/USTD//text/` are unpacked.
 */
function slashTags(flat: string): Mt940Details {
  const hits = [...flat.matchAll(SLASH)]
  const tags: Record<string, string> = {}
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].index : flat.length
    tags[h[1]] ??= flat.slice(h.index + h[0].length, end).replace(/\/+$/, "")
  })
  const cntp = tags.CNTP?.split("/") ?? []
  const remi = tags.REMI?.replace(/^(USTD\/\/?|STRD\/CUR\/)/, "")
  return {
    memo: oneSpace(remi ?? flat),
    counterparty_name: orNull(tags.NAME) ?? orNull(cntp[2]),
    counterparty_account: orNull(tags.IBAN) ?? orNull(cntp[0]),
    end_to_end: orNull(tags.EREF),
  }
}
