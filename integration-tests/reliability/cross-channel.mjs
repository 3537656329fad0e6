// Part 4: one bank movement, three channels. TRANSFERS transfers (RELIABILITY_CROSS_TRANSFERS,
// default 500), most of them paying real orders placed in the shop (RELIABILITY_CROSS_ORDERS,
// default 60 %: 300), the rest paying nothing. Every order costs the same (the seeded product), so
// the paying transfers are all of one amount on one day: only their memos tell them apart. Each
// transfer is reported three times, as a merchant connected to SePay and Casso who also imports
// the bank's statements sees it:
//  - by SePay (its own id, the shopper's text as `content`, the bank's `referenceCode`),
//  - by Casso (webhook v2: its own `tid` and `reference`, the bank's full description),
//  - as a line of a Vietcombank CSV statement (the bank's full description around the shopper's
//    text: "MBVCB.<ref>.<trace>.<shopper's text>.CT tu <payer> toi <account> …"); FILES statement
//    files cover overlapping parts of the transfers, each previewed then committed.
// About a tenth of the webhook deliveries are sent again (the providers retry). Everything is
// delivered in shuffled order, IN_FLIGHT at a time, the statement commits among the webhooks.
// Then: exactly TRANSFERS movements, every report kept as a sighting of its transfer's movement
// (none held as a possible duplicate: every report carries the shopper's text), each order's
// received amount what was sent for it, each paid order captured once, nothing over-allocated.
// Finally an accountant answers every report that was held anyway, rightly ("same transfer" when
// the movement it was held against is its own transfer's, else "different transfers"), and the
// same figures must still hold.
import {
  ACCOUNT,
  api,
  captureFigures,
  capturedOnceProblem,
  cassoPayload,
  check,
  checkout,
  deliverCasso,
  deliverSepay,
  expectationsFor,
  fmt,
  letters,
  log,
  overAllocated,
  pool,
  random,
  request,
  same,
  seconds,
  sepayPayload,
  shuffle,
  vietnamTime,
  unreconciledCount,
  waitUntil,
} from "./lib.mjs"

const TRANSFERS = Number(process.env.RELIABILITY_CROSS_TRANSFERS ?? 500)
const ORDERS = Math.min(
  TRANSFERS,
  Number(process.env.RELIABILITY_CROSS_ORDERS ?? Math.round(TRANSFERS * 0.6))
)
const FILES = 4
const IN_FLIGHT = 20
const CHECKOUTS_IN_FLIGHT = 3
const RETRY_SHARE = 0.1
const SEPAY_ID_BASE = 30_000_000
const CASSO_TID_BASE = 40_000_000
const BANK_REF_BASE = 5_300_000_000
const HOLDER = "CONG TY TNHH DEMO SHOP"

const vnd = (n) => Number(n).toLocaleString("en-US") // 2,430,000, as Vietcombank's export prints it
/** "30/11/2026", the Vietnamese calendar day of a time. */
const vietnamDate = (d) => {
  const [y, m, day] = vietnamTime(d).slice(0, 10).split("-")
  return `${day}/${m}/${y}`
}
const csvRow = (cells) =>
  cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(",")

/** A Vietcombank account statement export (the layout of shared/cases/cross-channel-vcb-statement.csv, with its title block). */
function vcbStatement(transfers, opening) {
  const first = transfers[0].bookedAt
  const last = transfers[transfers.length - 1].bookedAt
  let balance = opening
  const rows = transfers.map((t, n) => {
    balance += t.amount
    return csvRow([
      n + 1,
      `${vietnamDate(t.bookedAt)} / 5254 - ${String(t.trace).slice(-5)}`,
      vietnamDate(t.bookedAt),
      "",
      vnd(t.amount),
      vnd(balance),
      t.bankMemo,
    ])
  })
  const total = transfers.reduce((s, t) => s + t.amount, 0)
  return [
    csvRow(["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM", "", "", "", "", "", ""]),
    csvRow(["SAO KÊ TÀI KHOẢN/ ACCOUNT STATEMENT", "", "", "", "", "", ""]),
    csvRow(["Số tài khoản/ Account number:", "", ACCOUNT, "", "", "", ""]),
    csvRow([
      "Từ/ From:",
      "",
      vietnamDate(first),
      "",
      "Đến/ To:",
      vietnamDate(last),
      "",
    ]),
    csvRow([
      "Số dư đầu kỳ/ Opening balance:",
      "",
      `${vnd(opening)} VND`,
      "",
      "",
      "",
      "",
    ]),
    csvRow([
      "STT No.",
      "Ngày/ TNX Date/ Số CT",
      "Ngày hiệu lực",
      "Số tiền ghi nợ",
      "Số tiền ghi có",
      "Số dư",
      "Nội dung chi tiết",
    ]),
    ...rows,
    csvRow(["Tổng số/ Total", "", "", "", vnd(total), "", ""]),
  ].join("\r\n")
}

