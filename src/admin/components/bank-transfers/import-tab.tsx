import {
  Badge,
  Button,
  Heading,
  Label,
  Select,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { ArrowUpTray } from "@medusajs/icons"
import { useRef, useState } from "react"
import { ImportPreview } from "./import-preview"
import { ImportsHistory } from "./imports-history"
import { useCommitImport, useUploadStatement } from "../../hooks/mutations"
import { useColumnMappings } from "../../hooks/queries"
import { commitSummary } from "../../lib/import-lines"
import { useI18n } from "../../hooks/use-i18n"
import type { Translate } from "../../lib/i18n"
import type { ImportSum, StatementImport } from "../../../types/http"

const ACCEPT = ".csv,.xlsx,.xls,.xml,.camt,.053,.sta,.mt940,.940,.ofx,.qfx,.txt"

/** Returns the mapping text as a JSON string, or an error message: checked here, not by a 400. */
function checkMapping(
  text: string,
  t: Translate
): { json?: string; error?: string } {
  if (!text.trim()) {
    return {}
  }
  try {
    const parsed = JSON.parse(text)
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      return { error: t("bankTransfer.import.mappingNotObject") }
    }
    return { json: JSON.stringify(parsed) }
  } catch (e) {
    return {
      error: t("bankTransfer.import.mappingInvalid", {
        message: (e as Error).message,
      }),
    }
  }
}

/**
 * Upload a bank statement, see what it contains and what is new, then commit. Nothing reaches the
 * ledger before Commit; a file that does not parse is refused whole, with the line that failed. Lines
 * that cannot be read in a file that otherwise holds together are listed, and left out on commit
 * once the accountant confirms.
 */
