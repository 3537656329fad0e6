// Part 3: crashes.
//  a. The Medusa server is SIGKILLed while it commits a large statement import (caught in the
//     act: PostgreSQL shows the ledger being written); the shop is restarted on the same data and
//     the import committed again, and the same file imported once more.
//  b. Everything (Medusa and PostgreSQL) is SIGKILLed in the middle of a burst of SePay deliveries;
//     the shop is restarted and SePay's retries are played: every transaction delivered again.
//     Transactions stored before the crash whose matching never ran are left to the plugin's
//     recovery job (src/jobs/reconcile-pending-transactions.ts), run once here through `medusa
//     exec` because the suite's shop runs with BANK_TRANSFER_JOBS=off.
import fs from "node:fs"
import path from "node:path"
import { listenerPids, medusaExec, root, sleep } from "../../scripts/shop.mjs"
import {
  DATA_DIR,
  DB_PORT,
  DB_URL,
  PORT,
  captureFigures,
  capturedOnceProblem,
  check,
  deliverSepay,
  fmt,
  letters,
  log,
  overAllocated,
  pool,
  random,
  request,
  seconds,
  sepayPayload,
  shuffle,
  unreconciledCount,
  waitUntil,
} from "./lib.mjs"

const IMPORT_LINES = 25_000
const BURST_TRANSACTIONS = 400
const BURST_COPIES = 3
const IN_FLIGHT = 24
const SEPAY_ID_BASE = 20_000_000

