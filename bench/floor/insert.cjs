// The one INSERT of the ingest floor (bench/server.bench.mjs): the statement the plugin's record
// step runs for a new line, one row per statement, autocommit. Used twice in the same run: bare
// (straight to PostgreSQL) and through the floor route (inside the same Medusa server).

const COLUMNS =
  "id, source, external_id, dedupe_key, fingerprint, account, booked_at, amount, raw_amount, currency_code, direction, memo, counterparty_name, counterparty_account, raw, status, amount_allocated, raw_amount_allocated, import_id"

/**
 * The INSERT of one SePay payload `p` into `table` (a copy of bank_transfer_transaction) under id
 * `id`; placeholders `$1…` (node-postgres) or `?` (knex).
 */
function floorInsert(table, id, p, placeholder = "pg") {
  const memo = [p.content, p.code].filter(Boolean).join(" ")
  let n = 0
  const next = () => (placeholder === "pg" ? `$${++n}` : "?")
  const sql = `INSERT INTO ${table} (${COLUMNS})
    VALUES (${next()},'sepay',${next()},${next()},${next()},${next()},${next()},${next()},${next()}::jsonb,'VND','in',${next()},NULL,NULL,${next()}::jsonb,'unmatched',0,'{"value":"0","precision":20}'::jsonb,NULL)
    ON CONFLICT (dedupe_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id, dedupe_key`
  const values = [
    id,
    String(p.id),
    `sepay:${p.id}`,
    `VND|in|${p.transferAmount}|${String(p.transactionDate).slice(0, 10)}|${memo}`,
    p.accountNumber,
    new Date(),
    String(p.transferAmount),
    JSON.stringify({ value: String(p.transferAmount), precision: 20 }),
    memo,
    JSON.stringify(p),
  ]
  return { sql, values }
}

module.exports = { floorInsert }
