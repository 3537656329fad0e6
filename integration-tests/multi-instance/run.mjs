// Multi-instance test (README "Production: several instances"): Medusa's production shape on one
// machine, and the plugin correct in it.
//   - its own redis-server (port 6390, no persistence, in a temporary folder) and its own embedded
//     PostgreSQL (port 54370, data in .pgdata-multi, fresh each run); migrations, the demo seed and
//     the admin user once;
//   - TWO Medusa instances (`medusa start`, ports 9400 and 9401) on that database and that Redis
//     (event bus, workflow engine, locking, caching), both in `shared` mode so that either could run
//     every subscriber and every scheduled job, with the escalation job every 10 seconds;
//   1. escalations (while the orders of part 2 are placed, so that the job ticks under traffic):
//      overdue expectations inserted straight into the database in three rounds; each
//      round must be escalated by exactly one job run on one of the instances, each row exactly once
//      (one audit event and one shopper notification per row and step), one admin summary per run,
//      and one job execution per schedule tick across both instances (BullMQ's records in Redis);
//   2. webhooks: 100 real bank-transfer orders placed through the Store API of both instances, then
//      each order's transaction delivered twice by SePay, the two copies at the same moment to the
//      two instances: exactly 100 transactions stored, every order paid and its Medusa payment
//      captured exactly once, no allocation above its transaction, each event handled once.
// Prints every figure, one PASS/FAIL line per check, and ends with "N passed, N failed" (exit 0 iff
// none failed). Without redis-server it says so and passes nothing and fails nothing.
// Everything it starts is stopped at the end, on failure, on SIGINT/SIGTERM and after a hard limit.
//
//   node integration-tests/multi-instance/run.mjs
import crypto from "node:crypto"
import { spawn } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import {
  descendantGroups,
  findRedisServer,
  isUp,
  pool,
  portFree,
  root,
  sleep,
  waitUntil,
} from "../../scripts/shop.mjs"
import { ensureDatabase, run, startPostgres } from "../../scripts/postgres.mjs"
import { check, tally } from "../helpers/checks.mjs"

const require = createRequire(path.join(root, "package.json"))

const REDIS_PORT = 6390
const DB_PORT = 54370
const DATA_DIR = ".pgdata-multi"
const DB = "medusa_bank_transfer"
const INSTANCES = [
  { name: "instance-a", port: 9400, mode: "shared" },
  { name: "instance-b", port: 9401, mode: "shared" },
]
const ORDERS = Number(process.env.MULTI_ORDERS ?? 100)
const ESCALATION_ROUNDS = 3
const ESCALATION_ROWS = 40
/** The escalation job's schedule in this test (seconds field first): every 10 seconds. */
const TICK_S = 10
const SCHEDULE = `*/${TICK_S} * * * * *`
const JOB_WORKFLOW = "job-bank-transfer-escalate-unpaid"
const BANK_TRANSFER = "pp_bank-transfer_default"
const ACCOUNT = "0071000123456"
// medusa-config.ts configures SePay's HMAC secret: deliveries are signed as SePay signs them.
const SEPAY_HMAC = "dev-sepay-hmac-secret-change-me"
const sepayHeaders = (body) => {
  const ts = String(Math.floor(Date.now() / 1000))
  return {
    "content-type": "application/json",
    "x-sepay-timestamp": ts,
    "x-sepay-signature": crypto
      .createHmac("sha256", SEPAY_HMAC)
      .update(`${ts}.${body}`)
      .digest("hex"),
  }
}
const ADMIN = { email: "admin@example.com", password: "supersecret" }
const HARD_LIMIT_MS = Number(process.env.MULTI_LIMIT_S ?? 9 * 60) * 1000
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

// ---------------------------------------------------------------------------------------------
// Checks and output
// ---------------------------------------------------------------------------------------------
const log = (...a) => console.log(...a)
const section = (title) => console.log(`\n=== ${title} ===`)
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`
const t0 = Date.now()
const since = () => secs(Date.now() - t0)

// ---------------------------------------------------------------------------------------------
// redis-server: skip the whole test without it
// ---------------------------------------------------------------------------------------------
const redisServer = findRedisServer()
if (!redisServer) {
  console.log(
    "multi-instance test skipped: redis-server not found (apt-get install redis-server)"
  )
  console.log("0 passed, 0 failed")
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// Everything started here, and its stopping
// ---------------------------------------------------------------------------------------------
const pg = require("pg")
const Redis = require("ioredis")
const tmp = fs.mkdtempSync(
  path.join(os.tmpdir(), "medusa-bank-transfer-multi-")
)
/** Process groups to kill at the end: every detached child and whatever groups its descendants made. */
const groups = new Set()
const roots = new Set()
const collect = () => {
  for (const pid of roots) {
    descendantGroups(pid).forEach((g) => groups.add(g))
  }
}
const collector = setInterval(collect, 2000)
let postgres = null
let db = null
let redis = null
const instances = []

function killGroups(signal) {
  for (const g of groups) {
    try {
      process.kill(-g, signal)
    } catch {}
  }
}
process.on("exit", () => killGroups("SIGKILL"))

let stopping = null
function stopAll() {
  stopping ??= (async () => {
    clearInterval(collector)
    collect()
    await db?.end().catch(() => {})
    redis?.disconnect()
    killGroups("SIGTERM")
    const end = Date.now() + 8000
    while (
      Date.now() < end &&
      instances.some(
        (i) => i.child.exitCode === null && i.child.signalCode === null
      )
    ) {
      await sleep(200)
    }
    killGroups("SIGKILL")
    await postgres?.stop().catch(() => {})
  })()
  return stopping
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping Redis, both instances and PostgreSQL`)
    console.log(`${tally.passed} passed, ${tally.failed + 1} failed`)
    stopAll().finally(() => process.exit(1))
  })
}
const hardLimit = setTimeout(() => {
  console.error(
    `multi-instance test: over ${HARD_LIMIT_MS / 60000} minutes, stopping`
  )
  console.log(`${tally.passed} passed, ${tally.failed + 1} failed`)
  stopAll().finally(() => process.exit(1))
}, HARD_LIMIT_MS)