const vnd = (n) => Number(n).toLocaleString("de-DE") // 2.430.000, as Vietnamese exports print it
const vietnamDay = () => {
  const d = new Date(Date.now() + 7 * 3600_000)
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`
}

/** Checks that each order was captured exactly once, for its total, with one allocation. */
async function capturedOnce(db, orders, label) {
  const figures = await captureFigures(
    db,
    orders.map((o) => o.id)
  )
  const bad = orders
    .map((o) => [o, capturedOnceProblem(o, figures.get(o.id))])
    .filter(([, problem]) => problem)
  const captures = [...figures.values()].reduce((s, f) => s + f.captures, 0)
  log(`${label}: ${orders.length} orders, ${captures} captures in Medusa`)
  check(
    `${label}: every one of the ${orders.length} orders captured exactly once, for its total (collection and order agree), with one allocation`,
    bad.length === 0,
    bad.length
      ? `${bad.length} wrong, e.g. ${bad
          .slice(0, 3)
          .map(([o, p]) => `${o.id}: ${p}`)
          .join(" | ")}`
      : ""
  )
}

// ---------------------------------------------------------------------------------------------
// a. Statement import
// ---------------------------------------------------------------------------------------------
export async function importCrash(ctx) {
  const db = ctx.db
  const orders = ctx.orders.import
  const tag = letters(Date.now() % 1e6)
  const day = vietnamDay()
  // Incoming lines paying the reserved orders, incoming lines matching nothing, then outgoing
  // payments (stored, never matched: the matcher's queue stays short). A quarter of the lines
  // have no bank reference (their key is their content plus its occurrence), in identical pairs:
  // two real identical transfers must stay two, never one and never four.
  const lines = []
  for (let i = 0; i < IMPORT_LINES; i++) {
    const time = `${String(8 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`
    if (i < orders.length) {
      lines.push({
        ref: `FT${tag}M${i}`,
        time,
        credit: orders[i].exp.amount_due,
        memo: `${orders[i].exp.memo} chuyen khoan`,
      })
    } else if (i < orders.length + 30) {
      lines.push({
        ref: `FT${tag}N${i}`,
        time,
        credit: String(1_000_003 + i * 11),
        memo: `nop tien ${tag} ${letters(i)}`,
      })
    } else if (i % 4 === 0 || i % 4 === 1) {
      const pair = i - (i % 4)
      lines.push({
        ref: "",
        time: "09:00",
        debit: String(5000 + pair),
        memo: `Chi tra ${tag} lo ${letters(pair)}`,
      })
    } else {
      lines.push({
        ref: `FT${tag}X${i}`,
        time,
        debit: String(1000 + i),
        memo: `Chi tra nha cung cap ${tag} dot ${letters(i)}`,
      })
    }
  }
  const csv = [
    "NGAN HANG TMCP NGOAI THUONG VIET NAM;;;;",
    "Số tài khoản: 0071000123456;;;;",
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
    ...lines.map(
      (l) =>
        `${day} ${l.time};${l.ref};${l.debit ? vnd(l.debit) : ""};${l.credit ? vnd(l.credit) : ""};${l.memo}`
    ),
  ].join("\n")
  const expected = multiset(
    lines.map((l) =>
      lineKey(
        l.ref || null,
        l.credit ?? l.debit,
        l.credit ? "in" : "out",
        l.memo
      )
    )
  )
  const ledgerBefore = await ledgerCount(db)

  const upload = async () => {
    const form = new FormData()
    form.append("file", new Blob([csv], { type: "text/csv" }), "sao-ke-lon.csv")
    return request("POST", "/admin/bank-transfer/imports", {
      body: form,
      headers: ctx.info.admin,
      timeoutMs: 180_000,
    })
  }
  let t = Date.now()
  const preview = await upload()
  log(
    `statement: ${fmt(IMPORT_LINES)} lines, ${fmt(csv.length)} bytes; upload and preview ${preview.status} in ${seconds(Date.now() - t)}: ${JSON.stringify(preview.json?.import?.counts ?? preview.text.slice(0, 200))}`
  )
  if (preview.status !== 201) {
    throw new Error(
      `the upload was refused: ${preview.status} ${preview.text.slice(0, 300)}`
    )
  }
  const importId = preview.json.import.id
  check(
    `the preview sees ${fmt(IMPORT_LINES)} new lines and writes none to the ledger`,
    preview.json.import.counts.new === IMPORT_LINES &&
      (await ledgerCount(db)) === ledgerBefore
  )

  // Commit, and kill the server while PostgreSQL shows it inserting the lines.
  t = Date.now()
  const commit = request(
    "POST",
    `/admin/bank-transfer/imports/${importId}/commit`,
    { body: {}, headers: ctx.info.admin, timeoutMs: 180_000 }
  )
  let settled = false
  commit.then(() => (settled = true))
  let inserting = false
  while (!settled && Date.now() - t < 120_000) {
    const { rows } = await db.query(
      // The statement that writes the movements and their sightings (bank_transfer_insert_records,
      // or bank_transfer_record_if_unchanged for a file of up to 1,000 lines).
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'medusa_bank_transfer' AND state = 'active' AND pid <> pg_backend_pid()
          AND (query ILIKE 'SELECT bank_transfer_insert_records(%' OR query ILIKE 'SELECT bank_transfer_record_if_unchanged(%')`
    )
    if (rows[0].n > 0) {
      inserting = true
      break
    }
    await sleep(5)
  }
  const pids = inserting ? listenerPids(PORT) : []
  for (const pid of pids) {
    process.kill(pid, "SIGKILL")
  }
  const killedAfter = Date.now() - t
  const answer = await commit
  log(
    `commit: ${inserting ? `the ledger write seen running after ${killedAfter} ms; SIGKILL to the Medusa server (pid ${pids.join(", ")})` : "finished before the ledger write was seen"}; the commit request got ${answer.status || answer.error}`
  )
  check(
    "the server was killed while the commit was writing the statement's lines (the request got no answer)",
    inserting && pids.length > 0 && answer.status === 0
  )

  t = Date.now()
  await ctx.stop()
  await ctx.start({ fresh: false })
  log(`restart after the crash: ${seconds(Date.now() - t)}`)
  const afterCrash = await importRows(db, importId)
  const {
    rows: [statement],
  } = await db.query(
    `SELECT status FROM bank_transfer_statement_import WHERE id = $1`,
    [importId]
  )
  log(
    `after the restart: ${fmt(afterCrash.length)} of the statement's lines in the ledger, import ${statement.status}`
  )
  check(
    "the interrupted commit left all of the statement or none of it (all-or-nothing)",
    afterCrash.length === 0 ||
      (afterCrash.length === IMPORT_LINES &&
        sameMultiset(multiset(afterCrash.map(rowKey)), expected)),
    `${afterCrash.length} lines`
  )

  t = Date.now()
  const again = await request(
    "POST",
    `/admin/bank-transfer/imports/${importId}/commit`,
    { body: {}, headers: ctx.info.admin, timeoutMs: 180_000 }
  )
  log(
    `commit again: ${again.status} in ${seconds(Date.now() - t)}, added ${again.json?.added}, import ${again.json?.import?.status}`
  )
  const rows = await importRows(db, importId)
  const got = multiset(rows.map(rowKey))
  const { missing, extra } = compareMultisets(expected, got)
  check(
    `after committing again, every one of the ${fmt(IMPORT_LINES)} lines is in the ledger exactly once (identical lines as often as in the file)`,
    again.status === 200 &&
      again.json.added === IMPORT_LINES - afterCrash.length &&
      rows.length === IMPORT_LINES &&
      missing === 0 &&
      extra === 0,
    `${fmt(rows.length)} rows, ${missing} missing, ${extra} extra, added ${again.json?.added}`
  )

  // The same file once more: everything is known, nothing is added.
  const repeat = await upload()
  const repeatCommit =
    repeat.status === 201
      ? await request(
          "POST",
          `/admin/bank-transfer/imports/${repeat.json.import.id}/commit`,
          { body: {}, headers: ctx.info.admin, timeoutMs: 180_000 }
        )
      : null
  const ledgerAfter = await ledgerCount(db)
  log(
    `the same file imported again: preview ${JSON.stringify(repeat.json?.import?.counts ?? repeat.status)}, commit added ${repeatCommit?.json?.added}; the ledger grew by ${fmt(ledgerAfter - ledgerBefore)} in all`
  )
  check(
    "importing the same file again adds nothing; the ledger grew by exactly the statement's lines",
    repeat.json?.import?.counts?.new === 0 &&
      repeat.json?.import?.counts?.known === IMPORT_LINES &&
      repeatCommit?.json?.added === 0 &&
      ledgerAfter - ledgerBefore === IMPORT_LINES,
    `+${ledgerAfter - ledgerBefore}`
  )

  // The statement's incoming lines are matched after the commit: the reserved orders get paid.
  const matched = await waitUntil(
    async () =>
      (await unreconciledCount(db, "import_id = $1 AND direction = 'in'", [
        importId,
      ])) === 0,
    120_000,
    500
  )
  check(
    "the statement's incoming lines all went through the matcher",
    !!matched
  )
  await capturedOnce(db, orders, "orders paid by the statement")
  const over = await overAllocated(db)
  check(
    "no transaction over-allocated after the import crash",
    over.length === 0,
    over.length ? JSON.stringify(over.slice(0, 3)) : ""
  )
}

