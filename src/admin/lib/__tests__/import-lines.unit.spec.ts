import { commitSummary, lineState, lineStatus } from "../import-lines"
import type { ImportLine } from "../../../types/http"
import { translator } from "./translate"

const t = translator("en")

const line = (over: Partial<ImportLine>): ImportLine => ({
  line: "row 2",
  booked_at: "2026-11-30T02:15:00.000Z",
  amount: "1000000",
  currency_code: "VND",
  direction: "in",
  memo: "DH47V",
  ...over,
})
const via = (source: string) => ({
  transaction_id: "bttx_1",
  source,
  booked_at: "2026-11-30T02:15:00.000Z",
  basis: "memo",
})
const TZ = "Asia/Ho_Chi_Minh"

describe("import preview lines", () => {
  it("says how and when a known line was first received", () => {
    expect(
      lineStatus(
        line({ state: "known_other_channel", known_via: via("sepay") }),
        t,
        TZ
      ).label
    ).toBe("Already received via SePay on 30/11/2026 09:15")
    expect(
      lineStatus(line({ state: "known", known_via: via("statement") }), t, TZ)
        .label
    ).toBe("Already received via Statement on 30/11/2026 09:15")
    expect(
      lineStatus(
        line({ state: "known_other_channel", known_via: via("generic") }),
        t,
        TZ
      ).label
    ).toBe("Already received via Generic webhook on 30/11/2026 09:15")
  })

  it("holds a possible duplicate for review, naming the transfer it may repeat", () => {
    const s = lineStatus(
      line({ state: "possible_duplicate", known_via: via("casso") }),
      t,
      TZ
    )
    expect(s.state).toBe("possible_duplicate")
    expect(s.label).toBe("Possible duplicate — will be held for review")
    expect(s.detail).toContain("Casso on 30/11/2026 09:15")
  })

  it("reads older answers without known_via or state", () => {
    expect(lineStatus(line({ state: "known_other_channel" }), t).label).toBe(
      "Already received by webhook"
    )
    expect(lineStatus(line({ state: "known" }), t).label).toBe(
      "Already imported"
    )
    expect(lineState(line({ known: true }))).toBe("known")
    expect(lineStatus(line({ state: "new" }), t).label).toBe("New")
    expect(lineState(line({}))).toBe("new")
  })
})

describe("commit summary", () => {
  it("lists what the commit stored", () => {
    expect(
      commitSummary(
        {
          lines: 4,
          incoming: 4,
          outgoing: 0,
          new: 2,
          known: 1,
          possible_duplicates: 1,
          added: 2,
          already_received: 1,
          stored: 4,
        },
        t
      )
    ).toBe("2 added · 1 already received · 1 held for review · 4 lines stored")
  })

  it("says how many unreadable lines the accountant left out", () => {
    expect(
      commitSummary(
        {
          lines: 2,
          incoming: 2,
          outgoing: 0,
          new: 2,
          known: 0,
          added: 2,
          stored: 2,
          rejected: 1,
          left_out: 1,
        },
        t
      )
    ).toBe("2 added · 2 lines stored · 1 unreadable line left out")
  })

  it("leaves out what an older server did not send", () => {
    expect(
      commitSummary(
        { lines: 1, incoming: 1, outgoing: 0, new: 1, known: 0 },
        t,
        1
      )
    ).toBe("1 added")
  })
})

describe("in Vietnamese", () => {
  const vi = translator("vi")
  it("says the same things in the admin's other language", () => {
    expect(
      lineStatus(
        line({ state: "known_other_channel", known_via: via("sepay") }),
        vi,
        TZ
      ).label
    ).toBe("Đã nhận qua SePay lúc 30/11/2026 09:15")
    expect(
      commitSummary(
        {
          lines: 2,
          incoming: 2,
          outgoing: 0,
          new: 2,
          known: 0,
          added: 2,
          stored: 2,
          left_out: 1,
        },
        vi
      )
    ).toBe("2 dòng mới · 2 dòng đã lưu · 1 dòng không đọc được bị bỏ qua")
  })
})
