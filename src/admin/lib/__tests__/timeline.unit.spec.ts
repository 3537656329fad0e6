import { timelineActor, timelineMessage } from "../timeline"
import { translator } from "./translate"

const vi = translator("vi")
const en = translator("en")
/** Intl's no-break spaces read as spaces. */
const plain = (s: string | null) => s?.replace(/\u00a0/g, " ") ?? null

describe("who made a timeline event", () => {
  it("an admin by name, never by raw id; without a name just the role", () => {
    const e = {
      action: "allocation_reversed",
      actor_type: "admin",
      actor_id: "user_01ABC",
    }
    expect(timelineActor({ ...e, actor_name: "Lan Nguyễn" }, vi)).toBe(
      "Quản trị viên · Lan Nguyễn"
    )
    expect(timelineActor({ ...e, actor_name: null }, en)).toBe("Admin")
  })

  it("the system by what it was doing: the checkout created the expectation, not the matcher", () => {
    const system = (action: string, t = vi) =>
      timelineActor({ action, actor_type: "system" }, t)
    expect(system("expectation_created")).toBe("Đặt hàng")
    expect(system("expectation_created", en)).toBe("Checkout")
    expect(system("allocated")).toBe("Đối soát tự động")
    expect(system("escalation:confirmation_1", en)).toBe("Reminder schedule")
    expect(system("captured_in_medusa", en)).toBe("Medusa payment")
    expect(system("something_new", en)).toBe("System")
    expect(
      timelineActor({ action: "customer_confirmed", actor_type: "shopper" }, vi)
    ).toBe("Khách hàng")
  })
})

describe("server sentences in the admin's language", () => {
  it("the plugin's fixed sentences by action; an admin's own words stay as written", () => {
    expect(
      timelineMessage(
        { action: "allocated", message: "Matched automatically" },
        vi,
        "vi"
      )
    ).toBe("Khớp tự động")
    expect(
      timelineMessage(
        { action: "allocated", message: "Khách gửi nhầm tài khoản" },
        en,
        "en"
      )
    ).toBe("Khách gửi nhầm tài khoản")
    expect(
      timelineMessage(
        {
          action: "order_canceled_in_medusa",
          message: "The order was cancelled in Medusa",
        },
        vi,
        "vi"
      )
    ).toBe("Đơn hàng đã bị huỷ trong Medusa")
  })

  it("amounts from Medusa's payment section, formatted exactly", () => {
    expect(
      plain(
        timelineMessage(
          {
            action: "captured_in_medusa",
            message: "1280000 VND captured in Medusa's payment section",
          },
          vi,
          "vi"
        )
      )
    ).toBe("1.280.000 ₫ đã được ghi nhận trong mục thanh toán của Medusa")
    expect(
      plain(
        timelineMessage(
          {
            action: "refunded_in_medusa",
            message:
              "90071992547409.93 USD refunded in Medusa: to transfer back to the shopper",
          },
          en,
          "en"
        )
      )
    ).toBe(
      "$90,071,992,547,409.93 refunded in Medusa: to transfer back to the shopper"
    )
  })

  it("escalations from their data: statuses in words", () => {
    expect(
      timelineMessage(
        {
          action: "escalation:tentative_cancel",
          message: "awaiting_customer_confirmation → tentatively_canceled",
          data: {
            from_status: "awaiting_customer_confirmation",
            to_status: "tentatively_canceled",
          },
        },
        en,
        "en"
      )
    ).not.toMatch(/_/)
  })

  it("an unknown action keeps its stored sentence", () => {
    expect(
      timelineMessage({ action: "capture_failed", message: "boom" }, vi, "vi")
    ).toBe("boom")
  })
})
