import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import {
  BankTransferOptions,
  parseOptions,
  RuntimeSettings,
} from "../../lib/options"
import {
  BusinessCalendar,
  CalendarOverride as CalendarDay,
} from "../../lib/escalate/calendar/business-calendar"
import {
  Allocation,
  AuditEvent,
  BankTransaction,
  CalendarOverride,
  ColumnMapping,
  EscalationAnnouncement,
  Expectation,
  PaymentConfirmation,
  RejectedPair,
  Setting,
  Sighting,
  WebhookChannelStatus,
  StatementImport,
  Suggestion,
  MoneyReturn,
} from "./models"
import * as actions from "./actions"
import {
  ageBucketRanges,
  type AgeBucketRange,
} from "../../lib/desk/age-buckets"
import type { PossibleDuplicateAnswer } from "./actions/resolve-possible-duplicate"
import type { ExpectationChange, TransitionResult } from "./actions/transition"
import * as transactions from "./repositories/bank-transaction"
import {
  calendarSettingsFor,
  isMerchantCalendar,
} from "../../lib/escalate/calendar/for-currency"
import { findCandidates, setPageToken } from "./repositories/expectation"
import {
  countEscalationAnnouncements,
  expectationRowsById,
  leaseEscalationAnnouncement,
} from "./repositories/escalation-announcement"
import { reconciliationStats } from "./repositories/stats"
import { handMatchCandidates } from "./actions/hand-match-candidates"
import * as returns from "./repositories/return-item"
import * as desk from "./repositories/desk"
import {
  countLedgerExportRows,
  ledgerExportPage,
  type LedgerCursor,
} from "./repositories/ledger-export"
import {
  listWebhookChannelStatuses,
  recordWebhookOutcome,
  type WebhookOutcome,
} from "./repositories/webhook-channel-status"
import {
  loadRecordedSightings,
  pairWithRecorded,
  summariseImport,
} from "./repositories/sighting"
import {
  compareSightings,
  type Sighting as IdentitySighting,
} from "../../lib/ingest/identity"
import type {
  Actor,
  AllocateInput,
  AllocationResult,
  CandidateKeys,
  ClaimedEscalation,
  EscalationAnnouncementLease,
  EscalationPlan,
  EscalationRow,
  NewSighting,
  SightingOutcome,
} from "./types"

/**
 * The bank-transfer module: expectations (what an order waits for), the ledger of bank
 * transactions, allocations between them, suggestions, the audit trail, statement imports and
 * settings. Generated CRUD comes from MedusaService; the multi-row writes live in `actions/` and
 * run inside one database transaction each; raw SQL lives in `repositories/`.
 */