function spawnDetached(command, args, { env, logPath }) {
  const fd = fs.openSync(logPath, "a")
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
    env,
  })
  fs.closeSync(fd)
  groups.add(child.pid)
  roots.add(child.pid)
  return child
}

// ---------------------------------------------------------------------------------------------
// HTTP and helpers
// ---------------------------------------------------------------------------------------------
/** One request; never throws. Returns { status (0 when no answer), ms, json, text, error }. */
async function request(
  base,
  method,
  url,
  { body, headers = {}, timeoutMs = 60_000 } = {}
) {
  const started = performance.now()
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : typeof body === "string"
            ? body
            : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let json = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {}
    return {
      status: res.status,
      ms: performance.now() - started,
      json,
      text,
      error: null,
    }
  } catch (e) {
    return {
      status: 0,
      ms: performance.now() - started,
      json: null,
      text: "",
      error: e?.cause?.code ?? e?.name ?? String(e),
    }
  }
}
async function api(base, method, url, opts = {}) {
  const r = await request(base, method, url, opts)
  if (r.status < 200 || r.status > 299) {
    throw new Error(
      `${method} ${base}${url}: ${r.status || r.error} ${r.text.slice(0, 300)}`
    )
  }
  return r.json
}
const q = async (sql, params) => (await db.query(sql, params)).rows
const same = (a, b) =>
  a !== null &&
  a !== undefined &&
  b !== null &&
  b !== undefined &&
  Number(a) === Number(b)
/** "2026-11-23 10:15:00", Vietnam time, as SePay sends it. */
const vietnamTime = (d = new Date()) =>
  new Date(d.getTime() + 7 * 3600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ")
const readLog = (inst) => {
  try {
    return fs.readFileSync(inst.logPath, "utf8")
  } catch {
    return ""
  }
}
const countIn = (text, needle) => text.split(needle).length - 1
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

// ---------------------------------------------------------------------------------------------
// Setup: Redis, PostgreSQL, migrations, seed, admin user, the two instances
// ---------------------------------------------------------------------------------------------
async function setup() {
  section("setup")
  for (const p of [REDIS_PORT, DB_PORT, ...INSTANCES.map((i) => i.port)]) {
    if (!(await portFree(p))) {
      throw new Error(`port ${p} is taken (an earlier run still going?)`)
    }
  }
  log(`redis-server: ${redisServer}; logs and Redis folder: ${tmp}`)

  let started = Date.now()
  spawnDetached(
    redisServer,
    [
      "--port",
      String(REDIS_PORT),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      tmp,
      "--daemonize",
      "no",
    ],
    {
      env: process.env,
      logPath: path.join(tmp, "redis.log"),
    }
  )
  redis = new Redis({
    port: REDIS_PORT,
    host: "127.0.0.1",
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 200,
  })
  redis.on("error", () => {})
  const pong = await waitUntil(
    async () => {
      try {
        if (redis.status === "wait") {
          await redis.connect()
        }
        return (await redis.ping()) === "PONG"
      } catch {
        return false
      }
    },
    20_000,
    200
  )
  if (!pong) {
    throw new Error(
      `redis-server did not answer on port ${REDIS_PORT}; see ${path.join(tmp, "redis.log")}`
    )
  }
  const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`
  log(
    `redis-server up on ${REDIS_PORT} in ${secs(Date.now() - started)} (no persistence)`
  )

  started = Date.now()
  fs.rmSync(path.join(root, DATA_DIR), { recursive: true, force: true })
  postgres = await startPostgres({
    dir: path.join(root, DATA_DIR),
    port: DB_PORT,
  })
  await ensureDatabase(postgres.pg, DB)
  const DATABASE_URL = postgres.url(DB)
  log(
    `PostgreSQL up on ${DB_PORT} (fresh ${DATA_DIR}) in ${secs(Date.now() - started)}`
  )

  const baseEnv = {
    ...process.env,
    DATABASE_URL,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
    DISABLE_ADMIN: "true",
  }
  delete baseEnv.MEDUSA_WORKER_MODE
  delete baseEnv.BANK_TRANSFER_JOBS
  const setupLog = path.join(tmp, "setup.log")
  const step = async (label, args, env) => {
    const s = Date.now()
    const fd = fs.openSync(setupLog, "a")
    const code = await run(medusaBin, args, {
      cwd: root,
      env,
      stdio: ["ignore", fd, fd],
    })
    fs.closeSync(fd)
    if (code !== 0) {
      throw new Error(`${label} failed (exit ${code}); see ${setupLog}`)
    }
    log(`${label}: ${secs(Date.now() - s)}`)
  }
  // With REDIS_URL: the Redis modules' own migrations (the workflow engine's tables) run too.
  await step("medusa db:migrate (with the Redis modules)", ["db:migrate"], {
    ...baseEnv,
    REDIS_URL,
  })
  // Data only: the in-memory modules are enough (dev/start.mjs does the same).
  await step(
    "seed (medusa exec ./dev/seed.ts)",
    ["exec", "./dev/seed.ts"],
    baseEnv
  )
  db = new pg.Pool({ connectionString: DATABASE_URL, max: 4 })
  db.on("error", () => {})
  if (
    !(await q(`SELECT 1 FROM "user" WHERE email = $1`, [ADMIN.email])).length
  ) {
    await step(
      "admin user (medusa user)",
      ["user", "-e", ADMIN.email, "-p", ADMIN.password],
      baseEnv
    )
  }

  started = Date.now()
  for (const inst of INSTANCES) {
    const logPath = path.join(tmp, `${inst.name}.log`)
    // `medusa start` in the project (what `medusa develop` forks, without its file watcher: others
    // edit this working tree while the test runs, and a restart would be taken for a failure).
    const child = spawnDetached(
      medusaBin,
      ["start", "--port", String(inst.port)],
      {
        env: {
          ...baseEnv,
          REDIS_URL,
          MEDUSA_WORKER_MODE: inst.mode,
          MEDUSA_INSTANCE_NAME: inst.name,
          BANK_TRANSFER_ESCALATION_SCHEDULE: SCHEDULE,
          PORT: String(inst.port),
        },
        logPath,
      }
    )
    instances.push({
      ...inst,
      child,
      logPath,
      base: `http://localhost:${inst.port}`,
    })
  }
  const up = await Promise.all(
    instances.map((inst) =>
      waitUntil(
        async () => {
          if (inst.child.exitCode !== null || inst.child.signalCode !== null) {
            throw new Error(
              `${inst.name} exited (${inst.child.exitCode ?? inst.child.signalCode}); see ${inst.logPath}`
            )
          }
          return (await isUp(`${inst.base}/health`)) ? Date.now() : null
        },
        300_000,
        1000
      )
    )
  )
  collect()
  for (const [i, inst] of instances.entries()) {
    log(
      `${inst.name}: medusa start on ${inst.port}, MEDUSA_WORKER_MODE=${inst.mode}, ${up[i] ? `up after ${secs(up[i] - started)}` : "NOT up after 300 s"} (log: ${inst.logPath})`
    )
  }
  const bothUp = check(
    "both instances answer /health on one database and one Redis",
    up.every(Boolean) && instances.every((i) => /redis/i.test(readLog(i))),
    up.every(Boolean)
      ? ""
      : instances
          .filter((_, i) => !up[i])
          .map((i) => i.name)
          .join(", ")
  )
  if (!bothUp) {
    throw new Error("the instances did not start")
  }
  const redisLines = readLog(instances[0])
    .split("\n")
    .filter((l) => /redis/i.test(l))
    .slice(0, 6)
  for (const l of redisLines) {
    log(`  ${instances[0].name}| ${l.trim().slice(0, 160)}`)
  }
  return { REDIS_URL }
}

