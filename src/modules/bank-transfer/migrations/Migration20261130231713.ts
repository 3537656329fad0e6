import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130231713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_expectation" drop constraint if exists "bank_transfer_expectation_status_check";`);

    this.addSql(`alter table if exists "bank_transfer_expectation" add column if not exists "captured_in_medusa" numeric not null default 0, add column if not exists "amount_refunded" numeric not null default 0, add column if not exists "amount_to_return" numeric not null default 0, add column if not exists "attention_reason" text null, add column if not exists "raw_captured_in_medusa" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_amount_refunded" jsonb not null default '{"value":"0","precision":20}', add column if not exists "raw_amount_to_return" jsonb not null default '{"value":"0","precision":20}';`);
    this.addSql(`alter table if exists "bank_transfer_expectation" add constraint "bank_transfer_expectation_status_check" check("status" in ('awaiting_transfer', 'partially_paid', 'paid', 'awaiting_customer_confirmation', 'customer_confirmed', 'tentatively_canceled', 'needs_attention', 'canceled', 'refunded'));`);

    this.addSql(`alter table if exists "bank_transfer_suggestion" add column if not exists "decision_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_expectation" drop constraint if exists "bank_transfer_expectation_status_check";`);

    this.addSql(`alter table if exists "bank_transfer_expectation" drop column if exists "captured_in_medusa", drop column if exists "amount_refunded", drop column if exists "amount_to_return", drop column if exists "attention_reason", drop column if exists "raw_captured_in_medusa", drop column if exists "raw_amount_refunded", drop column if exists "raw_amount_to_return";`);

    this.addSql(`alter table if exists "bank_transfer_expectation" add constraint "bank_transfer_expectation_status_check" check("status" in ('awaiting_transfer', 'partially_paid', 'paid', 'awaiting_customer_confirmation', 'customer_confirmed', 'tentatively_canceled', 'canceled', 'refunded'));`);

    this.addSql(`alter table if exists "bank_transfer_suggestion" drop column if exists "decision_reason";`);
  }

}
