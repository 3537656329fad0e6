import {
  csvCells,
  exactAmount,
  EXPORT_COLUMNS,
  exportFileName,
  isoDateIn,
  ledgerExportRow,
  xlsxCells,
  type LedgerRecord,
} from "../export-rows"

const TZ = "Asia/Ho_Chi_Minh"

const movement = (over: Partial<LedgerRecord> = {}): LedgerRecord => ({
  transaction_id: "bttx_1",
  // 18:30 UTC on 30 Nov is 01:30 on 1 Dec in Hanoi: the shop's day counts.
  booked_at: new Date("2026-11-30T18:30:00Z"),
  account: "0071000123456",
  counterparty_name: "CÔNG TY TNHH ĐỨC THÀNH",
  counterparty_account: "0011004123456",
  memo: "Thanh toán đơn hàng DH1001",
  direction: "in",
  amount: "4860000",
  currency_code: "vnd",
  status: "matched",
  source: "sepay",
  allocation_id: "btalloc_1",
  allocated_amount: "2430000",
  order_id: "order_01",
  order_number: "1001",
  email: "mua@example.com",
  company_name: null,
  tax_code: "0101234567",
  reference: "DH1001K",
  ...over,
})

describe("ledger export rows", () => {
  it("one allocation: every column, the date in the shop's day, amounts exact in major units", () => {
    expect(ledgerExportRow(movement(), TZ)).toEqual({
      booked_date: "2026-12-01",
      account: "0071000123456",
      counterparty_name: "CÔNG TY TNHH ĐỨC THÀNH",
      counterparty_account: "0011004123456",
      memo: "Thanh toán đơn hàng DH1001",
      direction: "in",
      amount: "4860000",
      allocated_amount: "2430000",
      currency: "VND",
      order_display_id: "1001",
      order_id: "order_01",
      customer: "mua@example.com",
      tax_code: "0101234567",
      state: "matched",
      reference: "DH1001K",
      source: "sepay",
      transaction_id: "bttx_1",
    })
  })

  it("no allocation: order columns empty, the movement's facts kept", () => {
    const row = ledgerExportRow(
      movement({
        allocation_id: null,
        allocated_amount: null,
        order_id: null,
        order_number: null,
        email: null,
        tax_code: null,
        reference: null,
        status: "unmatched",
      }),
      TZ
    )
    expect(row.amount).toBe("4860000")
    expect(
      [
        row.allocated_amount,
        row.order_display_id,
        row.order_id,
        row.customer,
        row.tax_code,
        row.reference,
      ].every((v) => v === "")
    ).toBe(true)
    expect(row.state).toBe("unmatched")
  })

  it("the company name is the customer when there is one", () => {
    expect(
      ledgerExportRow(movement({ company_name: "Cty ABC" }), TZ).customer
    ).toBe("Cty ABC")
  })

  it("amounts get exactly the currency's decimals, never through a float", () => {
    expect(exactAmount("2430000.0000", "VND")).toBe("2430000")
    expect(exactAmount("12.5", "USD")).toBe("12.50")
    expect(exactAmount("0.1", "usd")).toBe("0.10")
    expect(exactAmount("9007199254740993", "VND")).toBe("9007199254740993")
    expect(() => exactAmount("1.5", "VND")).toThrow(/more decimals/)
  })

  it("dates: the shop's calendar day, not UTC's", () => {
    expect(isoDateIn("2026-11-30T16:59:59Z", TZ)).toBe("2026-11-30")
    expect(isoDateIn("2026-11-30T17:00:00Z", TZ)).toBe("2026-12-01")
    expect(isoDateIn("2026-11-30T17:00:00Z", "UTC")).toBe("2026-11-30")
  })

  it("CSV cells: formulas from strangers defused, amounts and plain text untouched", () => {
    const cells = csvCells(
      ledgerExportRow(
        movement({
          memo: '=HYPERLINK("http://x")',
          counterparty_name: "@evil",
        }),
        TZ
      )
    )
    const at = (k: string) => cells[EXPORT_COLUMNS.findIndex(([c]) => c === k)]
    expect(at("memo")).toBe('\'=HYPERLINK("http://x")')
    expect(at("counterparty_name")).toBe("'@evil")
    expect(at("amount")).toBe("4860000")
    expect(at("account")).toBe("0071000123456")
    expect(cells).toHaveLength(EXPORT_COLUMNS.length)
  })

  it("XLSX cells: VND amounts as exact numbers, USD amounts and huge VND ones as text, empty as null", () => {
    const vnd = xlsxCells(ledgerExportRow(movement(), TZ))
    const col = (k: string) => EXPORT_COLUMNS.findIndex(([c]) => c === k)
    expect(vnd[col("amount")]).toEqual({
      type: Number,
      value: 4860000,
      format: "#,##0",
    })
    expect(vnd[col("account")]).toEqual({
      type: String,
      value: "0071000123456",
    })
    const usd = xlsxCells(
      ledgerExportRow(
        movement({
          currency_code: "USD",
          amount: "0.1",
          allocated_amount: "0.1",
        }),
        TZ
      )
    )
    expect(usd[col("amount")]).toEqual({ type: String, value: "0.10" })
    const huge = xlsxCells(
      ledgerExportRow(
        movement({ amount: "9007199254740993", allocated_amount: "1" }),
        TZ
      )
    )
    expect(huge[col("amount")]).toEqual({
      type: String,
      value: "9007199254740993",
    })
    const none = xlsxCells(
      ledgerExportRow(movement({ allocation_id: null, order_id: null }), TZ)
    )
    expect(none[col("order_id")]).toBeNull()
  })

  it("file name carries the period", () => {
    expect(exportFileName("2026-11-01", "2026-11-30", "csv")).toBe(
      "bank-transactions_2026-11-01_2026-11-30.csv"
    )
  })
})