// ---------------------------------------------------------------------------------------------
// 1. Escalations: once per row and step, one job run per tick across both instances
// ---------------------------------------------------------------------------------------------
const ESC_TAG = `btmulti_${Date.now().toString(36)}`
const escRows = (round) => `${ESC_TAG}_r${round}_%`

async function insertOverdue(round) {
  const account = JSON.stringify({
    bank_bin: "970436",
    bank_name: "Vietcombank",
    account_number: ACCOUNT,
    account_holder: "CONG TY TNHH DEMO SHOP",
    currency: "VND",
  })
  const tag = `${ESC_TAG}_r${round}`
  // Placed 40 days ago (past every step of both default policies whatever the holidays), the
  // first step overdue since yesterday: the job acts on the latest due step, tentative_cancel.
  await db.query(
    `INSERT INTO bank_transfer_expectation (id, order_id, order_number, email, reference, memo, currency_code,
       amount_due, raw_amount_due, amount_received, raw_amount_received, amount_remaining, raw_amount_remaining,
       surplus, raw_surplus, status, policy, placed_at, next_step, next_step_at, steps_done, account, page_token)
     SELECT '${tag}_' || g, '${tag}_order_' || g, (800000000 + ${round} * 1000 + g)::text, 'multi+${round}-' || g || '@example.com',
       'BM' || upper(to_hex(${round} * 1000 + g)) || 'Q', 'BM' || upper(to_hex(${round} * 1000 + g)) || 'Q', 'VND',
       1000000 + g, jsonb_build_object('value', (1000000 + g)::text, 'precision', 20), 0, '{"value":"0","precision":20}',
       1000000 + g, jsonb_build_object('value', (1000000 + g)::text, 'precision', 20), 0, '{"value":"0","precision":20}',
       'awaiting_transfer', CASE WHEN g % 2 = 0 THEN 'digital' ELSE 'physical' END, now() - interval '40 days',
       'confirmation_1', now() - interval '1 day', '{}', $1::jsonb, '${tag}_token_' || g
     FROM generate_series(1, ${ESCALATION_ROWS}) g`,
    [account]
  )
}

/** The three rounds; quiet (they run while the checkouts of part 2 go on), their lines returned. */
async function escalationRounds() {
  const lines = []
  const rounds = []
  for (let r = 1; r <= ESCALATION_ROUNDS; r++) {
    const inserted = Date.now()
    await insertOverdue(r)
    const done = await waitUntil(
      async () => {
        const [row] = await q(
          `SELECT count(*) FILTER (WHERE steps_done ? 'tentative_cancel')::int AS n FROM bank_transfer_expectation WHERE id LIKE $1`,
          [escRows(r)]
        )
        return row.n === ESCALATION_ROWS ? Date.now() : null
      },
      (TICK_S * 3 + 20) * 1000,
      250
    )
    const runs = await q(
      `SELECT a.data->>'at' AS at, count(*)::int AS n FROM bank_transfer_audit_event a
        WHERE a.expectation_id LIKE $1 AND a.action LIKE 'escalation:%' GROUP BY 1 ORDER BY 1`,
      [escRows(r)]
    )
    rounds.push({ round: r, done: !!done, runs })
    lines.push(
      `round ${r}: ${ESCALATION_ROWS} rows inserted; ${done ? `all escalated ${secs(done - inserted)} later` : "NOT all escalated"}; job runs that touched them: ${runs.map((x) => `${x.at} (${x.n} rows)`).join(", ") || "none"}`
    )
  }
  // The log line of a run is written after its notifications.
  await sleep(1500)
  return { rounds, lines }
}

