import { model } from "@medusajs/framework/utils"

/**
 * An uploaded bank statement: previewed first (lines parsed and kept here), then committed into the
 * ledger. Committing twice, or a file overlapping webhooks, adds nothing twice (the ledger dedupes).
 */
export const StatementImport = model
  .define(
    { name: "StatementImport", tableName: "bank_transfer_statement_import" },
    {
      id: model.id({ prefix: "btimp" }).primaryKey(),
      file_name: model.text(),
      format: model.text(),
      sha256: model.text(),
      status: model.enum(["previewed", "committed"]).default("previewed"),
      uploaded_by: model.text().nullable(),
      committed_by: model.text().nullable(),
      committed_at: model.dateTime().nullable(),
      // { lines, incoming, outgoing, new, known }
      counts: model.json(),
      // The parsed lines (amounts as strings), so that commit does not need the file again.
      lines: model.json(),
      // Lines of the file that could not be read ({ line, message }[]), left out of `lines`: shown
      // in the preview, and kept after commit as the record of what was left out and why.
      rejected_lines: model.json().nullable(),
    }
  )
  .indexes([{ on: ["sha256"] }, { on: ["created_at"] }])
