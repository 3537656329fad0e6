import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130210004 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_payment_confirmation" add constraint "bank_transfer_payment_confirmation_expectation_id_foreign" foreign key ("expectation_id") references "bank_transfer_expectation" ("id") on update cascade;`);

    this.addSql(`alter table if exists "bank_transfer_suggestion" add constraint "bank_transfer_suggestion_transaction_id_foreign" foreign key ("transaction_id") references "bank_transfer_transaction" ("id") on update cascade;`);
    this.addSql(`alter table if exists "bank_transfer_suggestion" add constraint "bank_transfer_suggestion_expectation_id_foreign" foreign key ("expectation_id") references "bank_transfer_expectation" ("id") on update cascade;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_transaction_id" ON "bank_transfer_suggestion" ("transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_suggestion_expectation_id" ON "bank_transfer_suggestion" ("expectation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "bank_transfer_sighting" add constraint "bank_transfer_sighting_transaction_id_foreign" foreign key ("transaction_id") references "bank_transfer_transaction" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "bank_transfer_allocation" add constraint "bank_transfer_allocation_transaction_id_foreign" foreign key ("transaction_id") references "bank_transfer_transaction" ("id") on update cascade;`);
    this.addSql(`alter table if exists "bank_transfer_allocation" add constraint "bank_transfer_allocation_expectation_id_foreign" foreign key ("expectation_id") references "bank_transfer_expectation" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_allocation" drop constraint if exists "bank_transfer_allocation_transaction_id_foreign";`);
    this.addSql(`alter table if exists "bank_transfer_allocation" drop constraint if exists "bank_transfer_allocation_expectation_id_foreign";`);

    this.addSql(`alter table if exists "bank_transfer_payment_confirmation" drop constraint if exists "bank_transfer_payment_confirmation_expectation_id_foreign";`);

    this.addSql(`alter table if exists "bank_transfer_sighting" drop constraint if exists "bank_transfer_sighting_transaction_id_foreign";`);

    this.addSql(`alter table if exists "bank_transfer_suggestion" drop constraint if exists "bank_transfer_suggestion_transaction_id_foreign";`);
    this.addSql(`alter table if exists "bank_transfer_suggestion" drop constraint if exists "bank_transfer_suggestion_expectation_id_foreign";`);

    this.addSql(`drop index if exists "IDX_bank_transfer_suggestion_transaction_id";`);
    this.addSql(`drop index if exists "IDX_bank_transfer_suggestion_expectation_id";`);
  }

}