function escalationReport({ rounds, lines }) {
  section(
    `1. escalations: ${ESCALATION_ROUNDS} rounds of ${ESCALATION_ROWS} overdue orders, job every ${TICK_S} s on both instances (during the checkouts of part 2)`
  )
  for (const l of lines) {
    log(l)
  }
  check(
    `every round's ${ESCALATION_ROWS} overdue orders were escalated by the scheduled job (no manual call)`,
    rounds.every((r) => r.done),
    rounds
      .filter((r) => !r.done)
      .map((r) => `round ${r.round} not done`)
      .join(", ")
  )

  // Which instance ran each round: the job logs "(run at <time>)", and the audit events carry it.
  const logs = instances.map((i) => ({ name: i.name, text: readLog(i) }))
  const attribution = rounds.map((r) => {
    const at = r.runs.length === 1 ? r.runs[0].at : null
    const on = at
      ? logs
          .filter((l) => countIn(l.text, `(run at ${at})`) > 0)
          .map((l) => `${l.name}×${countIn(l.text, `(run at ${at})`)}`)
      : []
    return { ...r, at, on }
  })
  for (const a of attribution) {
    log(
      `round ${a.round}: run at ${a.at ?? "(several runs)"} logged by ${a.on.join(", ") || "nobody"}`
    )
  }
  check(
    "each round was escalated by exactly one job run, logged once, by one instance",
    attribution.every(
      (a) => a.runs.length === 1 && a.on.length === 1 && a.on[0].endsWith("×1")
    ),
    attribution
      .map(
        (a) =>
          `round ${a.round}: ${a.runs.length} run(s), logged by ${a.on.join("+") || "none"}`
      )
      .join("; ")
  )
  return { rounds: attribution }
}

