import type { ColumnMapping } from "./types"

/**
 * Column names of common Vietnamese bank exports (internet-banking "Sao kê tài khoản"), as a
 * starting point: banks rename columns now and then, so saved mappings and auto-detection exist too.
 */
export const BANK_PRESETS: Record<string, ColumnMapping> = {
  VCB: { date: "Ngày giao dịch", credit: "Số tiền ghi có", debit: "Số tiền ghi nợ", memo: "Mô tả", reference: "Số tham chiếu" },
  TCB: { date: "Ngày giao dịch", credit: "Ghi có", debit: "Ghi nợ", memo: "Diễn giải", reference: "Số bút toán", counterparty_name: "Đối tác", counterparty_account: "TK đối tác" },
  MB: { date: "Ngày giao dịch", credit: "Số tiền ghi có", debit: "Số tiền ghi nợ", memo: "Nội dung", reference: "Số tham chiếu", counterparty_name: "Tên TK đối ứng", counterparty_account: "TK đối ứng" },
  BIDV: { date: "Ngày hiệu lực", credit: "Ghi có", debit: "Ghi nợ", memo: "Mô tả giao dịch", reference: "Số tham chiếu" },
  ACB: { date: "Ngày giao dịch", credit: "Tiền vào", debit: "Tiền ra", memo: "Nội dung giao dịch", reference: "Số GD" },
  ICB: { date: "Ngày giao dịch", credit: "Có", debit: "Nợ", memo: "Nội dung giao dịch", reference: "Số giao dịch", counterparty_name: "Tên đối ứng" },
}

/** Header names each field is recognised by when no mapping is given (normalised: no diacritics). */
export const HEADER_SYNONYMS: Record<keyof Omit<ColumnMapping, "date_format" | "decimal_separator">, string[]> = {
  date: ["ngay giao dich", "ngay gd", "ngay hach toan", "ngay hieu luc", "ngay", "date", "transaction date", "booking date", "posting date", "value date"],
  credit: ["so tien ghi co", "ghi co", "tien vao", "so tien co", "co", "credit", "credit amount", "money in"],
  debit: ["so tien ghi no", "ghi no", "tien ra", "so tien no", "no", "debit", "debit amount", "money out"],
  amount: ["so tien", "so tien giao dich", "amount", "transaction amount"],
  memo: ["noi dung", "noi dung giao dich", "dien giai", "mo ta", "mo ta giao dich", "noi dung chi tiet", "description", "details", "narrative", "remarks", "memo"],
  reference: ["so tham chieu", "ma giao dich", "so but toan", "so gd", "so giao dich", "ma gd", "reference", "ref", "transaction id", "reference number"],
  counterparty_name: ["ten doi ung", "ten tk doi ung", "ten nguoi chuyen", "doi tac", "ten doi tac", "nguoi chuyen", "counterparty", "counterparty name", "payer"],
  counterparty_account: ["tk doi ung", "so tk doi ung", "tai khoan doi ung", "tk doi tac", "counterparty account"],
  currency: ["loai tien", "tien te", "currency", "ccy"],
  account: ["so tai khoan", "tai khoan", "account", "account number"],
}
