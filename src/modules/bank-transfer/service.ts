import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  MathBN,
} from "@medusajs/framework/utils"
import type { BigNumberInput, Context } from "@medusajs/framework/types"
import { BankTransferOptions, parseOptions, RuntimeSettings } from "../../lib/options"
import { Expectation } from "./models/expectation"
import { BankTransaction } from "./models/bank-transaction"
import { Allocation } from "./models/allocation"
import { Suggestion } from "./models/suggestion"
import { RejectedPair } from "./models/rejected-pair"
import { AuditEvent } from "./models/audit-event"
import { CalendarOverride as CalendarOverrideModel } from "./models/calendar-override"
import { PaymentConfirmation } from "./models/payment-confirmation"
import { StatementImport } from "./models/statement-import"
import { ColumnMapping } from "./models/column-mapping"
import { Setting } from "./models/setting"
import { OPEN_STATUSES, nextStatusAfterPayment } from "./status"
import type { EXPECTATION_STATUSES } from "./models/expectation"

type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number]
import { BusinessCalendar, CalendarOverride } from "../../lib/escalate/calendar/business-calendar"
import { entityId } from "../../lib/identifiers/entity-id"

export type Actor = { type: "system" | "webhook" | "import" | "admin" | "shopper"; id?: string | null }

/** PostgreSQL takes at most 65,535 parameters per statement (17 per row here): rows are inserted in chunks. */
const INSERT_CHUNK = 1000

export type NewBankTransaction = {
  /** Defaults to the source's id, or the fingerprint when there is none (see dedupeKey). */
  dedupe_key?: string
  source: string
  external_id: string | null
  fingerprint: string
  account: string | null
  booked_at: Date
  amount: string
  currency_code: string
  direction: "in" | "out"
  memo: string
  counterparty_name?: string | null
  counterparty_account?: string | null
  raw?: unknown
  import_id?: string | null
}

export type CandidateKeys = {
  references: string[]
  order_numbers: string[]
  tax_codes: string[]
  phones: string[]
  company_tokens: string[]
  customer_ids: string[]
  amount?: { currency_code: string; value: string; from: Date; to: Date }
}

export type AllocationResult = {
  allocation_ids: string[]
  expectations: { id: string; order_id: string; previous_status: string; status: string; amount_remaining: string }[]
  /** Read back from the ledger to finish a run that stopped half-way, not just made. */
  resumed?: boolean
  /**
   * When the transaction had been closed (an accountant applying it by hand): allocating reopens it
   * until the run that allocated has captured the orders, so that the sweep finishes that run if the
   * server dies half-way; a rollback closes it again at this time.
   */
  reopened_from?: Date | null
}

