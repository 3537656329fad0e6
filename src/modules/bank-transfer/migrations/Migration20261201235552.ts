import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201235552 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "bank_transfer_escalation_announcement" ("id" text not null, "items" jsonb not null, "run_at" timestamptz not null, "attempts" integer not null default 0, "leased_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_escalation_announcement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_escalation_announcement_deleted_at" ON "bank_transfer_escalation_announcement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_escalation_announcement_leased_until" ON "bank_transfer_escalation_announcement" ("leased_until") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transfer_escalation_announcement" cascade;`);
  }

}
