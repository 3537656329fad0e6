import type { ColumnMapping } from "./types"

/**
 * Column layouts of Vietnamese banks' statement exports. Each name is compared with the header
 * cells through their parts (header-cells.ts), so "Số tiền ghi có" also finds "Số tiền ghi có/
 * Credit"; a name may list alternatives separated by " | " (a bank's several export screens).
 * Without a mapping, the layout that fits the header row best is picked automatically; banks
 * rename columns now and then, so synonyms (below) and saved mappings remain the fallback.
 *
 * Where each layout comes from is noted on it: only layouts seen in real exports are listed.
 * VPBank and TPBank have none yet: no description of their export's columns was found.
 */
export type BankLayout = {
  bank: string
  source: string
  mapping: ColumnMapping
}

export const BANK_LAYOUTS: BankLayout[] = [
  {
    bank: "VCB",
    source:
      "Vietcombank account statement (DigiBiz export): a merchant's export with personal details replaced (tests/fixtures/vcb-bilingual-headers.csv), bilingual headers 'Vietnamese/ English'",
    mapping: {
      date: "Ngày hiệu lực | Effective date",
      credit: "Số tiền ghi có | Credit",
      debit: "Số tiền ghi nợ | Debit",
      memo: "Nội dung chi tiết | Transactions in detail",
      reference: "Số CT | Doc No",
    },
  },
  {
    bank: "VCB",
    source:
      "Vietcombank internet-banking 'Sao kê tài khoản' export (the plugin's original preset, tests/fixtures/vcb-export.csv)",
    mapping: {
      date: "Ngày giao dịch",
      credit: "Số tiền ghi có",
      debit: "Số tiền ghi nợ",
      memo: "Mô tả",
      reference: "Số tham chiếu",
    },
  },
  {
    bank: "ICB",
    source:
      "VietinBank eFAST 'Lịch sử giao dịch - Transaction history' export, bilingual headers ('Ngày hạch toán / Accounting date', 'Mô tả giao dịch / Transaction description', 'Nợ / Debit', 'Có / Credit', 'Số giao dịch / Transaction number'), as read by a public Python parser of Vietnamese statements",
    mapping: {
      date: "Ngày hạch toán | Accounting date | Ngày phát sinh | Ngày giao dịch",
      credit: "Có | Credit",
      debit: "Nợ | Debit",
      memo: "Mô tả giao dịch | Transaction description | Nội dung giao dịch",
      reference: "Số giao dịch | Transaction number",
      counterparty_name: "Tên đối ứng",
    },
  },
  {
    bank: "BIDV",
    source:
      "BIDV 'Báo cáo chi tiết số dư tài khoản' export ('Ngày hiệu lực', 'Ghi nợ', 'Ghi có', 'Số dư', 'Mô tả'), as read by a public Python parser of Vietnamese statements",
    mapping: {
      date: "Ngày hiệu lực",
      credit: "Ghi có",
      debit: "Ghi nợ",
      memo: "Mô tả | Mô tả giao dịch",
      reference: "Số tham chiếu",
    },
  },
  {
    bank: "TCB",
    source:
      "Techcombank 'Sổ phụ kiêm phiếu báo nợ/có' (bank statement), bilingual columns 'Ngày giao dịch/ Transaction date', 'Đối tác/ Remitter', 'NH đối tác/ Remitter bank', 'Diễn giải/ Details', 'Số bút toán/ Transaction no', 'Nợ/ Debit', 'Có/ Credit', 'Số dư/ Balance', as listed by public statement readers",
    mapping: {
      date: "Ngày giao dịch | Transaction date",
      credit: "Có | Credit | Ghi có",
      debit: "Nợ | Debit | Ghi nợ",
      memo: "Diễn giải | Details",
      reference: "Số bút toán | Transaction no",
      counterparty_name: "Đối tác | Remitter",
      counterparty_account: "TK đối tác",
    },
  },
  {
    bank: "MB",
    source:
      "MB Bank 'Sao kê chi tiết tài khoản / Account statement' export ('Ngày hạch toán / Posting date' or 'Ngày giao dịch / Transaction date', 'Phát sinh nợ / Debit', 'Phát sinh có / Credit', 'Số dư / Balance', 'Nội dung / Description'), as read by a public Python parser of Vietnamese statements",
    mapping: {
      date: "Ngày hạch toán | Posting date | Ngày giao dịch",
      credit: "Phát sinh có | Số tiền ghi có",
      debit: "Phát sinh nợ | Số tiền ghi nợ",
      memo: "Nội dung | Description | Diễn giải",
      reference: "Số tham chiếu",
      counterparty_name: "Tên TK đối ứng",
      counterparty_account: "TK đối ứng",
    },
  },
  {
    bank: "ACB",
    source:
      "ACB 'Bảng sao kê giao dịch' export ('Ngày giao dịch', 'Số GD', 'Nội dung', 'Tiền gửi vào', 'Tiền rút ra', 'Số dư'), as read by a public Python parser of Vietnamese statements",
    mapping: {
      date: "Ngày giao dịch",
      credit: "Tiền gửi vào | Gửi vào | Tiền vào",
      debit: "Tiền rút ra | Rút ra | Tiền ra",
      memo: "Nội dung | Nội dung giao dịch",
      reference: "Số GD",
    },
  },
]

