import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201233232 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_return_item" drop constraint if exists "bank_transfer_return_item_outgoing_transaction_id_unique";`);
    this.addSql(`alter table if exists "bank_transfer_return_item" drop constraint if exists "bank_transfer_return_item_cause_key_unique";`);
    this.addSql(`create table if not exists "bank_transfer_return_item" ("id" text not null, "cause" text check ("cause" in ('surplus', 'cancelled_order', 'marked_for_return', 'medusa_refund')) not null, "cause_key" text not null, "order_id" text null, "expectation_id" text null, "transaction_id" text null, "allocation_id" text null, "amount" numeric not null, "currency_code" text not null, "payer_name" text null, "payer_account" text null, "payer_bank_bin" text null, "state" text check ("state" in ('open', 'refund_recorded', 'closed', 'kept_for_customer', 'withdrawn')) not null default 'open', "medusa_amount" numeric not null default 0, "plugin_amount" numeric not null default 0, "refund_ids" jsonb not null default '[]', "refund_reason_id" text null, "note" text null, "refund_recorded_at" timestamptz null, "outgoing_transaction_id" text null, "closed_at" timestamptz null, "decided_by" text null, "decided_at" timestamptz null, "raw_amount" jsonb not null, "raw_medusa_amount" jsonb not null default '{"value":"0","precision":20}', "raw_plugin_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_return_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_deleted_at" ON "bank_transfer_return_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_cause_key_unique" ON "bank_transfer_return_item" ("cause_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_outgoing_transaction_id_unique" ON "bank_transfer_return_item" ("outgoing_transaction_id") WHERE outgoing_transaction_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_state_currency_code_amount" ON "bank_transfer_return_item" ("state", "currency_code", "amount") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_order_id" ON "bank_transfer_return_item" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_return_item_transaction_id" ON "bank_transfer_return_item" ("transaction_id") WHERE transaction_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transfer_return_item" cascade;`);
  }

}
