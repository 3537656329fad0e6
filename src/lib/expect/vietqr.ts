/**
 * VietQR: the EMVCo Merchant-Presented Mode QR (EMVCo QRCPS-MPM v1.1) that NAPAS profiles for bank
 * transfers (NAPAS "VietQR" specification). Every Vietnamese banking app reads it and fills in the bank,
 * account (or card), amount and memo.
 *
 * Shape (each field is TAG(2 digits) LENGTH(2 digits) VALUE; LENGTH counts the value's UTF-8 bytes):
 *   00 payload format indicator "01"
 *   01 point of initiation: "11" static (the same code reused), "12" dynamic (one payment)
 *   38 merchant account information, NAPAS template:
 *        00 GUID "A000000727"
 *        01 beneficiary: 00 acquirer BIN (6 digits), 01 account number or card number
 *        02 service code: "QRIBFTTA" transfer to an account, "QRIBFTTC" transfer to a card
 *   53 currency "704" (VND)   54 amount (optional)   58 country "VN"
 *   62 additional data: 08 purpose of transaction (the memo)
 *   63 CRC-16/CCITT-FALSE over everything before its value, "6304" included; always the last field
 * Apart from 63, EMVCo fixes no order for the fields: the reader accepts them in any order.
 */
const NAPAS_GUID = "A000000727"

export type VietQrService = "QRIBFTTA" | "QRIBFTTC"

export type VietQrInput = {
  bin: string
  /** The account number (QRIBFTTA) or the card number (QRIBFTTC). */
  accountNumber: string
  amount?: bigint
  memo?: string
  currency: "VND"
  /** Default "QRIBFTTA" (to an account). */
  service?: VietQrService
  /**
   * Default: "dynamic" with an amount, "static" without. A caller may print a reusable (static) QR
   * that still carries a fixed amount, e.g. a price list.
   */
  initiation?: "static" | "dynamic"
  /**
   * EMVCo's character set for tag 62 is printable ASCII, and some banking apps mangle anything else,
   * so by default a memo with diacritics is refused. `true` accepts any printable Unicode text (at most
   * 25 characters), its length counted in UTF-8 bytes as the spec requires.
   */
  unicodeMemo?: boolean
}

const utf8 = (text: string) => Buffer.byteLength(text, "utf8")

