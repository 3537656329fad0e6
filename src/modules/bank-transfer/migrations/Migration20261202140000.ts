import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * `bank_transfer_record_state`: the identity lock and what recording reports has to know, in one
 * round trip (see loadRecordState in repositories/sighting.ts). A function, because one plain
 * statement cannot do both: its snapshot is taken before it waits for the lock, so it would not see
 * what the lock's previous holder committed. A VOLATILE PL/pgSQL function takes a fresh snapshot for
 * each statement it runs (PostgreSQL, "Function Volatility Categories"), so the reads, made after
 * the lock, see every report committed before it was granted.
 *
 * Arguments: advisory-lock buckets (integers, taken in the order given: sorted by the caller), the
 * dedupe keys to look up (a JSON array of strings), the (currency, direction, amount) facts (a JSON
 * array of objects, amount a decimal string in the currency's main unit, as stored) and the booking
 * window. Returns (kind, data) rows: 'known' (a sighting under one of the keys), 'movement' (a
 * movement under one of the keys) and 'recorded' (a recorded sighting of a movement with those
 * facts in the window, `ord` its booking order).
 */
export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION bank_transfer_record_state(
  p_buckets integer[], p_keys jsonb, p_facts jsonb, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (kind text, data jsonb)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_bucket integer;
  v_keys text[] := ARRAY(SELECT jsonb_array_elements_text(p_keys));
BEGIN
  FOREACH v_bucket IN ARRAY p_buckets LOOP
    PERFORM pg_advisory_xact_lock(7301, v_bucket);
  END LOOP;
  RETURN QUERY
    SELECT 'known'::text, to_jsonb(k) FROM (
      SELECT s.id, s.dedupe_key, s.transaction_id, s.candidate_transaction_id, s.status, s.basis
        FROM bank_transfer_sighting s
       WHERE s.dedupe_key = ANY(v_keys) AND s.deleted_at IS NULL) k
    UNION ALL
    -- A movement written under a key with no sighting of it (before reports were kept apart).
    SELECT 'movement'::text, to_jsonb(m) FROM (
      SELECT t.id, t.dedupe_key FROM bank_transfer_transaction t
       WHERE t.dedupe_key = ANY(v_keys) AND t.deleted_at IS NULL) m
    UNION ALL
    SELECT 'recorded'::text, to_jsonb(r) FROM (
      SELECT s.transaction_id, s.account, s.booked_at, s.amount::text AS amount, s.currency_code,
             s.direction, s.memo, s.bank_references, s.channel, s.source,
             row_number() OVER (ORDER BY t.booked_at, s.created_at, s.id) AS ord
        FROM jsonb_to_recordset(p_facts) AS f(currency_code text, direction text, amount numeric)
        JOIN bank_transfer_transaction t
          ON t.currency_code = f.currency_code AND t.direction = f.direction AND t.amount = f.amount
         AND t.booked_at BETWEEN p_from AND p_to AND t.deleted_at IS NULL
        JOIN bank_transfer_sighting s ON s.transaction_id = t.id AND s.deleted_at IS NULL) r;
END
$fn$;`)
  }

  override async down(): Promise<void> {
    this.addSql(
      `DROP FUNCTION IF EXISTS bank_transfer_record_state(integer[], jsonb, jsonb, timestamptz, timestamptz);`
    )
  }
}
