/**
 * VietQR: the EMVCo merchant-presented QR that NAPAS defines for bank transfers. Every Vietnamese
 * banking app reads it and fills in the bank, account, amount and memo.
 */
const NAPAS_GUID = "A000000727"
const SERVICE_TRANSFER_TO_ACCOUNT = "QRIBFTTA"

export type VietQrInput = {
  bin: string
  accountNumber: string
  amount?: bigint
  memo?: string
  currency: "VND"
}

function tlv(tag: string, value: string): string {
  if (value.length > 99) {
    throw new Error(`VietQR field ${tag} is longer than 99 characters`)
  }
  return `${tag}${String(value.length).padStart(2, "0")}${value}`
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo requires for tag 63. */
export function crc16(text: string): string {
  let crc = 0xffff
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0")
}

export function buildVietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bin)) {
    throw new Error(`VietQR: bank BIN "${input.bin}" must be 6 digits`)
  }
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw new Error(
      `VietQR: account number "${input.accountNumber}" must be 1-19 letters or digits`
    )
  }
  if (input.currency !== "VND") {
    throw new Error("VietQR carries VND amounts only")
  }
  if (input.amount !== undefined && input.amount <= 0n) {
    throw new Error("VietQR: the amount must be positive")
  }
  if (input.memo !== undefined && !/^[\x20-\x7E]{1,25}$/.test(input.memo)) {
    throw new Error("VietQR: the memo must be 1-25 ASCII characters")
  }
  const beneficiary = tlv("00", input.bin) + tlv("01", input.accountNumber)
  const account =
    tlv("00", NAPAS_GUID) +
    tlv("01", beneficiary) +
    tlv("02", SERVICE_TRANSFER_TO_ACCOUNT)
  let payload =
    tlv("00", "01") +
    tlv("01", input.amount !== undefined ? "12" : "11") +
    tlv("38", account) +
    tlv("53", "704") +
    (input.amount !== undefined ? tlv("54", input.amount.toString()) : "") +
    tlv("58", "VN") +
    (input.memo ? tlv("62", tlv("08", input.memo)) : "")
  payload += "6304"
  return payload + crc16(payload)
}

function readTlv(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  let i = 0
  while (i < text.length) {
    const tag = text.slice(i, i + 2)
    const length = Number(text.slice(i + 2, i + 4))
    if (
      !/^\d{2}$/.test(tag) ||
      !Number.isInteger(length) ||
      i + 4 + length > text.length
    ) {
      throw new Error(`VietQR: malformed field at position ${i}`)
    }
    fields.set(tag, text.slice(i + 4, i + 4 + length))
    i += 4 + length
  }
  return fields
}

/** Reads a VietQR payload back (and checks its CRC): for tests and storefronts. */
export function parseVietQrPayload(payload: string) {
  const body = payload.slice(0, -4)
  if (!body.endsWith("6304") || crc16(body) !== payload.slice(-4)) {
    throw new Error("VietQR: CRC mismatch")
  }
  const top = readTlv(body.slice(0, -4))
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