/** Checked at the end, after many more ticks have passed over the escalated rows. */
async function escalationsAfterwards(esc) {
  section("1b. escalations, after every later tick of the job")
  const total = ESCALATION_ROUNDS * ESCALATION_ROWS
  const [audit] = await q(
    `SELECT coalesce(sum(n), 0)::int AS events, count(DISTINCT expectation_id)::int AS rows_with_events, coalesce(max(n), 0)::int AS max_per_row_step
       FROM (SELECT expectation_id, action, count(*) AS n FROM bank_transfer_audit_event
              WHERE expectation_id LIKE $1 AND action LIKE 'escalation:%' GROUP BY 1, 2) x`,
    [`${ESC_TAG}_%`]
  )
  const byAction = await q(
    `SELECT action, count(*)::int AS n FROM bank_transfer_audit_event WHERE expectation_id LIKE $1 AND action LIKE 'escalation:%' GROUP BY 1 ORDER BY 1`,
    [`${ESC_TAG}_%`]
  )
  log(
    `audit: ${audit.events} escalation events for ${audit.rows_with_events} of ${total} rows (${byAction.map((a) => `${a.action} ${a.n}`).join(", ")}); most events for one row and step: ${audit.max_per_row_step}`
  )
  check(
    `exactly one audit event escalation:<step> per row and step (${total} rows)`,
    audit.events === total &&
      audit.rows_with_events === total &&
      audit.max_per_row_step === 1
  )

  const [state] = await q(
    `SELECT count(*) FILTER (WHERE status = 'tentatively_canceled')::int AS on_hold, count(*) FILTER (WHERE next_step IS NULL)::int AS finished
       FROM bank_transfer_expectation WHERE id LIKE $1`,
    [`${ESC_TAG}_%`]
  )
  log(
    `expectations: ${state.on_hold} of ${total} on hold (tentatively_canceled), ${state.finished} with no step left`
  )

  const notes = await q(
    `SELECT e.id, count(n.id)::int AS n, count(DISTINCT n.idempotency_key)::int AS keys
       FROM bank_transfer_expectation e
       LEFT JOIN notification n ON n.idempotency_key LIKE 'bank-transfer:' || e.id || ':%'
      WHERE e.id LIKE $1 GROUP BY e.id`,
    [`${ESC_TAG}_%`]
  )
  const sum = notes.reduce((s, r) => s + r.n, 0)
  const wrong = notes.filter((r) => r.n !== 1 || r.keys !== 1)
  log(
    `shopper notifications: ${sum} for ${notes.length} rows (idempotency keys bank-transfer:<expectation>:<step>); rows without exactly one: ${wrong.length}`
  )
  check(
    `exactly one shopper notification per row and step, by idempotency key`,
    notes.length === total && wrong.length === 0,
    wrong
      .slice(0, 3)
      .map((w) => `${w.id}: ${w.n}`)
      .join(", ")
  )

  const runAts = new Set(esc.rounds.flatMap((r) => r.runs.map((x) => x.at)))
  const feed = await q(
    `SELECT idempotency_key, count(*)::int AS n FROM notification WHERE idempotency_key LIKE 'bank-transfer:feed:bank_transfer.escalation_run_completed:%' GROUP BY 1`
  )
  const feedRuns = new Set(
    feed.map((f) => f.idempotency_key.split(":").slice(3, -1).join(":"))
  )
  log(
    `admin feed: ${feed.reduce((s, f) => s + f.n, 0)} escalation summaries for ${runAts.size} runs that escalated something (${feed.map((f) => f.n).join("/")} per run)`
  )
  check(
    "one admin-feed summary per escalation run (the run-completed event handled once across instances)",
    feed.length === runAts.size &&
      feed.every((f) => f.n === 1) &&
      [...runAts].every((at) => feedRuns.has(at)),
    `${feed.length} summaries, runs ${[...runAts].join(", ")}`
  )

  // BullMQ's own record of the scheduled job (queue medusa-workflows-jobs): one job per tick, each
  // with the name of the instance whose worker ran it.
  const ids = await redis.zrange("bull:medusa-workflows-jobs:completed", 0, -1)
  const failedIds = await redis.zrange(
    "bull:medusa-workflows-jobs:failed",
    0,
    -1
  )
  const jobs = []
  for (const id of [...ids, ...failedIds]) {
    const h = await redis.hgetall(`bull:medusa-workflows-jobs:${id}`)
    let data = {}
    try {
      data = JSON.parse(h.data ?? "{}")
    } catch {}
    if (data.jobId !== JOB_WORKFLOW) {
      continue
    }
    jobs.push({
      id,
      failed: failedIds.includes(id),
      tick: Number(id.split(":").pop()),
      processedOn: Number(h.processedOn),
      by: h.pb ?? "(unnamed)",
    })
  }
  jobs.sort((a, b) => a.tick - b.tick)
  const ticks = jobs.map((j) => j.tick)
  const distinct = new Set(ticks).size
  const aligned = ticks.every((t) => t % (TICK_S * 1000) === 0)
  const gaps = ticks.slice(1).map((t, i) => (t - ticks[i]) / 1000)
  const missed = gaps.filter((g) => g !== TICK_S)
  const by = {}
  for (const j of jobs) {
    by[j.by] = (by[j.by] ?? 0) + 1
  }
  const span = jobs.length
    ? (jobs[jobs.length - 1].tick - jobs[0].tick) / 1000
    : 0
  const lag = jobs
    .filter((j) => j.processedOn)
    .map((j) => j.processedOn - j.tick)
  log(
    `scheduled job ${JOB_WORKFLOW}: ${jobs.length} executions over ${span} s of ${TICK_S}-second ticks (${distinct} distinct ticks, ${jobs.filter((j) => j.failed).length} failed); ` +
      `ran on ${Object.entries(by)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ", "
        )}; started ${lag.length ? `${Math.round(percentile(lag, 50))} ms (median), ${Math.max(...lag)} ms (max)` : "?"} after its tick`
  )
  check(
    "the escalation job ran exactly once per schedule tick across both instances (one BullMQ job per tick, none missed, none failed)",
    jobs.length >= 3 &&
      distinct === jobs.length &&
      aligned &&
      missed.length === 0 &&
      jobs.every((j) => !j.failed),
    `${jobs.length} runs, ${distinct} ticks${missed.length ? `, gaps ${missed.join(",")} s` : ""}${aligned ? "" : ", ticks not on the schedule"}`
  )
  log(
    `(runs per instance are BullMQ's choice: ${Object.keys(by).length} of ${instances.length} instances ran the job in this run)`
  )
}

// ---------------------------------------------------------------------------------------------
// 2. 100 orders through both instances, 200 webhook deliveries spread over both
// ---------------------------------------------------------------------------------------------
async function shopInfo(base) {
  const [key] = await q(
    `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL ORDER BY (title = 'Webshop') DESC, created_at LIMIT 1`
  )
  if (!key) {
    throw new Error("no publishable API key (was the shop seeded?)")
  }
  const h = { "x-publishable-api-key": key.token }
  const { regions } = await api(base, "GET", "/store/regions?limit=50", {
    headers: h,
  })
  const region =
    regions.find((r) => r.name === "Vietnam") ??
    regions.find((r) => r.currency_code === "vnd")
  const { products } = await api(
    base,
    "GET",
    `/store/products?limit=50&region_id=${region.id}&fields=*variants`,
    { headers: h }
  )
  // The digital product (no inventory to reserve), as in the integration tests.
  const product =
    products.find((p) => /Cloud/i.test(p.title)) ??
    products.find((p) => p.variants?.length)
  const { cart } = await api(base, "POST", "/store/carts", {
    headers: h,
    body: { region_id: region.id },
  })
  await api(base, "POST", `/store/carts/${cart.id}/line-items`, {
    headers: h,
    body: { variant_id: product.variants[0].id, quantity: 1 },
  })
  const { shipping_options } = await api(
    base,
    "GET",
    `/store/shipping-options?cart_id=${cart.id}`,
    { headers: h }
  )
  if (!shipping_options?.length) {
    throw new Error("no shipping option for the Vietnam cart")
  }
  const { token } = await api(base, "POST", "/auth/user/emailpass", {
    body: ADMIN,
  })
  return {
    pk: key.token,
    region_id: region.id,
    variant_id: product.variants[0].id,
    shipping_option_id: shipping_options[0].id,
    admin: { authorization: `Bearer ${token}` },
  }
}

