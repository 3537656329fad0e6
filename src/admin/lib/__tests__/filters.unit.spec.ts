import {
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  toQuery,
} from "../filters"

describe("ledger filters in the URL", () => {
  const defaults = emptyFilters()

  it("reads what the URL says over the defaults, and writes back only what differs", () => {
    const f = filtersFromParams(
      new URLSearchParams("tab=incoming&from=2026-11-01&status=matched"),
      defaults
    )
    expect(f).toEqual({
      ...defaults,
      from: "2026-11-01",
      status: "matched",
    })
    const next = filtersToParams(
      new URLSearchParams("tab=incoming&from=2026-11-01&status=matched"),
      { ...f, status: "all", account: "0071000123456" },
      defaults
    )
    expect(next.toString()).toBe(
      "tab=incoming&from=2026-11-01&account=0071000123456"
    )
  })

  it("sends days as typed (the server reads them in the shop's zone), the account trimmed, bad amounts left out", () => {
    expect(
      toQuery(
        {
          ...defaults,
          from: "2026-11-01",
          to: "2026-11-30",
          account: " 0071000123456 ",
          min: "abc",
          max: "2.430.000",
        },
        20,
        0
      )
    ).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
      account: "0071000123456",
      min_amount: undefined,
      direction: "in",
      status: undefined,
    })
  })
})