class BankTransferModuleService extends MedusaService({
  Expectation,
  BankTransaction,
  Allocation,
  Suggestion,
  RejectedPair,
  AuditEvent,
  CalendarOverride: CalendarOverrideModel,
  PaymentConfirmation,
  StatementImport,
  ColumnMapping,
  Setting,
}) {
  protected readonly options_: BankTransferOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parseOptions(options)
  }

  getOptions(): BankTransferOptions {
    return this.options_
  }

  protected effective_?: BankTransferOptions
  protected effectiveLoadedAt_ = 0

  /**
   * The options in force: medusa-config.ts overlaid with the settings admins saved. Cached for a
   * minute so that a change made on another instance is picked up without a restart.
   */
  async loadOptions(): Promise<BankTransferOptions> {
    if (!this.effective_ || Date.now() - this.effectiveLoadedAt_ > 60_000) {
      const rows = await this.listSettings({})
      const saved = Object.fromEntries(rows.map((r) => [r.key, r.value])) as RuntimeSettings
      this.effective_ = { ...this.options_, ...saved }
      this.effectiveLoadedAt_ = Date.now()
    }
    return this.effective_
  }

  /** Saves run-time settings (already validated) and makes them effective at once here. */
  async saveSettings(settings: RuntimeSettings, updatedBy: string | null) {
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) continue
      const [row] = await this.listSettings({ key })
      if (row) await this.updateSettings({ id: row.id, value: value as any, updated_by: updatedBy })
      else await this.createSettings({ key, value: value as any, updated_by: updatedBy })
    }
    this.effectiveLoadedAt_ = 0
    return this.loadOptions()
  }

  protected calendar_?: BusinessCalendar
  protected calendarLoadedAt_ = 0

  /**
   * The merchant's business-day calendar: options plus the overrides admins store. Cached for a
   * minute, so that an override saved on another instance is picked up without a restart.
   */
  async loadCalendar(): Promise<BusinessCalendar> {
    if (!this.calendar_ || Date.now() - this.calendarLoadedAt_ > 60_000) {
      const rows = await this.listCalendarOverrides({}, { order: { date: "ASC" } })
      this.calendar_ = this.buildCalendar(
        rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name ?? undefined }))
      )
      this.calendarLoadedAt_ = Date.now()
    }
    return this.calendar_
  }

  invalidateCalendar() {
    this.calendarLoadedAt_ = 0
  }

  protected buildCalendar(overrides: CalendarOverride[]) {
    const { time_zone, weekend_days, country } = this.options_.calendar
    return new BusinessCalendar({ timeZone: time_zone, weekendDays: weekend_days, country, overrides })
  }

  /**
   * Stores bank transactions once: the unique dedupe key makes a second delivery, or a
   * concurrent one, a no-op. Returns every row's id and whether this call created it.
   */
  @InjectManager()
  async recordTransactions(
    rows: NewBankTransaction[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; dedupe_key: string; created: boolean }[]> {
    // Up to one chunk (every webhook delivery) is one INSERT … ON CONFLICT, atomic by itself: the
    // hot path needs no transaction around it. A larger statement's chunks share one transaction.
    if (rows.length <= INSERT_CHUNK) {
      return this.insertTransactions(rows, sharedContext.transactionManager ?? sharedContext.manager)
    }
    return this.recordTransactionChunks(rows, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordTransactionChunks(rows: NewBankTransaction[], @MedusaContext() sharedContext: Context = {}) {
    const out: { id: string; dedupe_key: string; created: boolean }[] = []
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      out.push(...(await this.insertTransactions(rows.slice(i, i + INSERT_CHUNK), sharedContext.transactionManager)))
    }
    return out
  }

  protected async insertTransactions(rows: NewBankTransaction[], manager: any) {
    if (!rows.length) return []
    const keyed = rows.map((r) => ({ ...r, dedupe_key: dedupeKey(r) }))
    const values: unknown[] = []
    const tuples = keyed.map((r) => {
      values.push(
        entityId("bttx"),
        r.source,
        r.external_id,
        r.dedupe_key,
        r.fingerprint,
        r.account,
        r.booked_at,
        r.amount,
        JSON.stringify({ value: r.amount, precision: 20 }),
        r.currency_code.toUpperCase(),
        r.direction,
        r.memo ?? "",
        r.counterparty_name ?? null,
        r.counterparty_account ?? null,
        JSON.stringify(r.raw ?? null),
        r.direction === "out" ? "ignored" : "unmatched",
        r.import_id ?? null
      )
      return "(?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?::jsonb,?,0,'{\"value\":\"0\",\"precision\":20}'::jsonb,?)"
    })
    const inserted: { id: string; dedupe_key: string }[] = await manager.execute(
      `INSERT INTO bank_transfer_transaction
        (id, source, external_id, dedupe_key, fingerprint, account, booked_at, amount, raw_amount,
         currency_code, direction, memo, counterparty_name, counterparty_account, raw, status,
         amount_allocated, raw_amount_allocated, import_id)
       VALUES ${tuples.join(",")}
       ON CONFLICT (dedupe_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, dedupe_key`,
      values
    )
    const createdKeys = new Set(inserted.map((r) => r.dedupe_key))
    const missing = keyed.filter((r) => !createdKeys.has(r.dedupe_key)).map((r) => r.dedupe_key)
    const existing: { id: string; dedupe_key: string }[] = missing.length
      ? await manager.execute(
          `SELECT id, dedupe_key FROM bank_transfer_transaction WHERE dedupe_key IN (${placeholders(missing)})`,
          missing
        )
      : []
    const byKey = new Map(existing.map((r) => [r.dedupe_key, r.id]))
    inserted.forEach((r) => byKey.set(r.dedupe_key, r.id))
    return keyed.map((r) => ({
      id: byKey.get(r.dedupe_key)!,
      dedupe_key: r.dedupe_key,
      created: createdKeys.has(r.dedupe_key),
    }))
  }

  /** How many ledger rows carry each fingerprint, leaving out the given dedupe keys. */
  @InjectManager()
  async countFingerprints(
    fingerprints: string[],
    excludeKeys: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>()
    const manager = sharedContext.manager as any
    for (let i = 0; i < fingerprints.length; i += 5000) {
      const chunk = fingerprints.slice(i, i + 5000)
      const rows: { fingerprint: string; n: number }[] = await manager.execute(
        `SELECT fingerprint, COUNT(*)::int AS n FROM bank_transfer_transaction
          WHERE fingerprint IN (${placeholders(chunk)}) AND deleted_at IS NULL
          ${excludeKeys.length ? `AND dedupe_key NOT IN (${placeholders(excludeKeys)})` : ""}
          GROUP BY fingerprint`,
        [...chunk, ...excludeKeys]
      )
      rows.forEach((r) => counts.set(r.fingerprint, r.n))
    }
    return counts
  }

  /** Which dedupe keys are already in the ledger. */
  @InjectManager()
  async knownDedupeKeys(keys: string[], @MedusaContext() sharedContext: Context = {}): Promise<Set<string>> {
    const manager = sharedContext.manager as any
    const known = new Set<string>()
    for (let i = 0; i < keys.length; i += 5000) {
      const chunk = keys.slice(i, i + 5000)
      const rows: { dedupe_key: string }[] = await manager.execute(
        `SELECT dedupe_key FROM bank_transfer_transaction WHERE dedupe_key IN (${placeholders(chunk)}) AND deleted_at IS NULL`,
        chunk
      )
      rows.forEach((r) => known.add(r.dedupe_key))
    }
    return known
  }

  /**
   * Open expectations that share an identifier with a transaction, found through indexes:
   * one query of index look-ups, never a scan of every open order.
   */
  @InjectManager()
  async findCandidates(keys: CandidateKeys, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as any
    const clauses: string[] = []
    const params: unknown[] = []
    const open = `status IN (${placeholders(OPEN_STATUSES)}) AND deleted_at IS NULL`
    // Each look-up is bounded: the matcher needs to tell one candidate from several, not every row.
    const anyOf = (column: string, values: string[], limit = 50) => {
      if (!values.length) return
      clauses.push(
        `(SELECT * FROM bank_transfer_expectation WHERE ${column} IN (${placeholders(values)}) AND ${open} LIMIT ${limit})`
      )
      params.push(...values, ...OPEN_STATUSES)
    }
    anyOf("reference", keys.references)
    anyOf("order_number", keys.order_numbers)
    anyOf("tax_code", keys.tax_codes)
    anyOf("phone", keys.phones)
    anyOf("company_token", keys.company_tokens)
    anyOf("customer_id", keys.customer_ids)
    if (keys.amount) {
      clauses.push(
        `(SELECT * FROM bank_transfer_expectation WHERE currency_code = ? AND amount_remaining = ? AND placed_at BETWEEN ? AND ? AND ${open} LIMIT 3)`
      )
      params.push(keys.amount.currency_code, keys.amount.value, keys.amount.from, keys.amount.to, ...OPEN_STATUSES)
    }
    if (!clauses.length) return []
    const rows = await manager.execute(
      `SELECT DISTINCT ON (id) * FROM (${clauses.join(" UNION ALL ")}) c`,
      params
    )
    return rows as Record<string, any>[]
  }

  /**
   * Claims a batch of expectations whose next escalation step is due and moves them along, in one
   * database transaction. `FOR UPDATE SKIP LOCKED` lets jobs on several servers share the work
   * without ever taking the same row, and the recorded `steps_done` makes a second run a no-op.
   * `plan` decides, per row, which steps are due now (never early) and what comes next.
   */
  @InjectTransactionManager()
  async claimDueEscalations(
    input: {
      now: Date
      limit: number
      plan: (row: { id: string; status: string; policy: string; placed_at: Date; steps_done: Record<string, string> }) => {
        due: string[]
        status: string | null
        next_step: string | null
        next_step_at: Date | null
      }
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as any
    const statuses = OPEN_STATUSES
    const rows: any[] = await manager.execute(
      // Every column: the job tells the shopper from these rows, without reading them again.
      `SELECT * FROM bank_transfer_expectation
        WHERE next_step_at <= ? AND status IN (${placeholders(statuses)}) AND deleted_at IS NULL
        ORDER BY next_step_at, id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [input.now, ...statuses, input.limit]
    )
    const claimed: { expectation_id: string; order_id: string; step: string; from_status: string; to_status: string; expectation: Record<string, any> }[] = []
    const updates: unknown[] = []
    for (const row of rows) {
      const plan = input.plan({ ...row, placed_at: new Date(row.placed_at), steps_done: row.steps_done ?? {} })
      const stepsDone = { ...(row.steps_done ?? {}) }
      for (const step of plan.due) stepsDone[step] = input.now.toISOString()
      const status = plan.status ?? row.status
      updates.push(row.id, status, JSON.stringify(stepsDone), plan.next_step, plan.next_step_at)
      // After an outage several steps can be due at once: only the latest one is acted on.
      const step = plan.due[plan.due.length - 1]
      if (step) {
        claimed.push({ expectation_id: row.id, order_id: row.order_id, step, from_status: row.status, to_status: status, expectation: { ...row, status } })
      }
    }
    if (rows.length) {
      // One statement for the whole batch.
      await manager.execute(
        `UPDATE bank_transfer_expectation e
            SET status = v.status::text, steps_done = v.steps_done::jsonb, next_step = v.next_step::text,
                next_step_at = v.next_step_at::timestamptz, updated_at = now()
           FROM (VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(",")}) AS v(id, status, steps_done, next_step, next_step_at)
          WHERE e.id = v.id`,
        updates
      )
    }
    if (claimed.length) {
      // The audit trail in one statement too (the ORM's create costs more than the job's own work).
      const audit = claimed.flatMap((c) => [
        entityId("btaud"),
        c.expectation_id,
        `escalation:${c.step}`,
        c.from_status === c.to_status ? null : `${c.from_status} → ${c.to_status}`,
        JSON.stringify({ step: c.step, from_status: c.from_status, to_status: c.to_status, at: input.now.toISOString() }),
      ])
      await manager.execute(
        `INSERT INTO bank_transfer_audit_event (id, expectation_id, action, actor_type, message, data)
         VALUES ${claimed.map(() => "(?, ?, ?, 'system', ?, ?::jsonb)").join(",")}`,
        audit
      )
    }
    return { scanned: rows.length, claimed }
  }

  /** The figures of the Bank transfers page, from a few aggregate queries. */
  @InjectManager()
  async stats(input: { day_start: Date; week_start: Date }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as any
    const received = await manager.execute(
      `SELECT currency_code,
              COALESCE(SUM(amount) FILTER (WHERE booked_at >= ?), 0)::text AS today,
              COALESCE(SUM(amount), 0)::text AS week
         FROM bank_transfer_transaction
        WHERE direction = 'in' AND booked_at >= ? AND deleted_at IS NULL
        GROUP BY currency_code ORDER BY currency_code`,
      [input.day_start, input.week_start]
    )
    const [matching] = await manager.execute(
      `SELECT COUNT(DISTINCT transaction_id) FILTER (WHERE created_by = 'system')::int AS automatic,
              COUNT(DISTINCT transaction_id)::int AS total
         FROM bank_transfer_allocation WHERE reversed_at IS NULL AND deleted_at IS NULL AND created_at >= ?`,
      [input.week_start]
    )
    const [counts] = await manager.execute(
      `SELECT (SELECT COUNT(*) FROM bank_transfer_suggestion WHERE status = 'pending' AND deleted_at IS NULL)::int AS suggestions_pending,
              (SELECT COUNT(*) FROM bank_transfer_transaction WHERE status = 'unmatched' AND direction = 'in' AND deleted_at IS NULL)::int AS unmatched,
              (SELECT COUNT(*) FROM bank_transfer_expectation WHERE status = 'tentatively_canceled' AND deleted_at IS NULL)::int AS orders_on_hold,
              (SELECT COUNT(*) FROM bank_transfer_expectation WHERE status = 'customer_confirmed' AND deleted_at IS NULL)::int AS customer_confirmed`
    )
    return {
      received,
      matched_automatically: matching.total ? Math.round((matching.automatic / matching.total) * 1000) / 10 : null,
      ...counts,
    }
  }

  /**
   * What the matcher reads about one transaction, with the orders an accountant said it does not
   * pay, in one query: it runs for every incoming line.
   */
  @InjectManager()
  async loadForMatching(transactionId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as any
    const [row]: any[] = await manager.execute(
      `SELECT t.id, t.amount::text AS amount, t.amount_allocated::text AS amount_allocated, t.currency_code,
              t.direction, t.memo, t.booked_at, t.counterparty_name, t.status, t.reconciled_at,
              ARRAY(SELECT r.expectation_id FROM bank_transfer_rejected_pair r
                     WHERE r.transaction_id = t.id AND r.deleted_at IS NULL) AS rejected
         FROM bank_transfer_transaction t WHERE t.id = ? AND t.deleted_at IS NULL`,
      [transactionId]
    )
    return row
      ? {
          ...(row as { id: string; amount: string; amount_allocated: string; currency_code: string; direction: "in" | "out"; memo: string; counterparty_name: string | null; status: string }),
          booked_at: new Date(row.booked_at),
          reconciled_at: row.reconciled_at ? new Date(row.reconciled_at) : null,
          rejected: new Set<string>(row.rejected),
        }
      : null
  }

  /**
   * Closes a transaction that pays no open order: its status (unmatched, or ignored), reconciled_at
   * and the audit entry, in one database transaction. Touches only a transaction nothing has been
   * allocated from and no run has closed yet; returns whether this call closed it.
   */
  @InjectTransactionManager()
  async closeWithoutMatch(
    input: { transaction_id: string; status: "unmatched" | "ignored"; reasons: unknown[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.transactionManager as any
    const closed: { id: string }[] = await manager.execute(
      `UPDATE bank_transfer_transaction SET status = ?, reconciled_at = now(), updated_at = now()
        WHERE id = ? AND reconciled_at IS NULL AND amount_allocated = 0 AND deleted_at IS NULL
        RETURNING id`,
      [input.status, input.transaction_id]
    )
    if (!closed.length) return false
    await manager.execute(
      `INSERT INTO bank_transfer_audit_event (id, transaction_id, action, actor_type, data) VALUES (?, ?, ?, 'system', ?::jsonb)`,
      [entityId("btaud"), input.transaction_id, input.status, JSON.stringify({ reasons: input.reasons })]
    )
    return true
  }

  /**
   * Applies money from one transaction to expectations, atomically. Both sides are locked
   * (SELECT … FOR UPDATE) so that two deliveries or an accountant racing the matcher can never
   * allocate more than the transaction holds.
   */
  @InjectTransactionManager()
  async allocate(
    input: { transaction_id: string; allocations: { expectation_id: string; amount: string }[]; actor: Actor; reason?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationResult> {
    const manager = sharedContext.transactionManager as any
    const [tx] = await manager.execute(
      `SELECT id, amount, amount_allocated, currency_code, direction, reconciled_at FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
      [input.transaction_id]
    )
    if (!tx) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bank transaction ${input.transaction_id} was not found`)
    }
    if (tx.direction !== "in") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Outgoing money cannot be allocated to an order")
    }
    const total = input.allocations.reduce((sum, a) => MathBN.add(sum, a.amount), MathBN.convert(0))
    if (input.allocations.some((a) => MathBN.lte(a.amount, 0))) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Every allocated amount must be positive")
    }
    const available = MathBN.sub(tx.amount, tx.amount_allocated)
    if (MathBN.gt(total, available)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Transaction ${tx.id} has ${available.toString()} ${tx.currency_code} left to allocate, ${total.toString()} was asked`
      )
    }
    const ids = input.allocations.map((a) => a.expectation_id)
    const expectations: any[] = await manager.execute(
      `SELECT id, order_id, status, currency_code, amount_due, amount_received FROM bank_transfer_expectation
        WHERE id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
      ids
    )
    const byId = new Map(expectations.map((e) => [e.id, e]))
    const write = Object.fromEntries(this.options_.write_off ? Object.entries(this.options_.write_off) : [])
    const result: AllocationResult = { allocation_ids: [], expectations: [] }
    for (const a of input.allocations) {
      const exp = byId.get(a.expectation_id)
      if (!exp) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Expectation ${a.expectation_id} was not found`)
      }
      if (exp.currency_code !== tx.currency_code) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Transaction is in ${tx.currency_code}, order expects ${exp.currency_code}`
        )
      }
      const received = MathBN.add(exp.amount_received, a.amount)
      const remaining = MathBN.max(MathBN.sub(exp.amount_due, received), 0)
      const surplus = MathBN.max(MathBN.sub(received, exp.amount_due), 0)
      const writeOff = write[exp.currency_code] ?? "0"
      const status = nextStatusAfterPayment(exp.status, MathBN.lte(remaining, writeOff), MathBN.gt(received, 0))
      const [allocation] = await this.createAllocations(
        [{ transaction_id: tx.id, expectation_id: exp.id, amount: money(a.amount), created_by: actorLabel(input.actor) }],
        sharedContext
      )
      await this.updateExpectations(
        {
          id: exp.id,
          amount_received: money(received),
          amount_remaining: money(remaining),
          surplus: money(surplus),
          status: status as ExpectationStatus,
          ...(status === "paid" && exp.status !== "paid" ? { paid_at: new Date() } : {}),
        },
        sharedContext
      )
      exp.amount_received = received.toString()
      result.allocation_ids.push(allocation.id)
      result.expectations.push({
        id: exp.id,
        order_id: exp.order_id,
        previous_status: exp.status,
        status,
        amount_remaining: remaining.toString(),
      })
      exp.status = status
    }
    const allocated = MathBN.add(tx.amount_allocated, total)
    await this.updateBankTransactions(
      {
        id: tx.id,
        amount_allocated: money(allocated),
        status: MathBN.eq(allocated, tx.amount) ? "matched" : "partially_applied",
        reconciled_at: null,
      },
      sharedContext
    )
    result.reopened_from = tx.reconciled_at ? new Date(tx.reconciled_at) : null
    await this.createAuditEvents(
      result.expectations.map((e, i) => ({
        expectation_id: e.id,
        transaction_id: tx.id,
        action: "allocated",
        actor_type: input.actor.type,
        actor_id: input.actor.id ?? null,
        message: input.reason ?? null,
        data: {
          allocation_id: result.allocation_ids[i],
          amount: input.allocations[i].amount,
          from_status: e.previous_status,
          to_status: e.status,
        },
      })),
      sharedContext
    )
    return result
  }

  /** Undoes allocations (an accountant's undo, or a workflow's compensation); audited. */
  @InjectTransactionManager()
  async reverseAllocations(
    input: { allocation_ids: string[]; actor: Actor; reason?: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as any
    if (!input.allocation_ids.length) return []
    const allocations: any[] = await manager.execute(
      `SELECT id, transaction_id, expectation_id, amount FROM bank_transfer_allocation
        WHERE id IN (${placeholders(input.allocation_ids)}) AND reversed_at IS NULL FOR UPDATE`,
      input.allocation_ids
    )
    const reversed: { expectation_id: string; status: string }[] = []
    for (const alloc of allocations) {
      const [tx] = await manager.execute(
        `SELECT id, amount, amount_allocated FROM bank_transfer_transaction WHERE id = ? FOR UPDATE`,
        [alloc.transaction_id]
      )
      const [exp] = await manager.execute(
        `SELECT id, status, amount_due, amount_received FROM bank_transfer_expectation WHERE id = ? FOR UPDATE`,
        [alloc.expectation_id]
      )
      const received = MathBN.sub(exp.amount_received, alloc.amount)
      const status = MathBN.gt(received, 0) ? "partially_paid" : "awaiting_transfer"
      await this.updateExpectations(
        {
          id: exp.id,
          amount_received: money(received),
          amount_remaining: money(MathBN.max(MathBN.sub(exp.amount_due, received), 0)),
          surplus: money(MathBN.max(MathBN.sub(received, exp.amount_due), 0)),
          status,
          paid_at: null,
        },
        sharedContext
      )
      const allocated = MathBN.sub(tx.amount_allocated, alloc.amount)
      await this.updateBankTransactions(
        { id: tx.id, amount_allocated: money(allocated), status: MathBN.gt(allocated, 0) ? "partially_applied" : "unmatched" },
        sharedContext
      )
      await this.updateAllocations(
        { id: alloc.id, reversed_at: new Date(), reversed_by: actorLabel(input.actor) },
        sharedContext
      )
      await this.createAuditEvents(
        {
          expectation_id: exp.id,
          transaction_id: tx.id,
          action: "allocation_reversed",
          actor_type: input.actor.type,
          actor_id: input.actor.id ?? null,
          message: input.reason ?? null,
          data: { allocation_id: alloc.id, amount: String(alloc.amount), from_status: exp.status, to_status: status },
        },
        sharedContext
      )
      reversed.push({ expectation_id: exp.id, status })
    }
    return reversed
  }
}

/** Marks money as not for any order ("not ours", or to be returned); audited, never deleted. */
export async function ignoreTransaction(
  service: BankTransferModuleService,
  input: { transaction_id: string; status: "ignored" | "returned"; actor: Actor; reason?: string }
) {
  const [tx] = await service.listBankTransactions({ id: input.transaction_id })
  if (!tx) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bank transaction ${input.transaction_id} was not found`)
  if (!MathBN.eq(tx.amount_allocated, 0)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Transaction ${tx.id} is allocated to orders; undo those allocations first`
    )
  }
  await service.updateBankTransactions({ id: tx.id, status: input.status, reconciled_at: tx.reconciled_at ?? new Date() })
  const pending = await service.listSuggestions({ transaction_id: tx.id, status: "pending" })
  if (pending.length) {
    await service.updateSuggestions(pending.map((s) => ({ id: s.id, status: "superseded" as const, decided_by: actorLabel(input.actor), decided_at: new Date() })))
  }
  await service.createAuditEvents({
    transaction_id: tx.id,
    action: input.status === "returned" ? "marked_for_return" : "ignored",
    actor_type: input.actor.type,
    actor_id: input.actor.id ?? null,
    message: input.reason ?? null,
  })
  return service.retrieveBankTransaction(tx.id)
}

/** The source's own id when it has one, else the content fingerprint. */
export function dedupeKey(r: { dedupe_key?: string; source: string; external_id: string | null; fingerprint: string }) {
  return r.dedupe_key ?? (r.external_id ? `${r.source}:${r.external_id}` : `fp:${r.fingerprint}`)
}

/** DML types bigNumber columns as number; Medusa stores any exact BigNumber input given to them. */
const money = (value: BigNumberInput) => value as unknown as number

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(",")

export function actorLabel(actor: Actor) {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type
}

export default BankTransferModuleService