export async function crossChannel(ctx) {
  const { db, info } = ctx
  const groupStarted = Date.now()
  const tag = letters(Date.now() % 1e6)

  // --- Orders ----------------------------------------------------------------------------------
  let t = Date.now()
  const placed = await pool(
    Array.from({ length: ORDERS }, (_, i) => i),
    CHECKOUTS_IN_FLIGHT,
    (i) => checkout(info, { email: `cross-channel-${tag}-${i}@example.com` })
  )
  const exps = await expectationsFor(
    db,
    placed.map((o) => o.id)
  )
  const orders = placed.map((o, i) => ({ ...o, exp: exps[i] }))
  log(
    `${ORDERS} orders placed through the Store API in ${seconds(Date.now() - t)} (${CHECKOUTS_IN_FLIGHT} at a time), order total ${orders[0]?.total} VND`
  )
  check(
    `${ORDERS} real orders placed for the cross-channel transfers, each awaiting its transfer`,
    orders.every((o) => o.exp?.memo && o.exp.status === "awaiting_transfer")
  )

  // --- Transfers and their three reports -------------------------------------------------------
  // Which transfers pay an order: a seeded choice spread over the day (and so over the statements).
  const rnd = random(20261130)
  const paying = new Set(
    shuffle(
      Array.from({ length: TRANSFERS }, (_, i) => i),
      rnd
    ).slice(0, ORDERS)
  )
  const [{ now: dbStart }] = (await db.query(`SELECT now()`)).rows
  const end = Date.now()
  // Money booked on a day before an order was placed never pays it (the matcher compares calendar
  // days in Vietnam): the transfers are booked over the last minutes, but never before the start
  // of today in Vietnam, so that none falls on the day before the orders when a run crosses midnight.
  const startOfDay = new Date(
    `${vietnamTime(new Date(end)).slice(0, 10)}T00:00:00+07:00`
  )
  let nextOrder = 0
  const transfers = Array.from({ length: TRANSFERS }, (_, i) => {
    const order = paying.has(i) ? orders[nextOrder++] : null
    const styles = order
      ? [
          `${order.exp.memo} thanh toan don hang`,
          `${order.exp.memo} chuyen khoan`,
          `NGUYEN VAN A chuyen tien ${order.exp.memo}`,
        ]
      : [`chuyen tien ${tag} ${letters(i).padStart(3, "B")}`]
    const shopperMemo = styles[i % styles.length]
    const amount = order ? Number(order.exp.amount_due) : 1_500_001 + i * 7
    // In the order of the index, the last one now.
    const bookedAt = new Date(
      Math.max(end - (TRANSFERS - i) * 1500, startOfDay.getTime())
    )
    const bankRef = BANK_REF_BASE + i
    const trace = 100_000 + i
    const bankMemo = `MBVCB.${bankRef}.${trace}.${shopperMemo}.CT tu 0123456789 NGUYEN VAN A toi ${ACCOUNT} ${HOLDER} tai VCB`
    return {
      i,
      order,
      amount,
      bookedAt,
      shopperMemo,
      bankMemo,
      trace,
      sepay: {
        ...sepayPayload({
          id: SEPAY_ID_BASE + i,
          memo: shopperMemo,
          amount,
          date: bookedAt,
        }),
        referenceCode: `MBVCB.${bankRef}`,
      },
      casso: cassoPayload({
        tid: CASSO_TID_BASE + i,
        reference: `FT26${String(334_000_000 + i)}`,
        description: bankMemo,
        amount,
        date: bookedAt,
      }),
    }
  })
  // Statement files over overlapping ranges of the day: each shares a fifth of its neighbours' lines.
  const size = Math.ceil(TRANSFERS / FILES)
  const overlap = Math.ceil(size / 5)
  const files = Array.from({ length: FILES }, (_, k) => {
    const from = Math.max(0, k * size - overlap)
    const to = Math.min(TRANSFERS, (k + 1) * size + overlap)
    const lines = transfers.slice(from, to)
    return {
      k,
      from,
      to,
      lines,
      name: `sao-ke-vcb-${tag}-${k + 1}.csv`,
      csv: vcbStatement(lines, 40_000_000 + k),
    }
  })
  const coveredBy = transfers.map(
    (tr) => files.filter((f) => tr.i >= f.from && tr.i < f.to).length
  )

  const retried = (kind) =>
    shuffle(transfers, rnd)
      .slice(0, Math.round(TRANSFERS * RETRY_SHARE))
      .map((tr) => ({ kind, tr, retry: true }))
  const items = shuffle(
    [
      ...transfers.map((tr) => ({ kind: "sepay", tr })),
      ...transfers.map((tr) => ({ kind: "casso", tr })),
      ...retried("sepay"),
      ...retried("casso"),
      ...files.map((f) => ({ kind: "statement", f })),
    ],
    rnd
  )
  const webhookCount = items.filter((x) => x.kind !== "statement").length
  const statementLines = files.reduce((n, f) => n + f.lines.length, 0)
  log(
    `${fmt(TRANSFERS)} transfers (${ORDERS} paying orders, ${TRANSFERS - ORDERS} paying nothing); ${fmt(webhookCount)} webhook deliveries ` +
      `(SePay and Casso once per transfer, ${items.filter((x) => x.retry).length} sent again) and ${FILES} statement files of ` +
      `${files.map((f) => f.lines.length).join(", ")} lines (${fmt(statementLines)} in all; ${coveredBy.filter((n) => n > 1).length} transfers in two files), ` +
      `shuffled, ${IN_FLIGHT} in flight; statements at positions ${items
        .map((x, n) => (x.kind === "statement" ? n : null))
        .filter((n) => n !== null)
        .join(", ")} of ${items.length}`
  )

  // --- Delivery --------------------------------------------------------------------------------
  const imports = []
  const deliveryStarted = Date.now()
  const answers = await pool(items, IN_FLIGHT, async (item) => {
    if (item.kind === "sepay") {
      return { item, ...(await deliverSepay(item.tr.sepay, 60_000)) }
    }
    if (item.kind === "casso") {
      return { item, ...(await deliverCasso(item.tr.casso, 60_000)) }
    }
    const f = item.f
    const form = new FormData()
    form.append("file", new Blob([f.csv], { type: "text/csv" }), f.name)
    const preview = await request("POST", "/admin/bank-transfer/imports", {
      body: form,
      headers: info.admin,
      timeoutMs: 180_000,
    })
    const id = preview.json?.import?.id
    const commit = id
      ? await request("POST", `/admin/bank-transfer/imports/${id}/commit`, {
          body: {},
          headers: info.admin,
          timeoutMs: 180_000,
        })
      : null
    const record = { f, id, preview, commit, at: Date.now() - deliveryStarted }
    imports.push(record)
    return {
      item,
      status: commit?.status ?? preview.status,
      ms: preview.ms + (commit?.ms ?? 0),
      json: commit?.json,
      text: commit?.text ?? preview.text,
      error: commit?.error ?? preview.error,
    }
  })
  const deliveryMs = Date.now() - deliveryStarted
  const hooks = answers.filter((a) => a.item.kind !== "statement")
  const byStatus = {}
  for (const a of hooks) {
    byStatus[`${a.item.kind} ${a.status || a.error}`] =
      (byStatus[`${a.item.kind} ${a.status || a.error}`] ?? 0) + 1
  }
  const lat = hooks.map((a) => a.ms).sort((x, y) => x - y)
  const pct = (p) =>
    lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))].toFixed(0)
  log(
    `delivered in ${seconds(deliveryMs)}: webhooks ${JSON.stringify(byStatus)}; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${lat[lat.length - 1].toFixed(0)} ms`
  )
  for (const r of imports.sort((a, b) => a.f.k - b.f.k)) {
    log(
      `  statement ${r.f.k + 1} (transfers ${r.f.from}–${r.f.to - 1}, ${r.f.lines.length} lines), committed ${seconds(r.at)} into the delivery: ` +
        `preview ${r.preview.status} ${JSON.stringify(r.preview.json?.import?.counts ?? r.preview.text.slice(0, 200))}; ` +
        `commit ${r.commit?.status ?? "-"} added ${r.commit?.json?.added} ${JSON.stringify(pick(r.commit?.json?.import?.counts, ["added", "already_received", "possible_duplicates", "stored"]))}`
    )
  }
  check(
    `every one of the ${fmt(webhookCount)} webhook deliveries answered 2xx {"success": true}`,
    hooks.every(
      (a) => a.status >= 200 && a.status < 300 && a.json?.success === true
    ),
    JSON.stringify(byStatus)
  )
  check(
    `every one of the ${FILES} statement files previewed (201, all its lines read) and committed (200)`,
    imports.length === FILES &&
      imports.every(
        (r) =>
          r.preview.status === 201 &&
          r.preview.json?.import?.counts?.lines === r.f.lines.length &&
          r.commit?.status === 200
      ),
    imports
      .map(
        (r) =>
          `${r.preview.status}/${r.commit?.status ?? "-"}${r.preview.status !== 201 ? ` ${r.preview.text.slice(0, 200)}` : ""}`
      )
      .join(", ")
  )

  // --- What was recorded -----------------------------------------------------------------------
  const importIds = imports.map((r) => r.id).filter(Boolean)
  const linesOf = new Map(imports.map((r) => [r.id, r.f.lines.length]))
  const rec = await recorded(db, transfers, importIds)
  const { sightings, transferOf } = rec
  const count = (pred) => sightings.filter(pred).length
  const perImport = importIds.map((id) => ({
    id,
    stored: count((s) => s.import_id === id),
    lines: linesOf.get(id),
  }))
  const unknown = sightings.filter((s) => !transferOf(s))
  const sepaySightings = count((s) => s.source === "sepay")
  const cassoSightings = count((s) => s.source === "casso")
  const sepayDistinct = new Set(
    sightings.filter((s) => s.source === "sepay").map((s) => s.external_id)
  ).size
  const cassoDistinct = new Set(
    sightings.filter((s) => s.source === "casso").map((s) => s.external_id)
  ).size
  log(
    `sightings: ${fmt(sightings.length)} (SePay ${sepaySightings} for ${sepayDistinct} ids, Casso ${cassoSightings} for ${cassoDistinct} ids, ` +
      `statements ${perImport.map((p) => `${p.stored}/${p.lines}`).join(", ")} lines stored); by status ${JSON.stringify(tallyBy(sightings, (s) => s.status))}; ` +
      `by basis ${JSON.stringify(tallyBy(sightings, (s) => `${s.source}:${s.basis ?? "-"}`))}`
  )
  check(
    `every report kept as one sighting: ${fmt(TRANSFERS)} SePay and ${fmt(TRANSFERS)} Casso (repeated deliveries once each), and every one of the ${fmt(statementLines)} statement lines`,
    sepaySightings === TRANSFERS &&
      sepayDistinct === TRANSFERS &&
      cassoSightings === TRANSFERS &&
      cassoDistinct === TRANSFERS &&
      perImport.length === FILES &&
      perImport.every((p) => p.stored === p.lines) &&
      unknown.length === 0 &&
      sightings.length === 2 * TRANSFERS + statementLines,
    `${sightings.length} of ${2 * TRANSFERS + statementLines}: SePay ${sepaySightings}, Casso ${cassoSightings}, statements ${perImport.map((p) => p.stored).join("+")}${unknown.length ? `, ${unknown.length} not of these transfers` : ""}`
  )

  const held = sightings.filter((s) => s.status === "possible_duplicate")
  check(
    `no report of these transfers held as a possible duplicate (each carries the shopper's text)`,
    held.length === 0,
    held.length
      ? `${held.length} held (${JSON.stringify(tallyBy(held, (s) => s.source))}; of ${new Set(held.map((s) => transferOf(s)?.i)).size} transfers, ` +
          `${held.filter((s) => transferOf(s)?.order).length} of the reports paying orders; ` +
          `${held.filter((s) => !rec.transfersOf.get(s.candidate_transaction_id)?.has(transferOf(s)?.i)).length} held against another transfer's movement), ` +
          `e.g. ${held
            .slice(0, 2)
            .map(
              (s) =>
                `${s.source} "${s.memo.slice(0, 60)}" held against the movement of "${describe(rec, s.candidate_transaction_id)}"`
            )
            .join(" | ")}`
      : ""
  )

  const sent = transfers.reduce((s, tr) => s + tr.amount, 0)
  const movementChecks = async (label) => {
    const r = await recorded(db, transfers, importIds)
    const { rows: movements } = await db.query(
      `SELECT id, source FROM bank_transfer_transaction WHERE id = ANY($1) AND deleted_at IS NULL`,
      [r.movementIds]
    )
    const {
      rows: [window],
    } = await db.query(
      `SELECT count(*)::int AS n, coalesce(sum(amount), 0)::text AS total FROM bank_transfer_transaction WHERE direction = 'in' AND account = $1 AND created_at >= $2 AND deleted_at IS NULL`,
      [ACCOUNT, dbStart]
    )
    log(
      `${label}movements: ${fmt(r.movementIds.length)} reached by these transfers' sightings (first reported by ${JSON.stringify(tallyBy(movements, (m) => m.source))}); ` +
        `${fmt(window.n)} incoming movements on ${ACCOUNT} created since the group began, ${fmt(window.total)} VND of ${fmt(sent)} VND sent; ` +
        `${r.onePerTransfer.length} transfers on exactly one movement of their own, ${r.split.length} split over several, ${r.missing.length} on none, ${r.merged.length} movements shared by several transfers`
    )
    check(
      `${label}exactly ${fmt(TRANSFERS)} incoming movements for ${fmt(TRANSFERS)} transfers (account ${ACCOUNT}, created during the group), their sum the sum sent`,
      window.n === TRANSFERS &&
        r.movementIds.length === TRANSFERS &&
        same(window.total, sent),
      `${window.n} movements in the window, ${r.movementIds.length} reached by the sightings, ${fmt(window.total)} of ${fmt(sent)} VND`
    )
    check(
      `${label}each transfer is one movement: every report of it on the same movement, no movement shared by two transfers`,
      r.onePerTransfer.length === TRANSFERS,
      r.onePerTransfer.length === TRANSFERS
        ? ""
        : `${r.split.length} split, ${r.missing.length} without a movement, ${r.merged.length} merged (e.g. ${r.split
            .concat(r.missing)
            .slice(0, 2)
            .map((tr) => `#${tr.i} "${tr.shopperMemo}"`)
            .join(", ")})`
    )
    return r
  }
  const { movementIds, movementsOf } = await movementChecks("")

  // --- Matching, money, captures ---------------------------------------------------------------
  const paid = transfers.filter((tr) => tr.order)
  const moneyChecks = async (label, ids) => {
    const drainStarted = Date.now()
    let pending = null
    const drained = await waitUntil(
      async () => {
        pending = await unreconciledCount(
          db,
          "id = ANY($1) AND direction = 'in'",
          [ids]
        )
        return pending === 0
      },
      240_000,
      500
    )
    log(
      `${label}matching finished ${seconds(Date.now() - drainStarted)} after the last answer${drained ? "" : ` (NOT finished: ${pending} still unreconciled)`}`
    )
    check(
      `${label}all the transfers' movements went through the matcher (reconciled_at set)`,
      !!drained,
      drained ? `${ids.length} movements` : `${pending} left after 240 s`
    )
    const { rows: outcome } = await db.query(
      `SELECT status, count(*)::int AS n FROM bank_transfer_transaction WHERE id = ANY($1) GROUP BY status ORDER BY status`,
      [ids]
    )
    log(
      `${label}movement statuses: ${outcome.map((r) => `${r.status} ${r.n}`).join(", ")}`
    )

    const figures = await captureFigures(
      db,
      paid.map((tr) => tr.order.id)
    )
    const wrongReceived = paid.filter(
      (tr) => !same(figures.get(tr.order.id)?.amount_received, tr.amount)
    )
    const receivedTally = tallyBy(paid, (tr) => {
      const got = Number(figures.get(tr.order.id)?.amount_received ?? 0)
      return got === tr.amount
        ? "as sent"
        : got === 0
          ? "nothing"
          : got > tr.amount
            ? `${got / tr.amount}× what was sent`
            : "less than sent"
    })
    log(`${label}orders' received amounts: ${JSON.stringify(receivedTally)}`)
    check(
      `${label}each of the ${paid.length} orders received exactly what was sent for it`,
      wrongReceived.length === 0,
      wrongReceived.length
        ? `${wrongReceived.length} wrong, e.g. ${wrongReceived
            .slice(0, 3)
            .map(
              (tr) =>
                `${tr.order.id}: ${figures.get(tr.order.id)?.amount_received} of ${tr.amount}`
            )
            .join(" | ")}`
        : ""
    )
    const bad = paid
      .map((tr) => [
        tr,
        capturedOnceProblem(tr.order, figures.get(tr.order.id)),
      ])
      .filter(([, problem]) => problem)
    const captures = [...figures.values()].reduce((s, f) => s + f.captures, 0)
    log(
      `${label}Medusa captures on these orders' payments: ${captures} for ${paid.length} orders`
    )
    check(
      `${label}every one of the ${paid.length} paid orders captured exactly once (one capture per payment, amount = order total, collection and order agree), one allocation each`,
      bad.length === 0,
      bad.length
        ? `${bad.length} wrong, e.g. ${bad
            .slice(0, 3)
            .map(([tr, p]) => `${tr.order.id}: ${p}`)
            .join(" | ")}`
        : ""
    )
    const over = await overAllocated(db)
    check(
      `${label}no transaction's allocations add up to more than its amount`,
      over.length === 0,
      over.length ? JSON.stringify(over.slice(0, 3)) : ""
    )
  }
  await moneyChecks("", movementIds)
  const idle = transfers
    .filter((tr) => !tr.order)
    .flatMap((tr) => [...(movementsOf.get(tr.i) ?? [])])
  const {
    rows: [idleAllocated],
  } = await db.query(
    `SELECT count(*)::int AS n FROM bank_transfer_allocation WHERE transaction_id = ANY($1) AND reversed_at IS NULL AND deleted_at IS NULL`,
    [idle]
  )
  check(
    `the ${TRANSFERS - ORDERS} transfers paying nothing are allocated to no order`,
    idleAllocated.n === 0,
    idleAllocated.n ? `${idleAllocated.n} allocations` : ""
  )

  const sample = paid
    .filter((_, n) => n % Math.max(1, Math.floor(paid.length / 10)) === 0)
    .map((tr) => tr.order)
  const statuses = await pool(
    sample,
    4,
    async (o) =>
      (
        await api("GET", `/admin/orders/${o.id}?fields=payment_status`, {
          headers: info.admin,
        })
      ).order.payment_status
  )
  check(
    `Medusa's admin shows payment_status "captured" (${sample.length} orders sampled)`,
    statuses.every((s) => s === "captured"),
    [...new Set(statuses)].join(", ")
  )

  // --- The accountant answers every held report, rightly ---------------------------------------
  // Beside each held report the admin shows the movement it may duplicate and that movement's
  // reports: the same transfer when they are one transfer's reports, else different transfers.
  const answered = await pool(held, 4, async (s) => {
    const sameTransfer = !!rec.transfersOf
      .get(s.candidate_transaction_id)
      ?.has(transferOf(s)?.i)
    const r = await request(
      "POST",
      `/admin/bank-transfer/duplicates/${s.id}/resolve`,
      { body: { same: sameTransfer }, headers: info.admin }
    )
    return { sameTransfer, status: r.status, text: r.text }
  })
  log(
    `the accountant's answers on the ${held.length} held reports: ${answered.filter((a) => a.sameTransfer).length} "same transfer", ${answered.filter((a) => !a.sameTransfer).length} "different transfers"; ` +
      `answered ${JSON.stringify(tallyBy(answered, (a) => a.status))}`
  )
  check(
    `the accountant's answer on each of the ${held.length} held reports accepted (200)`,
    answered.every((a) => a.status === 200),
    answered
      .filter((a) => a.status !== 200)
      .slice(0, 2)
      .map((a) => `${a.status} ${a.text.slice(0, 150)}`)
      .join(" | ")
  )
  const after = await movementChecks("after the accountant's answers: ")
  await moneyChecks("after the accountant's answers: ", after.movementIds)

  log(
    `cross-channel group: ${seconds(Date.now() - groupStarted)} in all (delivery ${seconds(deliveryMs)}, ${fmt(((webhookCount + statementLines) / deliveryMs) * 1000)} reports/s)`
  )
}