// ---------------------------------------------------------------------------------------------
// b. Webhook burst
// ---------------------------------------------------------------------------------------------
export async function webhookCrash(ctx) {
  const db = ctx.db
  const orders = ctx.orders.burst
  const tag = letters(Date.now() % 1e6)
  const txs = Array.from({ length: BURST_TRANSACTIONS }, (_, i) =>
    orders[i]
      ? sepayPayload({
          id: SEPAY_ID_BASE + i,
          memo: `${orders[i].exp.memo} chuyen khoan`,
          amount: Number(orders[i].exp.amount_due),
        })
      : sepayPayload({
          id: SEPAY_ID_BASE + i,
          memo: `ung ho ${tag} ${letters(i)}`,
          amount: 2_000_003 + i * 13,
        })
  )
  const ids = txs.map((p) => String(p.id))
  const ledgerBefore = await ledgerCount(db)
  const deliveries = shuffle(
    txs.flatMap((p) => Array(BURST_COPIES).fill(p)),
    random(7)
  )
  const killAt = Math.floor(deliveries.length * 0.35)
  let answered = 0
  let crashedAt = 0
  const acknowledged = new Set()
  const answers = await pool(deliveries, IN_FLIGHT, async (p) => {
    const a = await deliverSepay(p, 20_000)
    a.beforeCrash = !crashedAt
    if (a.status >= 200 && a.status < 300 && a.json?.success === true) {
      acknowledged.add(String(p.id))
    }
    if (++answered >= killAt && !crashedAt) {
      crashedAt = Date.now()
      ctx.shop.crash() // SIGKILL to Medusa and PostgreSQL at once, deliveries still in flight
    }
    return a
  })
  const ok = answers.filter((a) => a.status >= 200 && a.status < 300).length
  const failed = answers.filter((a) => a.status === 0).length
  const other = answers.filter(
    (a) => a.status !== 0 && (a.status < 200 || a.status >= 300)
  )
  log(
    `burst: ${fmt(deliveries.length)} deliveries (${BURST_TRANSACTIONS} transactions × ${BURST_COPIES}, ${IN_FLIGHT} in flight); everything SIGKILLed after ${killAt} answers: ` +
      `${ok} acknowledged (${acknowledged.size} distinct transactions), ${failed} unanswered, ${other.length} other` +
      (other.length
        ? ` (${other.map((a) => a.status).join(", ")}, ${other.filter((a) => a.beforeCrash).length} of them before the crash)`
        : "")
  )
  // While it dies, the server may still answer an error (SePay retries those); before, only 2xx.
  const badBefore = answers.filter(
    (a) =>
      a.beforeCrash &&
      !(a.status >= 200 && a.status < 300 && a.json?.success === true)
  )
  check(
    "every delivery answered before the crash was acknowledged 2xx",
    badBefore.length === 0,
    badBefore.length
      ? JSON.stringify(
          badBefore.slice(0, 3).map((a) => [a.status, a.text.slice(0, 100)])
        )
      : `${killAt} answers`
  )

  let t = Date.now()
  // The killed processes must be gone (reaped) before PostgreSQL can take its data folder again:
  // a killed postmaster that is still a zombie holds postmaster.pid.
  const gone = await waitUntil(
    () =>
      !alive(postmasterPid()) &&
      listenerPids(PORT).length === 0 &&
      listenerPids(DB_PORT).length === 0,
    30_000,
    100
  )
  if (!gone) {
    log("(the killed processes were not all gone after 30 s)")
  }
  await ctx.start({ fresh: false })
  log(
    `restart after the crash (PostgreSQL recovers from its log): ${seconds(Date.now() - t)}`
  )
  const stored = new Set(
    (
      await db.query(
        `SELECT external_id FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1)`,
        [ids]
      )
    ).rows.map((r) => r.external_id)
  )
  const lost = [...acknowledged].filter((id) => !stored.has(id))
  const {
    rows: [stranded],
  } = await db.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE amount_allocated > 0)::int AS allocated
       FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1) AND reconciled_at IS NULL`,
    [ids]
  )
  log(
    `after the restart: ${stored.size} of the ${BURST_TRANSACTIONS} transactions stored, ${stranded.n} of them not through the matcher ` +
      `(${stranded.allocated} allocated to an order by a run that died before it finished)`
  )
  const states = await paymentStates(db, orders)
  log(
    `the burst's orders as the crash left them: ${Object.entries(states)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`
  )
  check(
    "every delivery acknowledged before the crash is stored (nothing acknowledged was lost)",
    lost.length === 0,
    lost.length
      ? `${lost.length} lost, e.g. ${lost.slice(0, 5).join(", ")}`
      : `${acknowledged.size} acknowledged`
  )

  // SePay retries what it delivered: every transaction again, twice, concurrently.
  t = Date.now()
  const retries = await pool(
    shuffle(
      txs.flatMap((p) => [p, p]),
      random(8)
    ),
    IN_FLIGHT,
    (p) => deliverSepay(p)
  )
  const retryStatuses = {}
  for (const a of retries) {
    retryStatuses[a.status || a.error] =
      (retryStatuses[a.status || a.error] ?? 0) + 1
  }
  log(
    `redelivery: ${retries.length} deliveries in ${seconds(Date.now() - t)}: ${JSON.stringify(retryStatuses)}`
  )
  check(
    "every redelivery after the restart answered 2xx",
    retries.every(
      (a) => a.status >= 200 && a.status < 300 && a.json?.success === true
    ),
    JSON.stringify(retryStatuses)
  )
  const {
    rows: [count],
  } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ids FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1)`,
    [ids]
  )
  const ledgerAfter = await ledgerCount(db)
  check(
    `exactly ${BURST_TRANSACTIONS} transactions stored, once each, across the crash and the redelivery`,
    count.n === BURST_TRANSACTIONS &&
      count.ids === BURST_TRANSACTIONS &&
      ledgerAfter - ledgerBefore === BURST_TRANSACTIONS,
    `${count.n} rows, ${count.ids} ids, ledger +${ledgerAfter - ledgerBefore}`
  )

  // Those first stored by the redelivery are matched by their subscriber; those stored before the
  // crash whose matching never ran wait for the recovery job.
  const unreconciled = () =>
    unreconciledCount(db, "source = 'sepay' AND external_id = ANY($1)", [ids])
  let last = -1
  await waitUntil(
    async () => {
      const n = await unreconciled()
      const steady = n === last
      last = n
      return steady || n === 0
    },
    60_000,
    2000
  )
  const left = await unreconciled()
  log(
    `after the redelivery settled: ${left} transactions stored before the crash still wait for the matcher`
  )
  if (left > 0) {
    // The job leaves rows younger than a minute to their subscriber.
    const wait = 62_000 - (Date.now() - crashedAt)
    if (wait > 0) {
      await sleep(wait)
    }
    t = Date.now()
    const sweep = await runRecoveryJob()
    log(
      `the recovery job (medusa exec, ${seconds(Date.now() - t)} with the app's boot): exit ${sweep.code}; ${sweep.summary}`
    )
    check(
      "the recovery job ran",
      sweep.code === 0,
      sweep.code === 0 ? "" : sweep.output.slice(-800)
    )
  }
  const finalLeft = await unreconciled()
  const resumed = (
    await db.query(
      `SELECT count(*)::int AS n FROM bank_transfer_audit_event WHERE action = 'reconciliation_resumed' AND transaction_id IN (SELECT id FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1))`,
      [ids]
    )
  ).rows[0].n
  log(
    `matching runs finished after an interruption (audit "reconciliation_resumed"): ${resumed}`
  )
  check(
    `all ${BURST_TRANSACTIONS} transactions went through the matcher after the crash`,
    finalLeft === 0,
    `${finalLeft} left`
  )
  await capturedOnce(db, orders, "orders paid during the burst")
  const over = await overAllocated(db)
  check(
    "no transaction over-allocated after the burst crash",
    over.length === 0,
    over.length ? JSON.stringify(over.slice(0, 3)) : ""
  )
}

