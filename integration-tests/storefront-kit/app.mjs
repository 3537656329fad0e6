// The page the browser checks of the storefront kit render: BankTransferOrderPayment for one order,
// as a shop's order-confirmed page would, server-rendered in Node and hydrated in the browser
// (bundled from src/storefront by run.mjs). Settings come from the query string:
// order=<id>, details=inline|null|none, poll=<ms>.
import { createElement } from "react"
import Medusa from "@medusajs/js-sdk"
import {
  BankTransferOrderPayment,
  BankTransferPaymentOption,
} from "../../src/storefront/index.ts"

export const DETAILS = {
  version: 1,
  order_number: "1042",
  reference: "DH1042K",
  memo: "DH1042K",
  currency_code: "VND",
  amount: "1280000",
  accounts: [
    {
      bank_bin: "970436",
      bank_name: "Vietcombank",
      swift: "BFTVVNVX",
      account_number: "0071000123456",
      account_holder: "CONG TY TNHH DEMO",
      currency: "VND",
    },
  ],
  instructions: "Chuyển khoản trong 24 giờ.",
  deadline: "2026-12-03T10:00:00.000Z",
  qr_payload: "PLACED-1280000",
  qr_image_url: null,
  payment_url: "https://shop.example/bank-transfer/pay/tok_abc123",
  status_url: "https://shop.example/bank-transfer/pay/tok_abc123/status",
}

export function App({ origin, search }) {
  const q = new URLSearchParams(search)
  const sdk = new Medusa({ baseUrl: origin, publishableKey: "pk_test" })
  const mode = q.get("details") ?? "inline"
  return createElement(
    "main",
    { style: { padding: 8, fontFamily: "system-ui, sans-serif" } },
    createElement(BankTransferPaymentOption, {}),
    createElement(BankTransferOrderPayment, {
      sdk,
      orderId: q.get("order") ?? "order_01",
      details: mode === "inline" ? DETAILS : mode === "null" ? null : undefined,
      pollIntervalMs: Number(q.get("poll") ?? 4000),
      onPaid: () => {
        globalThis.__paid = (globalThis.__paid ?? 0) + 1
      },
    })
  )
}
