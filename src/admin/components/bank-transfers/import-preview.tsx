import { Badge, Button, Heading, Table, Text } from "@medusajs/ui"
import { formatMoney } from "../../lib/money"
import { formatDateTime } from "../../lib/dates"
import type { ImportLine, StatementImport } from "../../../types/http"

const OUTCOME: Record<string, string> = {
  apply: "Will be applied to its order",
  suggest: "Will be suggested",
  unmatched: "Will wait in the unmatched queue",
  ignore: "Not matched (outgoing)",
  not_previewed: "Matched on commit",
}

const isKnown = (l: ImportLine) => l.known ?? (l.state !== undefined && l.state !== "new")
const knownLabel = (l: ImportLine) => (l.state === "known_other_channel" ? "Already received (webhook)" : "Already imported")

type Props = { preview: StatementImport; committing: boolean; onCommit: () => void; onCancel: () => void }

/** What the file holds, line by line, and which lines are new: the accountant's last check. */
export function ImportPreview({ preview, committing, onCommit, onCancel }: Props) {
  const c = preview.counts
  const lines = preview.lines ?? []
  return (
    <div className="flex flex-col gap-y-3 rounded-lg border" data-testid="bt-import-preview">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 pt-4">
        <div>
          <Heading level="h3">{preview.file_name}</Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {preview.format}
          </Text>
        </div>
        <div className="flex flex-wrap gap-2" data-testid="bt-import-counts">
          <Badge size="2xsmall">{c.lines} lines</Badge>
          <Badge size="2xsmall" color="blue">
            {c.incoming} in
          </Badge>
          <Badge size="2xsmall">{c.outgoing} out</Badge>
          <Badge size="2xsmall" color="green" data-testid="bt-import-new">
            {c.new} new
          </Badge>
          <Badge size="2xsmall" color="grey">
            {c.known} already known
          </Badge>
          {c.would_apply !== undefined && (
            <Badge size="2xsmall" color="green">
              {c.would_apply} will be applied
            </Badge>
          )}
          {c.would_suggest !== undefined && (
            <Badge size="2xsmall" color="orange">
              {c.would_suggest} will be suggested
            </Badge>
          )}
        </div>
      </div>
      <div className="max-h-[420px] overflow-auto border-y">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Line</Table.HeaderCell>
              <Table.HeaderCell>Booked</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>Memo</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((l, i) => (
              <Table.Row key={i} data-testid="bt-import-line" className={isKnown(l) ? "opacity-60" : undefined}>
                <Table.Cell className="whitespace-nowrap">{String(l.line)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">{formatDateTime(l.booked_at)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap text-right">
                  {l.direction === "out" ? "−" : ""}
                  {formatMoney(l.amount, l.currency_code ?? l.currency)}
                </Table.Cell>
                <Table.Cell className="max-w-[360px] break-all font-mono">
                  {l.memo}
                  {l.counterparty_name && <div className="text-ui-fg-muted txt-compact-xsmall font-sans">{l.counterparty_name}</div>}
                </Table.Cell>
                <Table.Cell>
                  {isKnown(l) ? (
                    <Badge size="2xsmall" color="grey">
                      {knownLabel(l)}
                    </Badge>
                  ) : (
                    <Badge size="2xsmall" color="green">
                      New
                    </Badge>
                  )}
                  {l.outcome && <div className="text-ui-fg-muted txt-compact-xsmall">{OUTCOME[l.outcome] ?? l.outcome}</div>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="flex items-center justify-end gap-x-2 px-4 pb-4">
        <Button size="small" variant="secondary" onClick={onCancel} disabled={committing}>
          Discard
        </Button>
        <Button size="small" onClick={onCommit} isLoading={committing} disabled={committing || preview.status === "committed"} data-testid="bt-import-commit">
          Commit {c.new} new transaction{c.new === 1 ? "" : "s"}
        </Button>
      </div>
    </div>
  )
}
