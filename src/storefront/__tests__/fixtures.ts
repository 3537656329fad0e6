import type { BankTransferStatusView } from "../types.ts"

/** `data.bank_transfer` as the plugin writes it on the order's payment (version 1). */
export const bankTransferData = {
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
  deadline: "2026-12-03T17:00:00.000Z", // on hold from 00:00 on 4 December in Vietnam
  qr_payload:
    "00020101021238570010A00000072701270006970436011300710001234560208QRIBFTTA53037045407128000058029162110807DH1042K6304ABCD",
  qr_image_url: "https://shop.example/bank-transfer/pay/tok_abc123/qr",
  payment_url: "https://shop.example/bank-transfer/pay/tok_abc123",
  status_url: "https://shop.example/bank-transfer/pay/tok_abc123/status",
}

/** An order as `sdk.store.order.retrieve(id, { fields: "*payment_collections.payments" })` gives it. */
export const order = {
  id: "order_01",
  display_id: 1042,
  payment_collections: [
    {
      id: "pay_col_01",
      payments: [
        {
          id: "pay_01",
          provider_id: "pp_bank-transfer_bank-transfer",
          data: { bank_transfer: bankTransferData },
          canceled_at: null,
        },
      ],
    },
  ],
}

/** The status route's view after 500.000 of 1.280.000 ₫ arrived. */
export const partlyPaid: BankTransferStatusView = {
  order_id: "order_01",
  order_number: "1042",
  status: "partially_paid",
  currency_code: "VND",
  amount_due: "1280000",
  amount_received: "500000",
  amount_remaining: "780000",
  reference: "DH1042K",
  memo: "DH1042K",
  instructions: "Chuyển khoản trong 24 giờ.",
  accounts: bankTransferData.accounts,
  deadline: bankTransferData.deadline,
  qr: { format: "vietqr", payload: "REMAINING-780000", svg: null },
  payment_url: bankTransferData.payment_url,
  status_url: bankTransferData.status_url,
}
