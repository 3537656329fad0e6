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

/** A SePay notification as SePay sends it ("2023-03-25 14:02:37" local time). */
export function sepayPayload(
  memo: string,
  amount: number,
  extra: Record<string, unknown> = {}
) {
  return {
    id: ++sepayId,
    gateway: "Vietcombank",
    transactionDate: "2026-11-23 10:15:00",
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

export function postSepay(
  api: AxiosInstance,
  payload: unknown,
  auth = `Apikey ${SECRETS.sepayApiKey}`
) {
  return api
    .post("/hooks/bank-transfer/sepay", JSON.stringify(payload), {
      headers: { "content-type": "application/json", authorization: auth },
    })
    .catch((e) => e.response)
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

export function cassoPayload(memo: string, amount: number, id = ++sepayId) {
  return {
    error: 0,
    data: {
      id,
      reference: `FT${id}`,
      description: memo,
      amount,
      runningBalance: 25000000,
      transactionDateTime: "2026-11-23 10:20:00",
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