function tlv(tag: string, value: string): string {
  const length = utf8(value)
  if (length > 99) {
    throw new Error(`VietQR field ${tag} is longer than 99 bytes`)
  }
  return `${tag}${String(length).padStart(2, "0")}${value}`
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo requires for tag 63, over UTF-8 bytes. */
export function crc16(text: string | Uint8Array): string {
  let crc = 0xffff
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text
  for (const byte of bytes) {
    crc ^= byte << 8
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0")
}

function checkMemo(memo: string, unicode: boolean) {
  if (unicode) {
    // Characters, not UTF-16 units; no control characters.
    const chars = [...memo]
    if (chars.length < 1 || chars.length > 25 || /\p{Cc}/u.test(memo)) {
      throw new Error("VietQR: the memo must be 1-25 printable characters")
    }
    return
  }
  if (!/^[\x20-\x7E]{1,25}$/.test(memo)) {
    throw new Error("VietQR: the memo must be 1-25 ASCII characters")
  }
}

function checkBeneficiary(service: VietQrService, accountNumber: string) {
  if (service === "QRIBFTTC") {
    if (!/^\d{16,19}$/.test(accountNumber)) {
      throw new Error(
        `VietQR: card number "${accountNumber}" must be 16-19 digits`
      )
    }
  } else if (!/^[A-Za-z0-9]{1,19}$/.test(accountNumber)) {
    throw new Error(
      `VietQR: account number "${accountNumber}" must be 1-19 letters or digits`
    )
  }
}

export function buildVietQrPayload(input: VietQrInput): string {
  const service = input.service ?? "QRIBFTTA"
  if (service !== "QRIBFTTA" && service !== "QRIBFTTC") {
    throw new Error(`VietQR: unknown service code "${service}"`)
  }
  if (!/^\d{6}$/.test(input.bin)) {
    throw new Error(`VietQR: bank BIN "${input.bin}" must be 6 digits`)
  }
  checkBeneficiary(service, input.accountNumber)
  if (input.currency !== "VND") {
    throw new Error("VietQR carries VND amounts only")
  }
  if (input.amount !== undefined && input.amount <= 0n) {
    throw new Error("VietQR: the amount must be positive")
  }
  if (input.memo !== undefined) {
    checkMemo(input.memo, input.unicodeMemo === true)
  }
  const initiation =
    input.initiation ?? (input.amount !== undefined ? "dynamic" : "static")
  const beneficiary = tlv("00", input.bin) + tlv("01", input.accountNumber)
  const account =
    tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", service)
  let payload =
    tlv("00", "01") +
    tlv("01", initiation === "dynamic" ? "12" : "11") +
    tlv("38", account) +
    tlv("53", "704") +
    (input.amount !== undefined ? tlv("54", input.amount.toString()) : "") +
    tlv("58", "VN") +
    (input.memo ? tlv("62", tlv("08", input.memo)) : "")
  payload += "6304"
  return payload + crc16(payload)
}

type Field = { tag: string; value: string; start: number; valueStart: number }

/** Splits TLV fields, lengths counted in UTF-8 bytes (a memo "hóa đơn" is longer in bytes than in characters). */
function readFields(bytes: Buffer): Field[] {
  const fields: Field[] = []
  let i = 0
  while (i < bytes.length) {
    const head = bytes.subarray(i, i + 4).toString("latin1")
    const length = Number(head.slice(2))
    if (!/^\d{4}$/.test(head) || i + 4 + length > bytes.length) {
      throw new Error(`VietQR: malformed field at byte ${i}`)
    }
    const value = bytes.subarray(i + 4, i + 4 + length)
    const text = value.toString("utf8")
    if (!Buffer.from(text, "utf8").equals(value)) {
      throw new Error(`VietQR: field ${head.slice(0, 2)} is not valid UTF-8`)
    }
    fields.push({
      tag: head.slice(0, 2),
      value: text,
      start: i,
      valueStart: i + 4,
    })
    i += 4 + length
  }
  return fields
}

function readTlv(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const f of readFields(Buffer.from(text, "utf8"))) {
    if (fields.has(f.tag)) {
      throw new Error(`VietQR: field ${f.tag} appears twice`)
    }
    fields.set(f.tag, f.value)
  }
  return fields
}

/**
 * Reads a VietQR payload back and checks its CRC (hex compared case-insensitively; tag 63 must be the
 * last field, the other fields may come in any order): for tests, storefronts and refunds.
 */
export function parseVietQrPayload(payload: string) {
  const bytes = Buffer.from(payload.trim(), "utf8")
  const fields = readFields(bytes)
  const last = fields[fields.length - 1]
  if (!last || last.tag !== "63" || !/^[0-9A-Fa-f]{4}$/.test(last.value)) {
    throw new Error("VietQR: the CRC (tag 63) must be the last field")
  }
  if (crc16(bytes.subarray(0, last.valueStart)) !== last.value.toUpperCase()) {
    throw new Error("VietQR: CRC mismatch")
  }
  const top = new Map<string, string>()
  for (const f of fields.slice(0, -1)) {
    if (top.has(f.tag) || f.tag === "63") {
      throw new Error(`VietQR: field ${f.tag} appears twice`)
    }
    top.set(f.tag, f.value)
  }
  const account = readTlv(top.get("38") ?? "")
  const beneficiary = readTlv(account.get("01") ?? "")
  const extra = top.has("62")
    ? readTlv(top.get("62")!)
    : new Map<string, string>()
  return {
    version: top.get("00"),
    initiation:
      top.get("01") === "12" ? ("dynamic" as const) : ("static" as const),
    guid: account.get("00"),
    bin: beneficiary.get("00"),
    accountNumber: beneficiary.get("01"),
    service: account.get("02"),
    currency: top.get("53"),
    amount: top.get("54") ?? null,
    country: top.get("58"),
    memo: extra.get("08") ?? null,
  }
}