/** The sightings of these transfers (SePay and Casso by their ids, statement lines by import) and which movement each transfer reached. */
async function recorded(db, transfers, importIds) {
  const { rows: sightings } = await db.query(
    `SELECT id, source, external_id, import_id, line, memo, status, basis, transaction_id, candidate_transaction_id
       FROM bank_transfer_sighting
      WHERE deleted_at IS NULL AND ((source = 'sepay' AND external_id = ANY($1)) OR (source = 'casso' AND external_id = ANY($2)) OR import_id = ANY($3))`,
    [
      transfers.map((tr) => String(tr.sepay.id)),
      transfers.map((tr) => String(tr.casso.data.id)),
      importIds,
    ]
  )
  const bySepay = new Map(transfers.map((tr) => [String(tr.sepay.id), tr]))
  const byCasso = new Map(transfers.map((tr) => [String(tr.casso.data.id), tr]))
  const byBankMemo = new Map(transfers.map((tr) => [tr.bankMemo, tr]))
  const transferOf = (s) =>
    s.source === "sepay"
      ? bySepay.get(s.external_id)
      : s.source === "casso"
        ? byCasso.get(s.external_id)
        : byBankMemo.get(s.memo)
  const movementsOf = new Map() // transfer index → Set(movement)
  const transfersOf = new Map() // movement → Set(transfer index)
  for (const s of sightings) {
    const tr = transferOf(s)
    if (!tr || !s.transaction_id) {
      continue
    }
    if (!movementsOf.has(tr.i)) {
      movementsOf.set(tr.i, new Set())
    }
    movementsOf.get(tr.i).add(s.transaction_id)
    if (!transfersOf.has(s.transaction_id)) {
      transfersOf.set(s.transaction_id, new Set())
    }
    transfersOf.get(s.transaction_id).add(tr.i)
  }
  const split = transfers.filter((tr) => (movementsOf.get(tr.i)?.size ?? 0) > 1)
  const missing = transfers.filter((tr) => !movementsOf.get(tr.i)?.size)
  const merged = [...transfersOf.entries()].filter(([, set]) => set.size > 1)
  const onePerTransfer = transfers.filter(
    (tr) =>
      movementsOf.get(tr.i)?.size === 1 &&
      transfersOf.get([...movementsOf.get(tr.i)][0]).size === 1
  )
  return {
    sightings,
    transferOf,
    transfers,
    movementsOf,
    transfersOf,
    split,
    missing,
    merged,
    onePerTransfer,
    movementIds: [...transfersOf.keys()],
  }
}

/** The shopper's text of the transfer(s) a movement belongs to. */
function describe(rec, movementId) {
  return (
    [...(rec.transfersOf.get(movementId) ?? [])]
      .map((i) => rec.transfers[i].shopperMemo)
      .join(" + ") || movementId
  )
}

function tallyBy(items, key) {
  const out = {}
  for (const x of items) {
    out[key(x)] = (out[key(x)] ?? 0) + 1
  }
  return out
}

function pick(o, keys) {
  return o
    ? Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]))
    : o
}
