import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The buyer's name on each expectation (as given, and normalised for look-ups), for the candidates
 * of a match by hand. Expectations made before this have none: they are still offered, by their
 * other evidence, and found by email, phone or order number.
 */
export class Migration20261201233214 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_expectation" add column if not exists "customer_name" text null, add column if not exists "customer_name_key" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_expectation_customer_name_key" ON "bank_transfer_expectation" ("customer_name_key") WHERE customer_name_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_bank_transfer_expectation_customer_name_key";`);
    this.addSql(`alter table if exists "bank_transfer_expectation" drop column if exists "customer_name", drop column if exists "customer_name_key";`);
  }

}
