import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import {
  EXPECTATION_STATUSES,
  statusFromAmounts,
  transition,
  TRANSITIONS,
  unpaidStatus,
  type ExpectationStatus,
} from "../state-machine"

const due = { amount_due: "2430000" }

describe("state machine of an order's transfer", () => {
  it("money received: paid within the write-off, else partially paid; an order on hold is revived", () => {
    const money = { type: "money_received" } as const
    expect(
      transition("awaiting_transfer", money, "webhook", {
        ...due,
        amount_received: "2430000",
      })
    ).toBe("paid")
    expect(
      transition("awaiting_transfer", money, "system", {
        ...due,
        amount_received: "2425000",
        write_off: "5000",
      })
    ).toBe("paid")
    expect(
      transition("awaiting_transfer", money, "system", {
        ...due,
        amount_received: "2424999",
        write_off: "5000",
      })
    ).toBe("partially_paid")
    expect(
      transition("tentatively_canceled", money, "import", {
        ...due,
        amount_received: "1000000",
      })
    ).toBe("partially_paid")
  })

  it("a cancelled order stays closed and a flagged one stays flagged when money moves", () => {
    const facts = { ...due, amount_received: "2430000" }
    expect(
      transition("canceled", { type: "money_received" }, "admin", facts)
    ).toBe("canceled")
    expect(
      transition("needs_attention", { type: "money_received" }, "system", facts)
    ).toBe("needs_attention")
  })

  it("an undo returns the order to where it was before any money, never losing 'on hold'", () => {
    const back = { type: "money_taken_back" } as const
    const none = { ...due, amount_received: "0" }
    expect(transition("paid", back, "admin", none)).toBe("awaiting_transfer")
    expect(
      transition("paid", back, "admin", {
        ...none,
        steps_done: { confirmation_1: "2026-11-01", tentative_cancel: "x" },
      })
    ).toBe("tentatively_canceled")
    expect(
      transition("partially_paid", back, "admin", {
        ...none,
        steps_done: { shopper_confirmed: "x" },
      })
    ).toBe("customer_confirmed")
    expect(
      transition("paid", back, "admin", { ...due, amount_received: "1000" })
    ).toBe("partially_paid")
  })

  it("refunds in Medusa: all money back is refunded, part of it is not", () => {
    const back = { type: "money_taken_back" } as const
    expect(
      transition("paid", back, "admin", {
        ...due,
        amount_received: "2430000",
        amount_refunded: "2430000",
      })
    ).toBe("refunded")
    expect(
      transition("paid", back, "admin", {
        ...due,
        amount_received: "2430000",
        amount_refunded: "30000",
      })
    ).toBe("partially_paid")
  })

  it("escalation steps: asked, on hold, cancelled; only for unpaid orders and only by the system", () => {
    const facts = { ...due, amount_received: "0" }
    const step = (s: string) => ({ type: "escalation_step", step: s }) as const
    expect(
      transition("awaiting_transfer", step("confirmation_1"), "system", facts)
    ).toBe("awaiting_customer_confirmation")
    expect(
      transition(
        "customer_confirmed",
        step("tentative_cancel"),
        "system",
        facts
      )
    ).toBe("tentatively_canceled")
    expect(
      transition("tentatively_canceled", step("final_cancel"), "system", facts)
    ).toBe("canceled")
    expect(() =>
      transition("paid", step("tentative_cancel"), "system", facts)
    ).toThrow(/paid/)
    expect(() =>
      transition("awaiting_transfer", step("tentative_cancel"), "admin", facts)
    ).toThrow(/cannot/)
  })

  it("the shopper and the accountant: confirmation only while unpaid", () => {
    const facts = { ...due, amount_received: "0" }
    expect(
      transition(
        "awaiting_customer_confirmation",
        { type: "shopper_confirmed" },
        "shopper",
        facts
      )
    ).toBe("customer_confirmed")
    expect(
      transition(
        "partially_paid",
        { type: "shopper_confirmed" },
        "shopper",
        facts
      )
    ).toBe("partially_paid")
    expect(() =>
      transition("paid", { type: "confirmation_requested" }, "admin", facts)
    ).toThrow(/paid/)
    expect(() =>
      transition(
        "awaiting_transfer",
        { type: "money_received" },
        "shopper",
        facts
      )
    ).toThrow(/shopper/)
  })

  it("a refused capture flags the order; a retry that succeeds lets the amounts decide", () => {
    const facts = { ...due, amount_received: "2430000" }
    expect(
      transition("paid", { type: "capture_failed" }, "system", facts)
    ).toBe("needs_attention")
    expect(
      transition(
        "needs_attention",
        { type: "capture_recovered" },
        "system",
        facts
      )
    ).toBe("paid")
    expect(() =>
      transition("canceled", { type: "capture_failed" }, "system", facts)
    ).toThrow()
  })

  it("every rule names real states, and every state is reachable", () => {
    const reachable = new Set<ExpectationStatus>(["awaiting_transfer"])
    for (const rule of Object.values(TRANSITIONS)) {
      for (const from of rule.from) {
        expect(EXPECTATION_STATUSES).toContain(from)
      }
      expect(rule.says.length).toBeGreaterThan(20)
    }
    const samples = [
      { amount_received: "0" },
      { amount_received: "1000" },
      { amount_received: "2430000" },
      { amount_received: "2430000", amount_refunded: "2430000" },
    ]
    const steps = ["confirmation_1", "tentative_cancel", "final_cancel"]
    for (let round = 0; round < 3; round++) {
      for (const from of [...reachable]) {
        for (const [type, rule] of Object.entries(TRANSITIONS)) {
          if (!(rule.from as readonly string[]).includes(from)) {
            continue
          }
          for (const s of samples) {
            for (const step of steps) {
              reachable.add(rule.to(from, { ...due, ...s }, { type, step }))
            }
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...EXPECTATION_STATUSES].sort())
  })

  it("unpaid status and amounts helpers", () => {
    expect(unpaidStatus({})).toBe("awaiting_transfer")
    expect(unpaidStatus({ confirmation_requested: "x" })).toBe(
      "awaiting_customer_confirmation"
    )
    expect(statusFromAmounts({ ...due, amount_received: "0" })).toBe(
      "awaiting_transfer"
    )
  })
})

describe("nothing else writes an expectation's status", () => {
  const root = path.resolve(__dirname, "../../..")
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) {
        return name === "__tests__" || name === "migrations" ? [] : files(full)
      }
      return /\.tsx?$/.test(name) ? [full] : []
    })

  it("only the transition action (and the escalation batch it decides for) update expectations", () => {
    const writers = files(root)
      .filter((f) => {
        const text = readFileSync(f, "utf8")
        return (
          /updateExpectations\(/.test(text) ||
          /UPDATE\s+bank_transfer_expectation/i.test(text)
        )
      })
      .map((f) => path.relative(root, f))
      .sort()
    expect(writers).toEqual([
      "modules/bank-transfer/actions/transition.ts",
      "modules/bank-transfer/repositories/expectation.ts",
    ])
  })
})