async function checkout(base, info, email) {
  const h = { "x-publishable-api-key": info.pk }
  const address = {
    first_name: "Nguyen",
    last_name: "Van A",
    address_1: "12 Hang Bai",
    city: "Ha Noi",
    country_code: "vn",
    phone: "0912345678",
  }
  // The cart with its line and addresses in one call, then shipping, payment session, complete.
  const { cart } = await api(base, "POST", "/store/carts", {
    headers: h,
    body: {
      region_id: info.region_id,
      email,
      items: [{ variant_id: info.variant_id, quantity: 1 }],
      shipping_address: address,
      billing_address: address,
    },
  })
  await api(base, "POST", `/store/carts/${cart.id}/shipping-methods`, {
    headers: h,
    body: { option_id: info.shipping_option_id },
  })
  const { payment_collection } = await api(
    base,
    "POST",
    "/store/payment-collections",
    { headers: h, body: { cart_id: cart.id } }
  )
  await api(
    base,
    "POST",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { headers: h, body: { provider_id: BANK_TRANSFER } }
  )
  const done = await api(base, "POST", `/store/carts/${cart.id}/complete`, {
    headers: h,
    body: {},
  })
  if (done.type !== "order") {
    throw new Error(
      `cart did not complete: ${JSON.stringify(done.error ?? done).slice(0, 300)}`
    )
  }
  return { id: done.order.id, total: String(done.order.total) }
}

/** Part 2's checkouts, alternating between the instances, 6 at a time; quiet, its line returned. */
async function placeOrders(info) {
  const started = Date.now()
  const failures = []
  const orders = await pool(
    Array.from({ length: ORDERS }, (_, i) => i),
    6,
    async (i) => {
      const inst = instances[i % instances.length]
      for (let attempt = 1; ; attempt++) {
        try {
          return {
            ...(await checkout(
              inst.base,
              info,
              `multi-shopper-${i}@example.com`
            )),
            via: inst.name,
          }
        } catch (e) {
          if (attempt >= 2) {
            failures.push(e.message)
            return null
          }
        }
      }
    }
  )
  const placed = orders.filter(Boolean)
  const via = {}
  for (const o of placed) {
    via[o.via] = (via[o.via] ?? 0) + 1
  }
  const line = `checkout: ${placed.length} of ${ORDERS} orders placed in ${secs(Date.now() - started)} (6 at a time; ${Object.entries(
    via
  )
    .map(([k, v]) => `${v} via ${k}`)
    .join(
      ", "
    )})${failures.length ? `; failures: ${failures.slice(0, 2).join(" | ")}` : ""}`
  return { placed, line }
}

