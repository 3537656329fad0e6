// Signed deliveries of the four webhook channels, for bench/server.bench.mjs: each one incoming
// line that pays nothing (letters only in the memo, amounts no product has), tagged per run so
// that the bench finds and removes them. Signed with medusa-config.ts's development secrets
// exactly as each provider signs (payOS through the plugin's own signed-text function).
import crypto from "node:crypto"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
require("ts-node").register({
  transpileOnly: true,
  compilerOptions: { module: "commonjs" },
})
const { payosSignedText } = require("../src/lib/ingest/webhooks/payos.ts")

const SECRETS = {
  sepay: "dev-sepay-hmac-secret-change-me",
  casso: "dev-casso-secret-change-me",
  payos: "dev-payos-checksum-key-change-me",
  generic: "dev-generic-secret-change-me",
}
const ACCOUNT = "0071000123456"
const hmac = (algorithm, key, text) =>
  crypto.createHmac(algorithm, key).update(text).digest("hex")

/** 12345 → "BCDF…": ids spelled in letters, so that no memo holds a number a matcher could take for an order. */
export const letters = (n) => {
  let s = ""
  do {
    s = "BCDFGHJKMNPQRSTVWXYZ"[n % 20] + s
    n = Math.floor(n / 20)
  } while (n > 0)
  return s
}

/** "2026-11-23 10:15:00", Vietnam time, as SePay and Casso write it. */
const vietnamTime = (d = new Date()) =>
  new Date(d.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")

const sortDeep = (v) =>
  Array.isArray(v)
    ? v.map(sortDeep)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortDeep(v[k])])
        )
      : v

/** The payload of line `i` of a run, per channel. */
const PAYLOADS = {
  sepay: (id, memo, amount) => ({
    id,
    gateway: "Vietcombank",
    transactionDate: vietnamTime(),
    accountNumber: ACCOUNT,
    code: null,
    content: memo,
    transferType: "in",
    transferAmount: amount,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: `MBVCB.${id}`,
    description: `BankAPINotify ${memo}`,
  }),
  casso: (id, memo, amount) => ({
    error: 0,
    data: {
      id,
      reference: `FT${id}`,
      description: memo,
      amount,
      runningBalance: 25_000_000,
      transactionDateTime: vietnamTime(),
      accountNumber: ACCOUNT,
      bankName: "Vietcombank",
      bankAbbreviation: "VCB",
      virtualAccountNumber: "",
      virtualAccountName: "",
      counterAccountName: "CONG TY TNHH HOA SEN",
      counterAccountNumber: "19036543210012",
      counterAccountBankId: "970407",
      counterAccountBankName: "Techcombank",
    },
  }),
  payos: (id, memo, amount) => {
    const data = {
      orderCode: id,
      amount,
      description: memo,
      accountNumber: ACCOUNT,
      reference: `PO${id}`,
      transactionDateTime: vietnamTime(),
      currency: "VND",
      paymentLinkId: `link${id}`,
      code: "00",
      desc: "success",
      counterAccountBankId: "",
      counterAccountBankName: "",
      counterAccountName: "",
      counterAccountNumber: "",
      virtualAccountName: "",
      virtualAccountNumber: "",
    }
    return {
      code: "00",
      desc: "success",
      success: true,
      data,
      signature: hmac("sha256", SECRETS.payos, payosSignedText(data)),
    }
  },
  generic: (id, memo, amount) => ({
    transactions: [
      {
        id: `GEN${id}`,
        account: ACCOUNT,
        booked_at: new Date().toISOString(),
        amount: String(amount),
        currency: "VND",
        direction: "in",
        memo,
        counterparty_name: "NGUYEN VAN A",
      },
    ],
  }),
}

/** Headers signing `raw` (the body as sent) now, per channel. */
const SIGN = {
  sepay: (raw) => {
    const t = String(Math.floor(Date.now() / 1000))
    return {
      "x-sepay-timestamp": t,
      "x-sepay-signature": hmac("sha256", SECRETS.sepay, `${t}.${raw}`),
    }
  },
  casso: (raw, payload) => {
    const t = Date.now()
    const v1 = hmac(
      "sha512",
      SECRETS.casso,
      `${t}.${JSON.stringify(sortDeep(payload))}`
    )
    return { "x-casso-signature": `t=${t},v1=${v1}` }
  },
  payos: () => ({}),
  generic: (raw) => {
    const t = Math.floor(Date.now() / 1000)
    const v1 = hmac("sha256", SECRETS.generic, `${t}.${raw}`)
    return { "x-bank-signature": `t=${t},v1=${v1}` }
  },
}

export const CHANNELS = Object.keys(PAYLOADS)
let sets = 0

/**
 * `count` deliveries of `channel` for one run: `{ deliveries: [{ path, payload, sign() }], memoLike }`;
 * `sign()` gives the body and headers at the moment of sending (timestamps are checked for freshness).
 */
export function channelDeliveries(channel, count) {
  const runId = (Date.now() % 1e8) * 10 + CHANNELS.indexOf(channel)
  // Amounts differ between sets too: lines of two channels with the same account, amount and day
  // would be taken for one movement reported twice (held as possible duplicates).
  const first = sets++ * count
  const tag = `BENCH ${letters(runId)}`
  const deliveries = Array.from({ length: count }, (_, i) => {
    const payload = PAYLOADS[channel](
      runId * 100_000 + i,
      `chuyen tien ${tag} ${letters(i)}`,
      1_000_001 + (first + i) * 7
    )
    return {
      path: `/hooks/bank-transfer/${channel}`,
      payload,
      sign: () => {
        const body = JSON.stringify(payload)
        return {
          body,
          headers: {
            "content-type": "application/json",
            ...SIGN[channel](body, payload),
          },
        }
      },
    }
  })
  return { deliveries, memoLike: `chuyen tien ${tag} %` }
}
