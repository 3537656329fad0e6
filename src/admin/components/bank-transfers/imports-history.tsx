import { Badge, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useImports } from "../../hooks/queries"
import { formatDateTime } from "../../lib/dates"
import { commitSummary } from "../../lib/import-lines"
import { errorMessage, isMissingRoute } from "../../lib/errors"

const PAGE = 10

/** Who imported which file when, and what it added. */
export function ImportsHistory() {
  const [offset, setOffset] = useState(0)
  const { data, isLoading, isError, error } = useImports({
    limit: PAGE,
    offset,
  })
  const rows = data?.imports ?? []
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-imports-history">
      <Heading level="h3">Past imports</Heading>
      {isError ? (
        <Text
          size="small"
          className={
            isMissingRoute(error) ? "text-ui-fg-muted" : "text-ui-fg-error"
          }
        >
          {isMissingRoute(error)
            ? "Statement imports are not available on this server yet."
            : `Could not load imports: ${errorMessage(error)}`}
        </Text>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Uploaded</Table.HeaderCell>
                <Table.HeaderCell>File</Table.HeaderCell>
                <Table.HeaderCell>By</Table.HeaderCell>
                <Table.HeaderCell>Lines</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((i) => (
                <Table.Row key={i.id} data-testid="bt-import-row">
                  <Table.Cell className="whitespace-nowrap">
                    {formatDateTime(i.created_at)}
                  </Table.Cell>
                  <Table.Cell>
                    {i.file_name}
                    <div className="text-ui-fg-muted txt-compact-xsmall">
                      {i.format}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="txt-compact-xsmall text-ui-fg-subtle">
                    {i.committed_by ?? i.uploaded_by ?? "—"}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {i.status === "committed" && i.counts?.stored !== undefined
                      ? commitSummary(i.counts)
                      : `${i.counts?.lines ?? 0} lines · ${i.counts?.new ?? 0} new · ${i.counts?.known ?? 0} known`}
                  </Table.Cell>
                  <Table.Cell>
                    {i.status === "committed" ? (
                      <Badge size="2xsmall" color="green">
                        Committed{" "}
                        {i.committed_at ? formatDateTime(i.committed_at) : ""}
                      </Badge>
                    ) : (
                      <Badge size="2xsmall" color="orange">
                        Preview only
                      </Badge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text size="small" className="text-ui-fg-muted px-6 py-4">
              {isLoading ? "Loading…" : "No statement imported yet."}
            </Text>
          )}
          {count > PAGE && (
            <Table.Pagination
              count={count}
              pageSize={PAGE}
              pageIndex={Math.floor(offset / PAGE)}
              pageCount={Math.ceil(count / PAGE)}
              canPreviousPage={offset > 0}
              canNextPage={offset + PAGE < count}
              previousPage={() => setOffset(Math.max(0, offset - PAGE))}
              nextPage={() => setOffset(offset + PAGE)}
            />
          )}
        </div>
      )}
    </div>
  )
}