async function webhooks(info, { placed, line }) {
  section(
    `2. ${ORDERS} orders through both instances, ${ORDERS * 2} SePay deliveries spread over both`
  )
  log(line)
  const ids = placed.map((o) => o.id)
  let started = Date.now()
  const exps = await waitUntil(
    async () => {
      const rows = await q(
        `SELECT id, order_id, memo, reference, amount_due::text AS amount_due, status FROM bank_transfer_expectation WHERE order_id = ANY($1) AND deleted_at IS NULL`,
        [ids]
      )
      return rows.length === ids.length ? rows : null
    },
    120_000,
    500
  )
  const expCount =
    exps?.length ??
    (
      await q(
        `SELECT count(*)::int AS n FROM bank_transfer_expectation WHERE order_id = ANY($1)`,
        [ids]
      )
    )[0].n
  log(
    `expectations written by the order.placed subscriber (on either instance): ${expCount} of ${placed.length}, the last ${secs(Date.now() - started)} after the last checkout`
  )
  check(
    `${ORDERS} bank-transfer orders placed through the Store API of both instances, each with its expectation`,
    placed.length === ORDERS && !!exps
  )
  if (!exps) {
    return
  }
  const byOrder = new Map(exps.map((e) => [e.order_id, e]))

  // Each transaction twice, the two copies at the same moment to the two instances.
  const txs = placed.map((o, i) => {
    const e = byOrder.get(o.id)
    return {
      order: o,
      exp: e,
      payload: {
        id: 7_000_000 + i,
        gateway: "Vietcombank",
        transactionDate: vietnamTime(),
        accountNumber: ACCOUNT,
        code: null,
        content: `${e.memo} thanh toan don hang`,
        transferType: "in",
        transferAmount: Number(e.amount_due),
        accumulated: 19_077_000,
        subAccount: null,
        referenceCode: `MBVCB.${7_000_000 + i}`,
        description: `BankAPINotify ${e.memo}`,
      },
    }
  })
  const answers = []
  started = Date.now()
  await pool(txs, 8, async (t, i) => {
    const order = i % 2 ? [1, 0] : [0, 1]
    const body = JSON.stringify(t.payload)
    const pair = await Promise.all(
      order.map((k) =>
        request(instances[k].base, "POST", "/hooks/bank-transfer/sepay", {
          body,
          headers: sepayHeaders(body),
        }).then((r) => ({ ...r, via: instances[k].name }))
      )
    )
    answers.push(...pair)
  })
  const deliveredMs = Date.now() - started
  const statuses = {}
  for (const a of answers) {
    statuses[`${a.via} ${a.status || a.error}`] =
      (statuses[`${a.via} ${a.status || a.error}`] ?? 0) + 1
  }
  const lat = answers.map((a) => a.ms)
  log(
    `deliveries: ${answers.length} (${txs.length} transactions × 2, each pair sent at once to both instances, 16 in flight) in ${secs(deliveredMs)}; ` +
      `answers ${JSON.stringify(statuses)}; latency p50 ${percentile(lat, 50).toFixed(0)} ms, p95 ${percentile(lat, 95).toFixed(0)} ms`
  )
  check(
    `all ${txs.length * 2} deliveries answered 200 {"success": true} on both instances`,
    answers.length === txs.length * 2 &&
      answers.every((a) => a.status === 200 && a.json?.success === true),
    JSON.stringify(statuses)
  )

  const sepayIds = txs.map((t) => String(t.payload.id))
  const [stored] = await q(
    `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS ids FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1) AND deleted_at IS NULL`,
    [sepayIds]
  )
  const [ledger] = await q(
    `SELECT count(*)::int AS n FROM bank_transfer_transaction`
  )
  log(
    `ledger: ${stored.n} rows for ${stored.ids} SePay ids (the whole ledger: ${ledger.n} rows)`
  )
  check(
    `exactly ${txs.length} rows in bank_transfer_transaction, one per transaction`,
    stored.n === txs.length &&
      stored.ids === txs.length &&
      ledger.n === txs.length
  )

  started = Date.now()
  let pending = null
  const drained = await waitUntil(
    async () => {
      const [row] = await q(
        `SELECT count(*) FILTER (WHERE t.reconciled_at IS NULL)::int AS unreconciled,
              (SELECT count(*)::int FROM bank_transfer_expectation e WHERE e.order_id = ANY($2) AND e.status <> 'paid') AS unpaid
         FROM bank_transfer_transaction t WHERE t.source = 'sepay' AND t.external_id = ANY($1)`,
        [sepayIds, ids]
      )
      pending = row
      return row.unreconciled === 0 && row.unpaid === 0
    },
    180_000,
    500
  )
  log(
    `matching and capture: ${drained ? `done ${secs(Date.now() - started)} after the last answer` : `NOT done after 180 s (${JSON.stringify(pending)})`}`
  )

  const txStatus = await q(
    `SELECT status, count(*)::int AS n FROM bank_transfer_transaction WHERE source = 'sepay' AND external_id = ANY($1) GROUP BY 1 ORDER BY 1`,
    [sepayIds]
  )
  log(`transactions: ${txStatus.map((r) => `${r.status} ${r.n}`).join(", ")}`)
  check(
    `every transaction matched to its order`,
    txStatus.length === 1 &&
      txStatus[0].status === "matched" &&
      txStatus[0].n === txs.length,
    txStatus.map((r) => `${r.status} ${r.n}`).join(", ")
  )

  const figures = await q(
    `SELECT o.id AS order_id,
            (SELECT count(*)::int FROM payment p WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND p.deleted_at IS NULL) AS payments,
            (SELECT count(*)::int FROM capture c JOIN payment p ON p.id = c.payment_id
               WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND c.deleted_at IS NULL) AS captures,
            (SELECT coalesce(sum(c.amount), 0)::text FROM capture c JOIN payment p ON p.id = c.payment_id
               WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND c.deleted_at IS NULL) AS captured,
            (SELECT coalesce(sum(p.amount), 0)::text FROM payment p WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND p.deleted_at IS NULL) AS payment_amount,
            (SELECT count(*)::int FROM payment p WHERE p.payment_collection_id = opc.payment_collection_id AND p.provider_id = $2 AND p.captured_at IS NOT NULL) AS payments_captured,
            e.status AS expectation_status, e.amount_due::text AS amount_due, e.amount_received::text AS amount_received,
            (SELECT count(*)::int FROM bank_transfer_allocation a WHERE a.expectation_id = e.id AND a.reversed_at IS NULL AND a.deleted_at IS NULL) AS allocations
       FROM "order" o
       JOIN order_payment_collection opc ON opc.order_id = o.id AND opc.deleted_at IS NULL
       LEFT JOIN bank_transfer_expectation e ON e.order_id = o.id AND e.deleted_at IS NULL
      WHERE o.id = ANY($1)`,
    [ids, BANK_TRANSFER]
  )
  const fig = new Map(figures.map((f) => [f.order_id, f]))
  const paid = placed.filter(
    (o) =>
      fig.get(o.id)?.expectation_status === "paid" &&
      same(fig.get(o.id).amount_received, fig.get(o.id).amount_due)
  )
  log(
    `expectations paid (amount received = amount due): ${paid.length} of ${placed.length}`
  )
  check(
    `every order's expectation paid, amount received = amount due`,
    paid.length === placed.length
  )

  const badCapture = placed.filter((o) => {
    const f = fig.get(o.id)
    return !(
      f &&
      f.payments === 1 &&
      f.captures === 1 &&
      f.payments_captured === 1 &&
      same(f.captured, f.payment_amount) &&
      same(f.captured, o.total)
    )
  })
  const captures = figures.reduce((s, f) => s + f.captures, 0)
  log(
    `Medusa captures on these orders' bank-transfer payments: ${captures} for ${figures.reduce((s, f) => s + f.payments, 0)} payments; order total ${placed[0]?.total} VND`
  )
  check(
    `each Medusa payment captured exactly once (one row in capture per payment, amount = payment = order total)`,
    badCapture.length === 0,
    badCapture
      .slice(0, 2)
      .map((o) => JSON.stringify(fig.get(o.id)))
      .join(" ")
  )

  const over = await q(
    `SELECT t.id, t.amount::text, sum(a.amount)::text AS allocated FROM bank_transfer_transaction t JOIN bank_transfer_allocation a ON a.transaction_id = t.id
      WHERE a.reversed_at IS NULL AND a.deleted_at IS NULL GROUP BY t.id, t.amount HAVING sum(a.amount) > t.amount`
  )
  const [alloc] = await q(
    `SELECT count(*)::int AS n, count(DISTINCT a.transaction_id)::int AS txs FROM bank_transfer_allocation a JOIN bank_transfer_transaction t ON t.id = a.transaction_id
      WHERE t.external_id = ANY($1) AND a.reversed_at IS NULL AND a.deleted_at IS NULL`,
    [sepayIds]
  )
  log(
    `allocations: ${alloc.n} for ${alloc.txs} transactions; allocated above the transaction's amount: ${over.length}`
  )
  check(
    `no allocation total exceeds its transaction's amount, one allocation per transaction`,
    over.length === 0 && alloc.n === txs.length && alloc.txs === txs.length,
    over
      .slice(0, 3)
      .map((o) => JSON.stringify(o))
      .join(" ")
  )

  // Each event handled once across the instances (Redis event bus): the subscriber's log lines.
  // The matcher emits transaction_received before matching, but those jobs wait in the queue
  // behind the events the matching emitted: give them up to 30 s to be handled.
  const readLogs = () =>
    instances.map((i) => ({ name: i.name, text: readLog(i) }))
  const handledIn = (logs, name) =>
    logs.map((l) => ({
      name: l.name,
      n: countIn(l.text, `Processing ${name} `),
    }))
  const total = (xs) => xs.reduce((s, x) => s + x.n, 0)
  let logs // read by the probe below, at least once
  await waitUntil(
    () => {
      logs = readLogs()
      return (
        total(handledIn(logs, "bank_transfer.transaction_received")) >=
        txs.length
      )
    },
    30_000,
    500
  )
  const handled = (name) => handledIn(logs, name)
  const received = handled("bank_transfer.transaction_received")
  const batches = handled("bank_transfer.transactions_to_match")
  const placedEv = handled("order.placed")
  const errors = logs.map((l) => ({
    name: l.name,
    n:
      countIn(l.text, "An error occurred while processing bank_transfer") +
      countIn(l.text, "Scheduled job bank-transfer"),
  }))
  const fmtBy = (xs) => xs.map((x) => `${x.name} ${x.n}`).join(", ")
  log(
    `events handled: bank_transfer.transactions_to_match ${fmtBy(batches)}; bank_transfer.transaction_received ${fmtBy(received)}; order.placed ${fmtBy(placedEv)}; plugin subscriber/job errors ${fmtBy(errors)}`
  )
  // The matcher's event is one per recorded batch (one delivery or more): between one and one per
  // transaction. Each transaction_received (emitted by the matcher) is handled by one instance only:
  // Medusa's Caching Module subscribes to every event, so each is a job.
  check(
    `each transaction_received event handled exactly once across both instances (${txs.length} events), one matcher event per recorded batch (${total(batches)}), no plugin subscriber or job error`,
    total(received) === txs.length &&
      total(batches) >= 1 &&
      total(batches) <= txs.length &&
      errors.every((x) => x.n === 0)
  )

  // What the merchant sees, asked of both instances: Medusa's order view says captured.
  const sample = placed.filter((_, i) => i % 10 === 0)
  const seen = await pool(sample, 4, async (o, i) => {
    const inst = instances[i % instances.length]
    const r = await request(
      inst.base,
      "GET",
      `/admin/orders/${o.id}?fields=payment_status`,
      { headers: info.admin }
    )
    return r.json?.order?.payment_status ?? `${r.status}`
  })
  const counts = {}
  for (const s of seen) {
    counts[s] = (counts[s] ?? 0) + 1
  }
  log(
    `admin order view (${sample.length} orders, asked of both instances): payment_status ${JSON.stringify(counts)}`
  )
  check(
    `Medusa's admin shows payment_status "captured" on both instances`,
    seen.every((s) => s === "captured"),
    JSON.stringify(counts)
  )
}

