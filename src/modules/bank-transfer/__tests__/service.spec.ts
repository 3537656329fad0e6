import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BANK_TRANSFER_MODULE } from ".."
import type BankTransferModuleService from "../service"
import { Expectation } from "../models/expectation"
import { BankTransaction } from "../models/bank-transaction"
import { Allocation } from "../models/allocation"
import { Suggestion } from "../models/suggestion"
import { RejectedPair } from "../models/rejected-pair"
import { AuditEvent } from "../models/audit-event"
import { CalendarOverride } from "../models/calendar-override"
import { PaymentConfirmation } from "../models/payment-confirmation"
import { StatementImport } from "../models/statement-import"
import { ColumnMapping } from "../models/column-mapping"
import { Setting } from "../models/setting"
import { Sighting } from "../models/sighting"
import { EscalationAnnouncement } from "../models/escalation-announcement"
import { MoneyReturn } from "../models/return-item"
import {
  loadRecordState,
  PER_FACT_LOOKUP_MAX_ROWS,
  recordIfUnchanged,
} from "../repositories/sighting"

jest.setTimeout(60 * 1000)

const options = {
  accounts: [
    {
      bank_bin: "970436",
      account_number: "0071000123456",
      account_holder: "DEMO",
    },
  ],
}

let n = 0
const expectation = (over: Record<string, unknown> = {}) => ({
  order_id: `order_${++n}`,
  order_number: String(1000 + n),
  reference: `DH${1000 + n}X`,
  memo: `DH${1000 + n}X`,
  currency_code: "VND",
  amount_due: "1000000",
  amount_received: "0",
  amount_remaining: "1000000",
  placed_at: new Date(),
  account: options.accounts[0],
  page_token: `token-${n}-${"x".repeat(20)}`,
  ...over,
})
/** A SePay delivery as the module records it (a sighting of a bank movement). */
const line = (id: string, amount = "1000000", memo = "DH1001X") => ({
  source: "sepay",
  channel: "sepay",
  dedupe_key: `sepay:${id}`,
  external_id: id,
  fingerprint: `fp-${id ?? memo}`,
  account: "0071000123456",
  booked_at: new Date(),
  amount,
  currency_code: "VND",
  direction: "in" as const,
  memo,
})