const FIELDS = [
  "date",
  "amount",
  "credit",
  "debit",
  "memo",
  "reference",
  "counterparty_name",
  "counterparty_account",
  "currency",
  "account",
] as const

/** One mapping per bank (its layouts' names joined as alternatives): the `preset` an admin picks. */
export const BANK_PRESETS: Record<string, ColumnMapping> = (() => {
  const out: Record<string, ColumnMapping> = {}
  for (const { bank, mapping } of BANK_LAYOUTS) {
    const prev = out[bank]
    if (!prev) {
      out[bank] = { ...mapping }
      continue
    }
    for (const f of FIELDS) {
      const names = [prev[f], mapping[f]]
        .filter(Boolean)
        .flatMap((n) => n!.split("|").map((x) => x.trim()))
      if (names.length) {
        ;(prev as Record<string, string>)[f] = [...new Set(names)].join(" | ")
      }
    }
  }
  return out
})()

/** Header names each field is recognised by when no mapping is given (normalised: no diacritics). */
export const HEADER_SYNONYMS: Record<
  keyof Omit<ColumnMapping, "date_format" | "decimal_separator">,
  string[]
> = {
  date: [
    "ngay giao dich",
    "ngay gd",
    "ngay hach toan",
    "ngay hieu luc",
    "ngay",
    "date",
    "transaction date",
    "booking date",
    "posting date",
    "value date",
    "effective date",
    "accounting date",
    "ngay phat sinh",
    "tnx date",
  ],
  credit: [
    "so tien ghi co",
    "ghi co",
    "tien vao",
    "so tien co",
    "co",
    "credit",
    "credit amount",
    "money in",
    "phat sinh co",
    "tien gui vao",
    "gui vao",
  ],
  debit: [
    "so tien ghi no",
    "ghi no",
    "tien ra",
    "so tien no",
    "no",
    "debit",
    "debit amount",
    "money out",
    "phat sinh no",
    "tien rut ra",
    "rut ra",
  ],
  amount: ["so tien", "so tien giao dich", "amount", "transaction amount"],
  memo: [
    "noi dung",
    "noi dung giao dich",
    "dien giai",
    "mo ta",
    "mo ta giao dich",
    "noi dung chi tiet",
    "description",
    "details",
    "narrative",
    "remarks",
    "memo",
    "transactions in detail",
    "transaction description",
    "transaction details",
  ],
  reference: [
    "so tham chieu",
    "ma giao dich",
    "so but toan",
    "so gd",
    "so giao dich",
    "ma gd",
    "reference",
    "ref",
    "transaction id",
    "reference number",
    "so ct",
    "so chung tu",
    "doc no",
    "transaction no",
    "transaction number",
  ],
  counterparty_name: [
    "ten doi ung",
    "ten tk doi ung",
    "ten nguoi chuyen",
    "doi tac",
    "ten doi tac",
    "nguoi chuyen",
    "counterparty",
    "counterparty name",
    "payer",
    "remitter",
  ],
  counterparty_account: [
    "tk doi ung",
    "so tk doi ung",
    "tai khoan doi ung",
    "tk doi tac",
    "counterparty account",
  ],
  currency: ["loai tien", "tien te", "currency", "ccy"],
  account: ["so tai khoan", "tai khoan", "account", "account number"],
}

/** The running-balance column, used to check the statement adds up. */
export const BALANCE_HEADERS = [
  "so du",
  "balance",
  "so du tk",
  "account balance",
]
