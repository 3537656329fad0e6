import crypto from "crypto"
import type { AxiosInstance } from "axios"

// The secrets of medusa-config.ts (the development defaults).
export const SECRETS = {
  sepayApiKey: "dev-sepay-api-key-change-me",
  sepayHmac: "dev-sepay-hmac-secret-change-me",
  casso: "dev-casso-secret-change-me",
  generic: "dev-generic-secret-change-me",
}

let sepayId = 90000

/**
 * "2026-12-01 09:15:00": a moment in Vietnam time (UTC+7 all year), as SePay and Casso write their
 * dates. Money that pays an order must be booked on or after the day the order was placed (the
 * matcher ignores orders placed after the day a transfer was booked): tests book it now, not on a
 * fixed date that would be in the past of orders created when the test runs.
 */
export const vietnamTime = (d: Date = new Date()) =>
  new Date(d.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")

/** "2026-12-01": the calendar day in Vietnam. */
export const vietnamDate = (d: Date = new Date()) => vietnamTime(d).slice(0, 10)

/** "01/12/2026": the calendar day in Vietnam as Vietnamese banks' statement exports write it. */
export const vietnamDay = (d: Date = new Date()) => {
  const [y, m, day] = vietnamDate(d).split("-")
  return `${day}/${m}/${y}`
}

/**
 * A shared case's text with its fixed booking day (2026-11-30, written "2026-11-30" or
 * "30/11/2026") moved to a given day in Vietnam (default today), so that the orders a test places
 * now are not placed after the money was booked. The cases themselves are inputs and stay as they are.
 */
export function bookedOn(
  text: string,
  d: Date = new Date(),
  caseDay = "2026-11-30"
) {
  const [y, m, day] = caseDay.split("-")
  return text
    .split(caseDay)
    .join(vietnamDate(d))
    .split(`${day}/${m}/${y}`)
    .join(vietnamDay(d))
}

/** A SePay notification as SePay sends it ("2023-03-25 14:02:37" local time), booked now. */
export function sepayPayload(
  memo: string,
  amount: number,
  extra: Record<string, unknown> = {}
) {
  return {
    id: ++sepayId,
    gateway: "Vietcombank",
    transactionDate: vietnamTime(),
    accountNumber: "0071000123456",
    code: null,
    content: memo,
    transferType: "in",
    transferAmount: amount,
    accumulated: 19077000,
    subAccount: null,
    // A bank reference per transfer, as banks issue them (identity across channels uses it).
    referenceCode: `MBVCB.${5_280_000_000 + sepayId}`,
    description: `BankAPINotify ${memo}`,
    ...extra,
  }
}

/**
 * A SePay delivery. medusa-config.ts configures both an API key and an HMAC secret, so SePay
 * requires the signature: without `auth` the delivery is signed as SePay signs it (and carries the
 * key too); with `auth`, only that Authorization header is sent (unsigned).
 */
export function postSepay(api: AxiosInstance, payload: unknown, auth?: string) {
  if (auth === undefined) {
    return postSepayHmac(api, payload)
  }
  return api
    .post("/hooks/bank-transfer/sepay", JSON.stringify(payload), {
      headers: { "content-type": "application/json", authorization: auth },
    })
    .catch((e) => e.response)
}

/** SePay's HMAC headers for this raw body (medusa-config.ts's secret), signed now. */
export function sepayHmacHeaders(raw: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  return {
    "x-sepay-timestamp": timestamp,
    "x-sepay-signature": crypto
      .createHmac("sha256", SECRETS.sepayHmac)
      .update(`${timestamp}.${raw}`)
      .digest("hex"),
  }
}

export function postSepayHmac(
  api: AxiosInstance,
  payload: unknown,
  timestamp = Math.floor(Date.now() / 1000)
) {
  const raw = JSON.stringify(payload)
  const signature = crypto
    .createHmac("sha256", SECRETS.sepayHmac)
    .update(`${timestamp}.${raw}`)
    .digest("hex")
  return api
    .post("/hooks/bank-transfer/sepay", raw, {
      headers: {
        "content-type": "application/json",
        "x-sepay-signature": signature,
        "x-sepay-timestamp": String(timestamp),
      },
    })
    .catch((e) => e.response)
}

function sortDeep(v: any): any {
  if (Array.isArray(v)) {
    return v.map(sortDeep)
  }
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortDeep(v[k])])
    )
  }
  return v
}

/** A Casso v2 delivery of one transfer, booked at `at` (default now). */
export function cassoPayload(
  memo: string,
  amount: number,
  id = ++sepayId,
  at: Date = new Date()
) {
  return {
    error: 0,
    data: {
      id,
      reference: `FT${id}`,
      description: memo,
      amount,
      runningBalance: 25000000,
      transactionDateTime: vietnamTime(at),
      accountNumber: "0071000123456",
      bankName: "Vietcombank",
      bankAbbreviation: "VCB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "CONG TY TNHH HOA SEN",
      counterAccountNumber: "19036543210012",
      counterAccountBankId: "970407",
      counterAccountBankName: "Techcombank",
    },
  }
}

export function postCasso(
  api: AxiosInstance,
  payload: unknown,
  secret = SECRETS.casso,
  t = Date.now()
) {
  const signature = crypto
    .createHmac("sha512", secret)
    .update(`${t}.${JSON.stringify(sortDeep(payload))}`)
    .digest("hex")
  return api
    .post("/hooks/bank-transfer/casso", payload, {
      headers: { "x-casso-signature": `t=${t},v1=${signature}` },
    })
    .catch((e) => e.response)
}

export function postGeneric(
  api: AxiosInstance,
  payload: unknown,
  secret = SECRETS.generic,
  t = Math.floor(Date.now() / 1000)
) {
  const raw = JSON.stringify(payload)
  const signature = crypto
    .createHmac("sha256", secret)
    .update(`${t}.${raw}`)
    .digest("hex")
  return api
    .post("/hooks/bank-transfer/generic", raw, {
      headers: {
        "content-type": "application/json",
        "x-bank-signature": `t=${t},v1=${signature}`,
      },
    })
    .catch((e) => e.response)
}

/** Matching runs in a subscriber after the webhook answered: wait for its outcome. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20000
): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await probe()
    if (value) {
      return value
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`Timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