moduleIntegrationTestRunner<BankTransferModuleService>({
  moduleName: BANK_TRANSFER_MODULE,
  resolve: "./src/modules/bank-transfer",
  // The module's own migrations, not a schema from its models: they also hold the SQL functions.
  pathToMigrations: "./src/modules/bank-transfer/migrations",
  moduleOptions: options,
  moduleModels: [
    Expectation,
    BankTransaction,
    Allocation,
    Suggestion,
    RejectedPair,
    AuditEvent,
    CalendarOverride,
    PaymentConfirmation,
    StatementImport,
    ColumnMapping,
    Setting,
    Sighting,
    EscalationAnnouncement,
    MoneyReturn,
  ],
  testSuite: ({ service, MikroOrmWrapper }) => {
    /** Records deliveries; per row the movement's id and whether this call created it. */
    const record = async (rows: ReturnType<typeof line>[]) =>
      (await service.recordSightings(rows)).map((o) => ({
        id: o.transaction_id!,
        created: o.outcome === "new_movement",
      }))

    describe("ledger", () => {
      it("stores a transaction once however often and however concurrently it is delivered", async () => {
        const results = await Promise.all(
          Array.from({ length: 8 }, () => record([line("SP-1")]))
        )
        expect(results.flat().filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.flat().map((r) => r.id)).size).toBe(1)
        expect(
          await service.listBankTransactions({ external_id: "SP-1" })
        ).toHaveLength(1)
      })

      it("records one movement when several channels report one transfer at once", async () => {
        // Each report waits for the identity lock and must then see what the holder before it
        // committed: a read made before the lock was granted would create a movement per channel.
        const booked_at = new Date()
        const reports = ["sepay", "casso", "payos", "generic"].flatMap(
          (channel) => {
            const report = {
              ...line(`${channel}-RACE`, "2500000", "DH2001X"),
              source: channel,
              channel,
              dedupe_key: `${channel}:RACE`,
              booked_at,
              bank_references: ["FT26336RACE01"],
            }
            return [report, report]
          }
        )
        const outcomes = (
          await Promise.all(reports.map((r) => service.recordSightings([r])))
        ).flat()
        expect(
          outcomes.filter((o) => o.outcome === "new_movement")
        ).toHaveLength(1)
        expect(outcomes.filter((o) => o.outcome === "repeat")).toHaveLength(4)
        expect(new Set(outcomes.map((o) => o.transaction_id)).size).toBe(1)
        expect(
          await service.listBankTransactions({ amount: 2500000 })
        ).toHaveLength(1)
        expect(
          await service.listSightings({
            transaction_id: outcomes[0].transaction_id!,
          })
        ).toHaveLength(4)
      })

      it("writes a decision made without the lock only while what it was made from is unchanged", async () => {
        const manager = MikroOrmWrapper.forkManager()
        const report = {
          ...line("GUARD-1", "3300000", "DH3001X"),
          bank_references: ["FT26336GUARD1"],
        }
        const keys = [report.dedupe_key]
        const rows = (transaction_id: string) => ({
          movements: [{ ...report, id: transaction_id }],
          sightings: [
            {
              ...report,
              id: `btsig_${transaction_id}`,
              transaction_id,
              candidate_transaction_id: null,
              status: "new_movement",
              basis: null,
            },
          ],
        })
        const before = await loadRecordState(manager, [report], keys)
        // Casso reports the same transfer in between: the decision "a new movement" no longer holds.
        await service.recordSightings([
          {
            ...report,
            source: "casso",
            channel: "casso",
            dedupe_key: "casso:GUARD-1",
          },
        ])
        const stale = rows("bttx_guard_stale")
        expect(
          await recordIfUnchanged(
            manager,
            [report],
            keys,
            before.state,
            stale.movements,
            stale.sightings
          )
        ).toBe(false)
        expect(
          await service.listBankTransactions({ amount: 3300000 })
        ).toHaveLength(1)

        const now = await loadRecordState(manager, [report], keys)
        expect(now.state).not.toBe(before.state)
        const fresh = rows("bttx_guard_fresh")
        expect(
          await recordIfUnchanged(
            manager,
            [report],
            keys,
            now.state,
            fresh.movements,
            fresh.sightings
          )
        ).toBe(true)
        expect(
          await service.listSightings({ transaction_id: "bttx_guard_fresh" })
        ).toHaveLength(1)
      })

      it("pairs a statement longer than PER_FACT_LOOKUP_MAX_ROWS with webhook reports by the same rules", async () => {
        // Webhook batches are read by per-fact look-ups, a long statement by one join: both ways
        // must find the same movements.
        const lines = Array.from(
          { length: 3 * PER_FACT_LOOKUP_MAX_ROWS },
          (_, i) => ({
            ...line(`JOIN-${i}`, String(4_000_000 + i * 7), `DH${5000 + i}X`),
            bank_references: [`FT26336J${i}`],
          })
        )
        const byWebhook = (
          await Promise.all(
            Array.from({ length: lines.length / 10 }, (_, k) =>
              service.recordSightings(lines.slice(k * 10, k * 10 + 10))
            )
          )
        ).flat()
        expect(byWebhook.every((o) => o.outcome === "new_movement")).toBe(true)
        const statement = lines.map((l, i) => ({
          ...l,
          source: "camt053",
          channel: "statement:camt053",
          dedupe_key: `camt053:JOIN-${i}`,
        }))
        const preview = await service.previewSightings(statement)
        expect(preview.map((p) => p.movement_id)).toEqual(
          byWebhook.map((o) => o.transaction_id)
        )
        const recorded = await service.recordSightings(statement)
        expect(recorded.map((o) => o.outcome)).toEqual(
          statement.map(() => "same_movement")
        )
        expect(recorded.map((o) => o.transaction_id)).toEqual(
          byWebhook.map((o) => o.transaction_id)
        )
      })

      it("inserts large batches in chunks", async () => {
        const rows = Array.from({ length: 2500 }, (_, i) =>
          line(`BULK-${i}`, "1000")
        )
        const out = await record(rows)
        expect(out.filter((r) => r.created)).toHaveLength(2500)
        expect((await record(rows)).filter((r) => r.created)).toHaveLength(0)
      })
    })

    describe("allocation", () => {
      it("never allocates more than a transaction holds, even when two requests race", async () => {
        const [a, b] = await service.createExpectations([
          expectation(),
          expectation(),
        ])
        const [{ id }] = await record([line("SP-RACE")])
        const attempts = await Promise.allSettled([
          service.allocate({
            transaction_id: id,
            allocations: [{ expectation_id: a.id, amount: "1000000" }],
            actor: { type: "system" },
          }),
          service.allocate({
            transaction_id: id,
            allocations: [{ expectation_id: b.id, amount: "1000000" }],
            actor: { type: "admin", id: "user_1" },
          }),
        ])
        expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        expect(
          (
            attempts.find(
              (r) => r.status === "rejected"
            ) as PromiseRejectedResult
          ).reason.message
        ).toMatch(/left to allocate/)
        const tx = await service.retrieveBankTransaction(id)
        expect(Number(tx.amount_allocated)).toBe(1000000)
        expect(tx.status).toBe("matched")
      })

      it("pays, part-pays and undoes, keeping exact sums and an audit trail", async () => {
        const e = await service.createExpectations(expectation())
        const [{ id: t1 }, { id: t2 }] = await record([
          line("P-1", "400000"),
          line("P-2", "700000"),
        ])
        const first = await service.allocate({
          transaction_id: t1,
          allocations: [{ expectation_id: e.id, amount: "400000" }],
          actor: { type: "system" },
        })
        expect(first.expectations[0]).toMatchObject({
          previous_status: "awaiting_transfer",
          status: "partially_paid",
          amount_remaining: "600000",
        })
        await service.allocate({
          transaction_id: t2,
          allocations: [{ expectation_id: e.id, amount: "700000" }],
          actor: { type: "system" },
        })
        let now = await service.retrieveExpectation(e.id)
        expect(now.status).toBe("paid")
        expect([
          Number(now.amount_received),
          Number(now.amount_remaining),
          Number(now.surplus),
        ]).toEqual([1100000, 0, 100000])

        const [undo] = await service.listAllocations({ transaction_id: t2 })
        await service.reverseAllocations({
          allocation_ids: [undo.id],
          actor: { type: "admin", id: "user_1" },
          reason: "wrong order",
        })
        now = await service.retrieveExpectation(e.id)
        expect([
          now.status,
          Number(now.amount_received),
          Number(now.amount_remaining),
        ]).toEqual(["partially_paid", 400000, 600000])
        expect((await service.retrieveBankTransaction(t2)).status).toBe(
          "unmatched"
        )
        const audit = await service.listAuditEvents(
          { expectation_id: e.id },
          { order: { created_at: "ASC" } }
        )
        expect(audit.map((a) => `${a.action}:${a.actor_type}`)).toEqual([
          "allocated:system",
          "allocated:system",
          "allocation_reversed:admin",
        ])
      })

      it("refuses outgoing money and other currencies", async () => {
        const e = await service.createExpectations(expectation())
        const [{ id: out }] = await record([
          { ...line("OUT-1"), direction: "out" },
        ])
        await expect(
          service.allocate({
            transaction_id: out,
            allocations: [{ expectation_id: e.id, amount: "1" }],
            actor: { type: "system" },
          })
        ).rejects.toThrow(/Outgoing/)
        const [{ id: usd }] = await record([
          { ...line("USD-1", "10.50"), currency_code: "USD" },
        ])
        await expect(
          service.allocate({
            transaction_id: usd,
            allocations: [{ expectation_id: e.id, amount: "10.50" }],
            actor: { type: "system" },
          })
        ).rejects.toThrow(/USD/)
      })
    })

    describe("candidates and escalations", () => {
      it("finds open expectations by identifiers and exact amount, not closed ones", async () => {
        const open = await service.createExpectations(
          expectation({ tax_code: "0101234567", phone: "0912345678" })
        )
        await service.createExpectations(
          expectation({ tax_code: "0101234567", status: "paid" })
        )
        const found = await service.findMatchCandidates({
          references: [],
          order_numbers: [],
          tax_codes: ["0101234567"],
          phones: [],
          company_tokens: [],
          customer_ids: [],
        })
        expect(found.map((r) => r.id)).toEqual([open.id])
        const byAmount = await service.findMatchCandidates({
          references: [],
          order_numbers: [],
          tax_codes: [],
          phones: [],
          company_tokens: [],
          customer_ids: [],
          amount: {
            currency_code: "VND",
            value: "1000000",
            from: new Date(Date.now() - 86400000),
            to: new Date(Date.now() + 86400000),
          },
        })
        expect(byAmount.length).toBeGreaterThan(0)
        expect(byAmount.length).toBeLessThanOrEqual(3)
      })

      it("two concurrent escalation runs claim each due order once", async () => {
        const due = await service.createExpectations(
          Array.from({ length: 30 }, () =>
            expectation({
              next_step: "confirmation_1",
              next_step_at: new Date(Date.now() - 1000),
            })
          )
        )
        const plan = () => ({
          due: ["confirmation_1"],
          status: "awaiting_customer_confirmation",
          next_step: null,
          next_step_at: null,
        })
        const [a, b] = await Promise.all([
          service.claimDueEscalations({ now: new Date(), limit: 20, plan }),
          service.claimDueEscalations({ now: new Date(), limit: 20, plan }),
        ])
        const c = await service.claimDueEscalations({
          now: new Date(),
          limit: 20,
          plan,
        })
        const claimed = [...a.claimed, ...b.claimed, ...c.claimed].map(
          (x) => x.expectation_id
        )
        expect(new Set(claimed).size).toBe(claimed.length)
        expect(
          claimed.filter((id) => due.some((d) => d.id === id))
        ).toHaveLength(30)
        // Each batch that claimed anything left one announcement naming exactly its orders.
        const announcements = await service.listEscalationAnnouncements({})
        expect(announcements.map((x: any) => x.id).sort()).toEqual(
          [a, b, c]
            .map((x) => x.announcement_id)
            .filter(Boolean)
            .sort()
        )
        expect(
          announcements
            .flatMap((x: any) => x.items.map((i: any) => i.expectation_id))
            .sort()
        ).toEqual([...claimed].sort())
        expect(
          (
            await service.claimDueEscalations({
              now: new Date(),
              limit: 20,
              plan,
            })
          ).claimed
        ).toHaveLength(0)
      })
    })
  },
})