/** The plugin's sweep job, run once in its own process against the suite's database. */
async function runRecoveryJob(timeoutMs = 180_000) {
  const env = {
    ...process.env,
    DATABASE_URL: DB_URL,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
  }
  delete env.BANK_TRANSFER_JOBS
  const run = await medusaExec(
    "./integration-tests/reliability/recovery-job.exec.ts",
    env,
    timeoutMs
  )
  const line = run.output.split("\n").find((l) => l.startsWith("RECOVERY "))
  return {
    ...run,
    summary: line ? line.slice("RECOVERY ".length) : "(no summary)",
  }
}

// ---------------------------------------------------------------------------------------------
/** Where each order's payment stands, in Medusa's tables and the plugin's. */
async function paymentStates(db, orders) {
  const { rows } = await db.query(
    `SELECT CASE
              WHEN e.status <> 'paid' THEN 'not paid yet'
              WHEN p.captured_at IS NULL AND NOT EXISTS (SELECT 1 FROM capture c WHERE c.payment_id = p.id) THEN 'paid, not captured'
              WHEN p.captured_at IS NULL THEN 'paid, capture stored but payment not marked captured'
              WHEN pc.status <> 'completed' THEN 'captured, payment collection not updated'
              ELSE 'captured'
            END AS state, count(*)::int AS n
       FROM bank_transfer_expectation e
       JOIN order_payment_collection opc ON opc.order_id = e.order_id
       JOIN payment_collection pc ON pc.id = opc.payment_collection_id
       JOIN payment p ON p.payment_collection_id = pc.id
      WHERE e.order_id = ANY($1) GROUP BY 1 ORDER BY 1`,
    [orders.map((o) => o.id)]
  )
  return Object.fromEntries(rows.map((r) => [r.state, r.n]))
}