class BankTransferModuleService extends MedusaService({
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
  WebhookChannelStatus,
  EscalationAnnouncement,
  MoneyReturn,
}) {
  protected readonly options_: BankTransferOptions
  protected effective_?: BankTransferOptions
  protected effectiveLoadedAt_ = 0
  /** Calendars by their settings (JSON), cleared every minute (see loadCalendar). */
  protected calendars_ = new Map<string, BusinessCalendar>()
  protected calendarLoadedAt_ = 0

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parseOptions(options)
  }

  /**
   * The options given in medusa-config.ts (validated), without the settings admins saved. Only for
   * what no admin can change at run time (accounts, webhook secrets, `jobs`, `simulation`, limits);
   * anything else is read with loadOptions().
   */
  getOptions(): BankTransferOptions {
    return this.options_
  }

  /**
   * The options in force: medusa-config.ts overlaid with the settings admins saved (each saved key
   * replaces the option of that name as a whole). Cached for a minute so that a change made on
   * another instance is picked up without a restart; saveSettings resets this instance's cache.
   */
  async loadOptions(): Promise<BankTransferOptions> {
    // Returned from a local: the module's test runner calls methods through a proxy whose writes
    // to `this` do not reach the service, so the cache may not hold what was just computed.
    let effective = this.effective_
    if (!effective || Date.now() - this.effectiveLoadedAt_ > 60_000) {
      const rows = await this.listSettings({})
      const saved = Object.fromEntries(
        rows.map((r) => [r.key, r.value])
      ) as Partial<BankTransferOptions>
      effective = { ...this.options_, ...saved }
      this.effective_ = effective
      this.effectiveLoadedAt_ = Date.now()
    }
    return effective
  }

  /**
   * Saves run-time settings (already validated) in one database transaction and makes them
   * effective at once on this instance. A key set to `null` removes its saved row (the option from
   * medusa-config.ts applies again); an undefined key is left alone. Returns the previous saved
   * value of every key it touched (null where a key had none), for a workflow's compensation.
   */
  @InjectTransactionManager()
  async saveSettings(
    settings: RuntimeSettings,
    updatedBy: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, unknown>> {
    const previous: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) {
        continue
      }
      previous[key] = await this.replaceSetting_(
        key,
        value,
        updatedBy,
        sharedContext
      )
    }
    this.effectiveLoadedAt_ = 0
    return previous
  }

  /** Puts back what saveSettings returned as previous (a key that had no saved value is removed). */
  @InjectTransactionManager()
  async revertSettings(
    previous: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    for (const [key, value] of Object.entries(previous)) {
      await this.replaceSetting_(key, value, null, sharedContext)
    }
    this.effectiveLoadedAt_ = 0
  }

  /**
   * Writes one setting row whole (or deletes it for null) and returns the value it held before.
   * The row is replaced rather than updated: Medusa's update merges JSON objects, so a currency
   * removed from `write_off` or a policy removed from `policies` would otherwise stay.
   */
  protected async replaceSetting_(
    key: string,
    value: unknown,
    updatedBy: string | null,
    sharedContext: Context
  ): Promise<unknown> {
    const [row] = await this.listSettings({ key }, {}, sharedContext)
    if (row) {
      await this.deleteSettings(row.id, sharedContext)
    }
    if (value !== null) {
      await this.createSettings(
        { key, value: value as any, updated_by: updatedBy },
        sharedContext
      )
    }
    return row ? row.value : null
  }

  /**
   * The business-day calendar of orders in `currency` (see calendarSettingsFor: the currency's
   * own, Vietnam's for VND, else the merchant's), without a currency the merchant's. The merchant's
   * calendar carries the day overrides admins store. Cached for a minute, so that an override saved
   * on another instance is picked up without a restart.
   */
  async loadCalendar(currency?: string): Promise<BusinessCalendar> {
    const options = this.options_
    const settings = currency
      ? calendarSettingsFor(options, currency)
      : options.calendar
    const key = JSON.stringify(settings)
    if (Date.now() - this.calendarLoadedAt_ > 60_000) {
      this.calendars_.clear()
      this.calendarLoadedAt_ = Date.now()
    }
    // Returned from a local, like loadOptions.
    let calendar = this.calendars_.get(key)
    if (!calendar) {
      const rows = isMerchantCalendar(options, settings)
        ? await this.listCalendarOverrides({}, { order: { date: "ASC" } })
        : []
      const overrides: CalendarDay[] = rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.name ?? undefined,
      }))
      calendar = new BusinessCalendar({
        timeZone: settings.time_zone,
        weekendDays: settings.weekend_days,
        country: settings.country,
        overrides,
      })
      this.calendars_.set(key, calendar)
    }
    return calendar
  }

  invalidateCalendar() {
    this.calendarLoadedAt_ = 0
  }

  /**
   * Records reports of bank movements so that each movement is one transaction whatever reports
   * it (see actions/record-sightings). One outcome per row, in order. Outside a caller's
   * transaction, up to PER_FACT_LOOKUP_MAX_ROWS reports that are new movements or repeats take two
   * round trips and no transaction of their own (recordSightingsIfUnchanged, the webhooks' common
   * case); anything else, or a state that changed meanwhile, is recorded in one transaction under
   * the identity lock.
   */
  @InjectManager()
  async recordSightings(
    rows: NewSighting[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SightingOutcome[]> {
    if (!sharedContext.transactionManager) {
      const outcomes = await actions.recordSightingsIfUnchanged(
        sharedContext.manager as any,
        rows
      )
      if (outcomes) {
        return outcomes
      }
    }
    return this.recordSightingsLocked_(rows, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordSightingsLocked_(
    rows: NewSighting[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SightingOutcome[]> {
    return actions.recordSightings.call(this, rows, sharedContext)
  }

  /**
   * What recordSightings would decide for these rows, without writing (the statement preview):
   * per row the movement it would join or may duplicate, with how that movement was first reported.
   */
  @InjectManager()
  async previewSightings(
    rows: NewSighting[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const recorded = await loadRecordedSightings(
      sharedContext.manager as any,
      rows
    )
    const first = new Map<string, { source: string; booked_at: Date }>()
    for (const r of recorded) {
      if (!first.has(r.movement_id)) {
        first.set(r.movement_id, { source: r.source, booked_at: r.booked_at })
      }
    }
    return pairWithRecorded(rows, recorded).map((p) => ({
      ...p,
      movement: p.movement_id ? (first.get(p.movement_id) ?? null) : null,
    }))
  }

  /** Per outcome and currency, the lines a statement import recorded and their sum. */
  @InjectManager()
  async summariseImport(
    importId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return summariseImport(sharedContext.manager as any, importId)
  }

  /**
   * An accountant decides a held possible duplicate: the same transfer (it joins the movement) or
   * a different one (paired again with the other movements: it joins the one it reports, is held
   * again, or becomes a movement of its own). Audited. NOT_FOUND, or NOT_ALLOWED when it was
   * decided already (see actions/resolve-possible-duplicate).
   */
  @InjectTransactionManager()
  async resolvePossibleDuplicate(
    input: { sighting_id: string; same: boolean; actor: Actor },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PossibleDuplicateAnswer> {
    return actions.resolvePossibleDuplicate.call(this, input, sharedContext)
  }

  /**
   * Counts a matching run that failed with an error. After `max_attempts` failures the transaction
   * is parked (needs_attention_at): the sweep stops retrying it and the accountant sees it with its
   * error. Returns whether it is parked now.
   */
  @InjectTransactionManager()
  async recordMatchingFailure(
    input: { transaction_id: string; error: string; max_attempts: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return transactions.countMatchingFailure(
      sharedContext.transactionManager as any,
      input
    )
  }

  /**
   * Movements an earlier version may have stored twice (before sightings were paired): pairs of
   * transactions with the same currency, direction and amount, within a day, whose reports the
   * identity rules call the same or cannot tell apart. Reported for an accountant, never merged.
   */
  @InjectManager()
  async listStoredDuplicates(
    input: { limit: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const pairs = await transactions.findStoredDuplicates(
      sharedContext.manager as any,
      input.limit
    )
    const side = (p: any, k: "first" | "second"): IdentitySighting => ({
      account: p[`${k}_account`],
      booked_at: new Date(p[`${k}_booked_at`]),
      amount: p.amount,
      currency_code: p.currency_code,
      direction: p.direction,
      memo: p[`${k}_memo`] ?? "",
      bank_references: [],
      channel:
        p[`${k}_source`] === "statement"
          ? `statement:${p[`${k}_import_id`]}`
          : p[`${k}_source`],
    })
    return pairs.flatMap((p: any) => {
      const { verdict, basis } = compareSightings(
        side(p, "first"),
        side(p, "second")
      )
      return verdict === "different" ? [] : [{ ...p, verdict, basis }]
    })
  }

  /** What the matcher reads about one transaction, with the orders an accountant said it does not pay. */
  @InjectManager()
  async loadForMatching(
    transactionId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return transactions.loadForMatching(
      sharedContext.manager as any,
      transactionId
    )
  }

  /**
   * Open expectations that share an identifier with a transaction (see repositories/expectation).
   * When one is found by tax code or phone, the other open orders of its customer are added: the
   * exact-sum rule looks at them.
   */
  @InjectManager()
  async findMatchCandidates(
    keys: CandidateKeys,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as any
    const rows = await findCandidates(manager, keys)
    const customers = [
      ...new Set(
        rows.filter((r) => r.customer_id).map((r) => r.customer_id as string)
      ),
    ]
    if (customers.length && (keys.tax_codes.length || keys.phones.length)) {
      return findCandidates(manager, { ...keys, customer_ids: customers })
    }
    return rows
  }

  /**
   * The open orders an accountant may apply a transaction to, best first (see
   * actions/hand-match-candidates). NOT_FOUND for an unknown transaction; INVALID_DATA for outgoing
   * money; CONFLICT when nothing of it is left to apply or it was marked not for an order.
   */
  @InjectManager()
  async listHandMatchCandidates(
    input: {
      transaction_id: string
      q?: string
      limit: number
      offset: number
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return handMatchCandidates(
      sharedContext.manager as any,
      input,
      await this.loadOptions()
    )
  }

  /**
   * Gives an expectation the payment-page token `token` (its status and everything else untouched);
   * answers the token it had. NOT_FOUND when there is no such expectation.
   */
  @InjectTransactionManager()
  async setPageToken(
    id: string,
    token: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const before = await setPageToken(
      sharedContext.transactionManager as any,
      id,
      token
    )
    if (before === null) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Expectation with id: ${id} was not found`
      )
    }
    return before
  }

  /** Moves a batch of due escalations along (see actions/claim-due-escalations). */
  @InjectTransactionManager()
  async claimDueEscalations(
    input: {
      now: Date
      limit: number
      plan: (row: EscalationRow) => EscalationPlan
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{
    scanned: number
    claimed: ClaimedEscalation[]
    announcement_id: string | null
  }> {
    return actions.claimDueEscalations.call(this, input, sharedContext)
  }

  /**
   * Takes the oldest escalation announcement waiting (see models/escalation-announcement) for
   * `lease_seconds`, or null when none is free. Taken `max_attempts` times, it is left alone.
   */
  @InjectTransactionManager()
  async leaseEscalationAnnouncement(
    input: { lease_seconds: number; max_attempts: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EscalationAnnouncementLease | null> {
    const row = await leaseEscalationAnnouncement(
      sharedContext.transactionManager as any,
      input.lease_seconds,
      input.max_attempts
    )
    return row && { ...row, run_at: new Date(row.run_at) }
  }

  /** How many escalation announcements wait to be told (within `max_attempts`). */
  @InjectManager()
  async countEscalationAnnouncements(
    input: { max_attempts: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return countEscalationAnnouncements(
      sharedContext.manager as any,
      input.max_attempts
    )
  }

  /**
   * Expectation rows by id with every column, as the escalation claim reads them (amounts as
   * PostgreSQL's numeric strings): what the shopper messages are written from, for a batch.
   */
  @InjectManager()
  async listExpectationRows(
    ids: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, any>[]> {
    return expectationRowsById(sharedContext.manager as any, ids)
  }

  /** The figures of the Bank transfers page (see repositories/stats). */
  @InjectManager()
  async stats(
    input: { day_start: Date; week_start: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return reconciliationStats(sharedContext.manager as any, input)
  }

  /**
   * The desk's work queues and the money open orders still await, by age in business days at
   * `now` (each currency on its own calendar, see loadCalendar). See repositories/desk.
   */
  @InjectManager()
  async deskFigures(
    input: { now: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as any
    const currencies = await desk.openCurrencies(manager)
    const ranges: Record<string, AgeBucketRange[]> = {}
    for (const currency of currencies) {
      ranges[currency] = ageBucketRanges(
        await this.loadCalendar(currency),
        input.now
      )
    }
    const [queues, awaited] = await Promise.all([
      desk.deskQueueCounts(manager),
      desk.awaitedByAge(manager, ranges),
    ])
    return {
      queues,
      awaited: awaited.map((a) => ({
        ...a,
        buckets: a.buckets.map((b) => {
          const r = ranges[a.currency_code].find((x) => x.key === b.key)!
          return {
            ...b,
            min_days: r.min_days,
            max_days: r.max_days,
            placed_from: r.placed_from,
            placed_before: r.placed_before,
          }
        }),
      })),
    }
  }

  /** Orders waiting for money, with the shopper's confirmations summarised (repositories/desk). */
  @InjectManager()
  async listWaitingOrders(
    filter: desk.WaitingOrdersFilter,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return desk.listWaitingOrders(sharedContext.manager as any, filter)
  }

  /** One webhook delivery's outcome on its channel's row (see repositories/webhook-channel-status). */
  @InjectManager()
  async recordWebhookOutcome(
    outcome: WebhookOutcome,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await recordWebhookOutcome(sharedContext.manager as any, outcome)
  }

  /** Whether each webhook channel is receiving: last delivery, last refused one (see the repository). */
  @InjectManager()
  async webhookChannelStatuses(@MedusaContext() sharedContext: Context = {}) {
    return listWebhookChannelStatuses(sharedContext.manager as any)
  }

  /** One page of the ledger export, in booking order (see repositories/ledger-export). */
  @InjectManager()
  async ledgerExportPage(
    input: {
      start: Date
      end: Date
      after?: LedgerCursor | null
      limit: number
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return ledgerExportPage(sharedContext.manager as any, input)
  }

  /** How many rows the ledger export of [start, end) has (see repositories/ledger-export). */
  @InjectManager()
  async countLedgerExportRows(
    input: { start: Date; end: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return countLedgerExportRows(sharedContext.manager as any, input)
  }

  /** Closes a transaction that pays no open order (see actions/close-without-match). */
  @InjectTransactionManager()
  async closeWithoutMatch(
    input: {
      transaction_id: string
      status: "unmatched" | "ignored"
      reasons: unknown[]
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return actions.closeWithoutMatch(input, sharedContext)
  }

  /** Applies money from one transaction to expectations, atomically (see actions/allocate). */
  @InjectTransactionManager()
  async allocate(
    input: AllocateInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AllocationResult> {
    return actions.allocate.call(this, input, sharedContext)
  }

  /**
   * Moves one expectation through the state machine (see state-machine.ts and
   * actions/transition): locked, with the amounts that follow and an audit entry. The only way
   * a status changes after the expectation was created.
   */
  @InjectTransactionManager()
  async transitionExpectation(
    change: ExpectationChange,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TransitionResult> {
    return actions.transitionExpectation.call(this, change, sharedContext)
  }

  /** Undoes allocations, atomically and audited (see actions/reverse-allocations). */
  @InjectTransactionManager()
  async reverseAllocations(
    input: { allocation_ids: string[]; actor: Actor; reason?: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.reverseAllocations.call(this, input, sharedContext)
  }

  /** Marks money as not for any order, atomically and audited (see actions/ignore-transaction). */
  @InjectTransactionManager()
  async ignoreTransaction(
    input: {
      transaction_id: string
      status: "ignored" | "returned"
      actor: Actor
      reason?: string
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.ignoreTransaction.call(this, input, sharedContext)
  }

  /** A transaction's active allocations, to finish the run that made them (see actions/unfinished-allocation). */
  @InjectManager()
  async retrieveUnfinishedAllocation(
    transactionId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.unfinishedAllocation.call(this, transactionId, sharedContext)
  }

  /** Open and recorded return items: count and sums per currency (the desk's returns queue). */
  @InjectManager()
  async returnFigures(@MedusaContext() sharedContext: Context = {}) {
    return returns.openReturnFigures(sharedContext.manager as any)
  }

  /** One page of return items with their order numbers (see repositories/return-item). */
  @InjectManager()
  async listReturnItemsPage(
    input: { states?: string[]; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return returns.listReturnItems(sharedContext.manager as any, input)
  }

  /** Recorded refunds an outgoing line of exactly this amount may pay. */
  @InjectManager()
  async refundsAwaitingTransfer(
    input: { currency_code: string; amount: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return returns.refundsAwaitingTransfer(sharedContext.manager as any, input)
  }

  /** open → refund_recorded, audited (see actions/returns). Returns the row before. */
  @InjectTransactionManager()
  async recordReturnRefund(
    input: {
      id: string
      medusa_amount: string
      refund_reason_id?: string | null
      note?: string | null
      actor: Actor
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.recordReturnRefund.call(this, input, sharedContext)
  }

  /** Undoes recordReturnRefund (a workflow's compensation). */
  @InjectTransactionManager()
  async revertReturnRefund(
    before: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.revertReturnRefund.call(this, before, sharedContext)
  }

  /** open → kept_for_customer, audited (see actions/returns). Returns the row before. */
  @InjectTransactionManager()
  async keepReturnForCustomer(
    input: { id: string; note: string; actor: Actor },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.keepReturnForCustomer.call(this, input, sharedContext)
  }

  /** Undoes keepReturnForCustomer (a workflow's compensation). */
  @InjectTransactionManager()
  async reopenReturn(
    before: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.reopenReturn.call(this, before, sharedContext)
  }

  /** refund_recorded → closed by an outgoing transfer, audited (see actions/returns). */
  @InjectTransactionManager()
  async closeReturnItem(
    input: {
      id: string
      transaction_id: string
      actor: Actor
      automatic: boolean
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.closeReturnItem.call(this, input, sharedContext)
  }

  /** Items for refunds made in Medusa's payment section, one per refund id (see actions/returns). */
  @InjectTransactionManager()
  async recordMedusaRefundItems(
    input: {
      expectation: { id: string; order_id: string; currency_code: string }
      refunds: { id: string; amount: unknown; created_by?: string | null }[]
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return actions.recordMedusaRefundItems.call(this, input, sharedContext)
  }
}

export default BankTransferModuleService
