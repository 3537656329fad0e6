import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201024500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_statement_import" add column if not exists "rejected_lines" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_statement_import" drop column if exists "rejected_lines";`);
  }

}