const postmasterPid = () => {
  try {
    return Number(
      fs
        .readFileSync(path.join(root, DATA_DIR, "postmaster.pid"), "utf8")
        .split("\n")[0]
    )
  } catch {
    return 0
  }
}
/** A process that still exists, a zombie included (PostgreSQL's own check counts it as running). */
const alive = (pid) => !!pid && fs.existsSync(`/proc/${pid}`)
const ledgerCount = async (db) =>
  (await db.query(`SELECT count(*)::int AS n FROM bank_transfer_transaction`))
    .rows[0].n
const importRows = async (db, importId) =>
  (
    await db.query(
      `SELECT external_id, amount::text AS amount, direction, memo FROM bank_transfer_transaction WHERE import_id = $1`,
      [importId]
    )
  ).rows
const lineKey = (ref, amount, direction, memo) =>
  `${ref ?? "-"}|${Number(amount)}|${direction}|${memo}`
const rowKey = (r) => lineKey(r.external_id, r.amount, r.direction, r.memo)
function multiset(keys) {
  const m = new Map()
  for (const k of keys) {
    m.set(k, (m.get(k) ?? 0) + 1)
  }
  return m
}
function compareMultisets(expected, got) {
  let missing = 0
  let extra = 0
  for (const [k, n] of expected) {
    missing += Math.max(0, n - (got.get(k) ?? 0))
  }
  for (const [k, n] of got) {
    extra += Math.max(0, n - (expected.get(k) ?? 0))
  }
  return { missing, extra }
}
const sameMultiset = (a, b) => {
  const { missing, extra } = compareMultisets(a, b)
  return missing === 0 && extra === 0
}
