import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201070548 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_webhook_channel_status" drop constraint if exists "bank_transfer_webhook_channel_status_channel_unique";`);
    this.addSql(`create table if not exists "bank_transfer_webhook_channel_status" ("id" text not null, "channel" text not null, "last_delivery_at" timestamptz null, "last_error_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_webhook_channel_status_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_webhook_channel_status_deleted_at" ON "bank_transfer_webhook_channel_status" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_webhook_channel_status_channel_unique" ON "bank_transfer_webhook_channel_status" ("channel") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transfer_webhook_channel_status" cascade;`);
  }

}