// ---------------------------------------------------------------------------------------------
async function main() {
  let esc = null
  try {
    await setup()
    const info = await shopInfo(instances[0].base)
    // The escalation rounds run while the orders are placed: the job ticks under real traffic.
    const started = Date.now()
    const [rounds, orders] = await Promise.allSettled([
      escalationRounds(),
      placeOrders(info),
    ])
    log(
      `\n(escalation rounds and ${ORDERS} checkouts ran side by side: ${secs(Date.now() - started)})`
    )
    try {
      if (rounds.status === "rejected") {
        throw rounds.reason
      }
      esc = escalationReport(rounds.value)
    } catch (e) {
      console.error(e.stack ?? e)
      check(
        `escalation part ran to its end`,
        false,
        String(e.message).slice(0, 200)
      )
    }
    try {
      if (orders.status === "rejected") {
        throw orders.reason
      }
      await webhooks(info, orders.value)
    } catch (e) {
      console.error(e.stack ?? e)
      check(
        `webhook part ran to its end`,
        false,
        String(e.message).slice(0, 200)
      )
    }
    if (esc) {
      try {
        await escalationsAfterwards(esc)
      } catch (e) {
        console.error(e.stack ?? e)
        check(
          `escalation checks ran to their end`,
          false,
          String(e.message).slice(0, 200)
        )
      }
    }
  } catch (e) {
    console.error(e.stack ?? e)
    check(
      "setup: Redis, PostgreSQL and two Medusa instances",
      false,
      String(e.message).slice(0, 200)
    )
  } finally {
    log(`\nstopping everything (${since()} since the start)`)
    await stopAll()
    clearTimeout(hardLimit)
  }
  if (tally.failed === 0) {
    // Fresh at every run anyway: nothing worth keeping when everything passed.
    fs.rmSync(tmp, { recursive: true, force: true })
    fs.rmSync(path.join(root, DATA_DIR), { recursive: true, force: true })
  } else {
    log(`logs kept in ${tmp}, the database in ${DATA_DIR}`)
  }
  console.log(`\n${tally.passed} passed, ${tally.failed} failed`)
  process.exit(tally.failed === 0 ? 0 : 1)
}

main()