export function ImportTab() {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [mapping, setMapping] = useState("")
  // "auto", "preset:VCB" or "saved:<mapping id>"
  const [columns, setColumns] = useState("auto")
  const { data: mappings } = useColumnMappings()
  const [showMapping, setShowMapping] = useState(false)
  const [preview, setPreview] = useState<StatementImport | null>(null)
  /** The last commit, with the counts and sums the server read back from what it stored. */
  const [committed, setCommitted] = useState<{
    import: StatementImport
    added: number
  } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const uploadStatement = useUploadStatement()
  const commit = useCommitImport()
  const mappingCheck = checkMapping(mapping, t)

  const upload = () => {
    if (!file) {
      return
    }
    setProblem(null)
    setPreview(null)
    setCommitted(null)
    uploadStatement.mutate(
      {
        file,
        mapping: mappingCheck.json,
        preset: columns.startsWith("preset:") ? columns.slice(7) : undefined,
        mapping_id: columns.startsWith("saved:") ? columns.slice(6) : undefined,
      },
      {
        onSuccess: (res) => setPreview(res.import),
        // The toast says it too; kept on the page because it names the line to fix.
        onError: (e) => setProblem((e as Error).message),
      }
    )
  }

  const doCommit = (skipRejected: boolean) =>
    preview &&
    commit.mutate(
      { id: preview.id, skip_rejected_lines: skipRejected },
      {
        onSuccess: (res) => {
          const c = res.import?.counts ?? preview.counts
          const added = c.added ?? res.added ?? c.new
          const others = [
            c.already_received !== undefined
              ? t("bankTransfer.importLines.alreadyReceived", {
                  count: c.already_received,
                })
              : t("bankTransfer.import.alreadyKnown", { count: c.known }),
            ...(c.possible_duplicates
              ? [
                  t("bankTransfer.importLines.heldForReview", {
                    count: c.possible_duplicates,
                  }),
                ]
              : []),
          ]
          toast.success(
            t("bankTransfer.import.imported", {
              count: added,
              others: others.join(", "),
            })
          )
          setCommitted({
            import: { ...preview, ...res.import, counts: c },
            added,
          })
          setPreview(null)
          setFile(null)
          if (inputRef.current) {
            inputRef.current.value = ""
          }
        },
      }
    )

  return (
    <div className="flex flex-col gap-y-6 px-6" data-testid="bt-import-tab">
      <div className="flex flex-col gap-y-3">
        <Text size="small" className="text-ui-fg-subtle">
          {t("bankTransfer.import.hint")}
        </Text>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="bt-import-file" size="xsmall" weight="plus">
              {t("bankTransfer.import.file")}
            </Label>
            {/* The browser's own file input speaks the browser's language ("Choose File"), not the
                admin's: it is hidden, and a Medusa UI button opens it. */}
            <input
              ref={inputRef}
              id="bt-import-file"
              type="file"
              className="sr-only"
              accept={ACCEPT}
              data-testid="bt-import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setPreview(null)
                setProblem(null)
              }}
            />
            <div className="flex h-8 items-center gap-x-2">
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={() => inputRef.current?.click()}
                data-testid="bt-import-choose"
              >
                {t("bankTransfer.import.chooseFile")}
              </Button>
              <Text
                size="small"
                className="text-ui-fg-subtle max-w-[240px] truncate"
                data-testid="bt-import-file-name"
              >
                {file ? file.name : t("bankTransfer.import.noFile")}
              </Text>
            </div>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall" weight="plus">
              {t("bankTransfer.import.columns")}
            </Label>
            <Select size="small" value={columns} onValueChange={setColumns}>
              <Select.Trigger
                className="w-56"
                aria-label={t("bankTransfer.import.columns")}
                data-testid="bt-import-columns"
              >
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="auto">
                  {t("bankTransfer.import.auto")}
                </Select.Item>
                {Object.keys(mappings?.presets ?? {}).map((code) => (
                  <Select.Item key={code} value={`preset:${code}`}>
                    {t("bankTransfer.import.preset", { bank: code })}
                  </Select.Item>
                ))}
                {(mappings?.mappings ?? []).map((m) => (
                  <Select.Item key={m.id} value={`saved:${m.id}`}>
                    {t("bankTransfer.import.saved", { name: m.name })}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <Button
            size="small"
            disabled={
              !file || !!mappingCheck.error || uploadStatement.isPending
            }
            isLoading={uploadStatement.isPending}
            onClick={upload}
            data-testid="bt-import-upload"
          >
            <ArrowUpTray />
            {t("bankTransfer.import.upload")}
          </Button>
          <Button
            size="small"
            variant="transparent"
            onClick={() => setShowMapping(!showMapping)}
          >
            {showMapping
              ? t("bankTransfer.import.hideMapping")
              : t("bankTransfer.import.showMapping")}
          </Button>
        </div>
        {showMapping && (
          <div className="flex max-w-2xl flex-col gap-y-1">
            <Label htmlFor="bt-import-mapping" size="xsmall" weight="plus">
              {t("bankTransfer.import.mappingLabel")}
            </Label>
            <Textarea
              id="bt-import-mapping"
              rows={4}
              className="font-mono"
              placeholder='{ "date": "Ngày giao dịch", "credit": "Số tiền ghi có", "debit": "Số tiền ghi nợ", "memo": "Nội dung", "date_format": "dd/mm/yyyy" }'
              value={mapping}
              onChange={(e) => setMapping(e.target.value)}
            />
            {mappingCheck.error && (
              <Text size="xsmall" className="text-ui-fg-error">
                {mappingCheck.error}
              </Text>
            )}
          </div>
        )}
        {problem && (
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="bt-import-error"
          >
            {problem}
          </Text>
        )}
      </div>

      {preview && (
        <ImportPreview
          preview={preview}
          committing={commit.isPending}
          onCommit={doCommit}
          onCancel={() => setPreview(null)}
        />
      )}

      {committed && (
        <CommitResult result={committed} onClose={() => setCommitted(null)} />
      )}

      <ImportsHistory />
    </div>
  )
}

const SUM_LABEL: Record<ImportSum["status"], string> = {
  new_movement: "bankTransfer.import.sumAdded",
  same_movement: "bankTransfer.import.sumAlreadyReceived",
  possible_duplicate: "bankTransfer.import.sumHeld",
}

/**
 * What the commit stored, as the server counted it from the ledger afterwards: lines added,
 * already received, held as possible duplicates, and the totals per currency (decimal strings from
 * the database, shown as they are).
 */
function CommitResult({
  result,
  onClose,
}: {
  result: { import: StatementImport; added: number }
  onClose: () => void
}) {
  const { t, money } = useI18n()
  const c = result.import.counts
  const order = Object.keys(SUM_LABEL)
  const sums = [...(c.sums ?? [])].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status)
  )
  return (
    <div
      className="flex flex-col gap-y-2 rounded-lg border px-4 py-3"
      data-testid="bt-import-result"
    >
      <div className="flex items-center justify-between gap-x-3">
        <Heading level="h3">
          {t("bankTransfer.import.resultTitle", {
            file: result.import.file_name,
          })}
        </Heading>
        <Button size="small" variant="transparent" onClick={onClose}>
          {t("bankTransfer.common.close")}
        </Button>
      </div>
      <Text size="small" data-testid="bt-import-result-counts">
        {commitSummary(c, t, result.added)}
      </Text>
      {sums.length > 0 && (
        <div
          className="flex flex-wrap gap-2"
          data-testid="bt-import-result-sums"
        >
          {sums.map((s) => (
            <Badge
              key={`${s.status}-${s.currency_code}`}
              size="2xsmall"
              color={
                s.status === "possible_duplicate"
                  ? "orange"
                  : s.status === "new_movement"
                    ? "green"
                    : "grey"
              }
            >
              {t("bankTransfer.import.sum", {
                label: SUM_LABEL[s.status] ? t(SUM_LABEL[s.status]) : s.status,
                count: s.lines,
                amount: money(s.total, s.currency_code),
              })}
            </Badge>
          ))}
        </div>
      )}
      {!!c.possible_duplicates && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("bankTransfer.import.heldNote")}
        </Text>
      )}
    </div>
  )
}
