import crypto from "crypto"
import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { bankTransferModule } from "../helpers"
import {
  ColumnMappingSchema,
  ImportFields,
  ListImportsQuery,
} from "../validators"
import { BANK_PRESETS, StatementError } from "../../../../lib/ingest/statements"
import { parseStatementOffThread } from "../../../../lib/ingest/statements/off-thread"
import { previewStatementImportWorkflow } from "../../../../workflows/ingest/preview-statement-import"

/**
 * POST /admin/bank-transfer/imports (multipart: file, and optionally mapping (JSON), preset (bank
 * code) or mapping_id) — parses the statement completely and returns the preview: lines, which are
 * new or already known from any channel, and what the matcher would do. Nothing enters the ledger
 * until the import is committed; a file that fails to parse is refused whole (400, naming the line).
 * A file with lines that cannot be read, whose balances add up without them, is previewed with
 * those lines listed in `rejected_lines`.
 */
export async function POST(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const [file] = ((req as any).files ?? []) as {
    originalname: string
    buffer: Buffer
  }[]
  if (!file) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      'No statement file: send it in the multipart field "file"'
    )
  }
  const fields = ImportFields.safeParse(req.body ?? {})
  if (!fields.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      fields.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")
    )
  }
  let mapping = fields.data.mapping
  if (fields.data.preset) {
    mapping = BANK_PRESETS[fields.data.preset.toUpperCase()]
    if (!mapping) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown preset "${fields.data.preset}" (${Object.keys(BANK_PRESETS).join(", ")})`
      )
    }
  }
  if (fields.data.mapping_id) {
    mapping = ColumnMappingSchema.parse(
      (await service.retrieveColumnMapping(fields.data.mapping_id)).mapping
    )
  }
  const options = await service.loadOptions()
  let parsed
  try {
    // In a worker thread: a 100,000-line file takes seconds of CPU, and the server keeps answering.
    parsed = await parseStatementOffThread(file.buffer, {
      fileName: file.originalname,
      maxBytes: options.import_max_bytes,
      mapping,
      expectedAccounts: options.accounts.map((a) => a.account_number),
      defaultCurrency: options.accounts[0].currency,
    })
  } catch (e) {
    if (e instanceof StatementError) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${file.originalname}: ${e.message}`
      )
    }
    throw e
  }
  // A CSV export names no account: it is the shop's receiving account in that currency, if only one.
  for (const line of parsed.lines) {
    const candidates = options.accounts.filter(
      (a) => a.currency === line.currency_code
    )
    if (!line.account && candidates.length === 1) {
      line.account = candidates[0].account_number
    }
  }
  const { result: statement } = await previewStatementImportWorkflow(
    req.scope
  ).run({
    input: {
      file_name: file.originalname,
      format: parsed.format,
      sha256: crypto.createHash("sha256").update(file.buffer).digest("hex"),
      uploaded_by: req.auth_context?.actor_id ?? null,
      lines: parsed.lines,
      rejected_lines: parsed.rejected_lines ?? [],
    },
  })
  res.status(201).json({
    import: {
      ...statement,
      accounts: parsed.accounts,
      // The bank export the header row was recognised as, and rows left out (e.g. zero amounts).
      preset: parsed.preset ?? null,
      warnings: parsed.warnings ?? [],
      // Lines that could not be read, left out: committing needs `skip_rejected_lines: true`.
      rejected_lines: parsed.rejected_lines ?? [],
    },
  })
}

/** GET /admin/bank-transfer/imports — past imports (who, when, file, counts), newest first. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, z.infer<typeof ListImportsQuery>>,
  res: MedusaResponse
) {
  const q = req.validatedQuery as z.infer<typeof ListImportsQuery>
  const [imports, count] = await bankTransferModule(
    req
  ).listAndCountStatementImports(
    {},
    {
      take: q.limit,
      skip: q.offset,
      order: { created_at: "DESC" },
      select: [
        "id",
        "file_name",
        "format",
        "status",
        "uploaded_by",
        "committed_by",
        "committed_at",
        "counts",
        "created_at",
      ],
    }
  )
  res.json({ imports, count, limit: q.limit, offset: q.offset })
}
