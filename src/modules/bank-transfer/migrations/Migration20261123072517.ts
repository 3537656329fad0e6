import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123072517 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_transaction" drop constraint if exists "bank_transfer_transaction_dedupe_key_unique";`);
    this.addSql(`alter table if exists "bank_transfer_suggestion" drop constraint if exists "bank_transfer_suggestion_transaction_id_expectation_id_unique";`);
    this.addSql(`alter table if exists "bank_transfer_setting" drop constraint if exists "bank_transfer_setting_key_unique";`);
    this.addSql(`alter table if exists "bank_transfer_rejected_pair" drop constraint if exists "bank_transfer_rejected_pair_transaction_id_expectation_id_unique";`);
    this.addSql(`alter table if exists "bank_transfer_expectation" drop constraint if exists "bank_transfer_expectation_page_token_unique";`);
    this.addSql(`alter table if exists "bank_transfer_expectation" drop constraint if exists "bank_transfer_expectation_reference_unique";`);
    this.addSql(`alter table if exists "bank_transfer_expectation" drop constraint if exists "bank_transfer_expectation_order_id_unique";`);
    this.addSql(`alter table if exists "bank_transfer_column_mapping" drop constraint if exists "bank_transfer_column_mapping_name_unique";`);
    this.addSql(`alter table if exists "bank_transfer_calendar_override" drop constraint if exists "bank_transfer_calendar_override_date_unique";`);
    this.addSql(`create table if not exists "bank_transfer_allocation" ("id" text not null, "transaction_id" text not null, "expectation_id" text not null, "amount" numeric not null, "created_by" text not null, "reversed_at" timestamptz null, "reversed_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_allocation_deleted_at" ON "bank_transfer_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_allocation_transaction_id" ON "bank_transfer_allocation" ("transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_allocation_expectation_id" ON "bank_transfer_allocation" ("expectation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_audit_event" ("id" text not null, "expectation_id" text null, "transaction_id" text null, "action" text not null, "actor_type" text not null, "actor_id" text null, "message" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_audit_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_audit_event_deleted_at" ON "bank_transfer_audit_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_audit_event_expectation_id" ON "bank_transfer_audit_event" ("expectation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_audit_event_transaction_id" ON "bank_transfer_audit_event" ("transaction_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_calendar_override" ("id" text not null, "date" text not null, "kind" text check ("kind" in ('day_off', 'working_day')) not null, "name" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_calendar_override_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_calendar_override_deleted_at" ON "bank_transfer_calendar_override" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_calendar_override_date_unique" ON "bank_transfer_calendar_override" ("date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_column_mapping" ("id" text not null, "name" text not null, "bank_code" text null, "mapping" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_column_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_column_mapping_deleted_at" ON "bank_transfer_column_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_column_mapping_name_unique" ON "bank_transfer_column_mapping" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_expectation" ("id" text not null, "order_id" text not null, "order_number" text not null, "payment_collection_id" text null, "customer_id" text null, "email" text null, "reference" text not null, "memo" text not null, "currency_code" text not null, "amount_due" numeric not null, "amount_received" numeric not null default 0, "amount_remaining" numeric not null, "surplus" numeric not null default 0, "tax_code" text null, "phone" text null, "company_name" text null, "company_key" text null, "company_token" text null, "status" text check ("status" in ('awaiting_transfer', 'partially_paid', 'paid', 'awaiting_customer_confirmation', 'customer_confirmed', 'tentatively_canceled', 'canceled', 'refunded')) not null default 'awaiting_transfer', "policy" text not null default 'physical', "placed_at" timestamptz not null, "due_at" timestamptz null, "next_step" text null, "next_step_at" timestamptz null, "steps_done" jsonb not null default '{}', "account" jsonb not null, "paid_at" timestamptz null, "page_token" text not null, "metadata" jsonb null, "raw_amount_due" jsonb not null, "raw_amount_received" jsonb not null default '{"value":"0","precision":20}', "raw_amount_remaining" jsonb not null, "raw_surplus" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_expectation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_deleted_at" ON "bank_transfer_expectation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_order_id_unique" ON "bank_transfer_expectation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_reference_unique" ON "bank_transfer_expectation" ("reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_page_token_unique" ON "bank_transfer_expectation" ("page_token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_order_number" ON "bank_transfer_expectation" ("order_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_tax_code" ON "bank_transfer_expectation" ("tax_code") WHERE tax_code IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_phone" ON "bank_transfer_expectation" ("phone") WHERE phone IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_company_token" ON "bank_transfer_expectation" ("company_token") WHERE company_token IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_customer_id" ON "bank_transfer_expectation" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_currency_code_amount_remaining_status" ON "bank_transfer_expectation" ("currency_code", "amount_remaining", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_next_step_at" ON "bank_transfer_expectation" ("next_step_at") WHERE next_step_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_payment_confirmation" ("id" text not null, "expectation_id" text not null, "message" text null, "paid_on" text null, "amount" numeric null, "files" jsonb not null default '[]', "channel" text not null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_payment_confirmation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_payment_confirmation_deleted_at" ON "bank_transfer_payment_confirmation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_payment_confirmation_expectation_id" ON "bank_transfer_payment_confirmation" ("expectation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_rejected_pair" ("id" text not null, "transaction_id" text not null, "expectation_id" text not null, "rejected_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_rejected_pair_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_rejected_pair_deleted_at" ON "bank_transfer_rejected_pair" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_rejected_pair_transaction_id_expectation_id_unique" ON "bank_transfer_rejected_pair" ("transaction_id", "expectation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_setting" ("id" text not null, "key" text not null, "value" jsonb not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_setting_deleted_at" ON "bank_transfer_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_setting_key_unique" ON "bank_transfer_setting" ("key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_statement_import" ("id" text not null, "file_name" text not null, "format" text not null, "sha256" text not null, "status" text check ("status" in ('previewed', 'committed')) not null default 'previewed', "uploaded_by" text null, "committed_by" text null, "committed_at" timestamptz null, "counts" jsonb not null, "lines" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_statement_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_statement_import_deleted_at" ON "bank_transfer_statement_import" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_statement_import_sha256" ON "bank_transfer_statement_import" ("sha256") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_statement_import_created_at" ON "bank_transfer_statement_import" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_suggestion" ("id" text not null, "transaction_id" text not null, "expectation_id" text not null, "score" integer not null, "reasons" jsonb not null, "status" text check ("status" in ('pending', 'confirmed', 'rejected', 'superseded')) not null default 'pending', "decided_by" text null, "decided_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_suggestion_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_deleted_at" ON "bank_transfer_suggestion" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_transaction_id_expectation_id_unique" ON "bank_transfer_suggestion" ("transaction_id", "expectation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_expectation_id_status" ON "bank_transfer_suggestion" ("expectation_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_status" ON "bank_transfer_suggestion" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transfer_transaction" ("id" text not null, "source" text not null, "external_id" text null, "dedupe_key" text not null, "fingerprint" text not null, "account" text null, "booked_at" timestamptz not null, "amount" numeric not null, "currency_code" text not null, "direction" text check ("direction" in ('in', 'out')) not null, "memo" text not null default '', "counterparty_name" text null, "counterparty_account" text null, "raw" jsonb null, "status" text check ("status" in ('unmatched', 'matched', 'suggested', 'partially_applied', 'ignored', 'returned')) not null default 'unmatched', "amount_allocated" numeric not null default 0, "import_id" text null, "reconciled_at" timestamptz null, "raw_amount" jsonb not null, "raw_amount_allocated" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_transaction_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_deleted_at" ON "bank_transfer_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_dedupe_key_unique" ON "bank_transfer_transaction" ("dedupe_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_fingerprint" ON "bank_transfer_transaction" ("fingerprint") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_status_booked_at" ON "bank_transfer_transaction" ("status", "booked_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_booked_at" ON "bank_transfer_transaction" ("booked_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_amount" ON "bank_transfer_transaction" ("amount") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_transaction_created_at" ON "bank_transfer_transaction" ("created_at") WHERE reconciled_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transfer_allocation" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_audit_event" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_calendar_override" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_column_mapping" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_expectation" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_payment_confirmation" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_rejected_pair" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_setting" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_statement_import" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_suggestion" cascade;`);

    this.addSql(`drop table if exists "bank_transfer_transaction" cascade;`);
  }

}
