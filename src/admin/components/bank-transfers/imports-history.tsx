import { Badge, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useImports } from "../../hooks/queries"
import { useI18n } from "../../hooks/use-i18n"
import { commitSummary } from "../../lib/import-lines"
import { errorMessage, isMissingRoute } from "../../lib/errors"

const PAGE = 10

/** Who imported which file when, and what it added. */
export function ImportsHistory() {
  const { t, dateTime, pagination } = useI18n()
  const [offset, setOffset] = useState(0)
  const { data, isLoading, isError, error } = useImports({
    limit: PAGE,
    offset,
  })
  const rows = data?.imports ?? []
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-imports-history">
      <Heading level="h3">{t("bankTransfer.history.title")}</Heading>
      {isError ? (
        <Text
          size="small"
          className={
            isMissingRoute(error) ? "text-ui-fg-muted" : "text-ui-fg-error"
          }
        >
          {isMissingRoute(error)
            ? t("bankTransfer.history.notAvailable")
            : t("bankTransfer.history.loadError", {
                message: errorMessage(error, t),
              })}
        </Text>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  {t("bankTransfer.history.uploaded")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.history.file")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.by")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.history.lines")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.status")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((i) => (
                <Table.Row key={i.id} data-testid="bt-import-row">
                  <Table.Cell className="whitespace-nowrap">
                    {dateTime(i.created_at)}
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
                      ? commitSummary(i.counts, t)
                      : [
                          t("bankTransfer.importPreview.lines", {
                            count: i.counts?.lines ?? 0,
                          }),
                          t("bankTransfer.importPreview.new", {
                            count: i.counts?.new ?? 0,
                          }),
                          t("bankTransfer.import.alreadyKnown", {
                            count: i.counts?.known ?? 0,
                          }),
                        ].join(" · ")}
                  </Table.Cell>
                  <Table.Cell>
                    {i.status === "committed" ? (
                      <Badge size="2xsmall" color="green">
                        {i.committed_at
                          ? t("bankTransfer.history.committedAt", {
                              when: dateTime(i.committed_at),
                            })
                          : t("bankTransfer.history.committed")}
                      </Badge>
                    ) : (
                      <Badge size="2xsmall" color="orange">
                        {t("bankTransfer.history.previewOnly")}
                      </Badge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!rows.length && (
            <Text size="small" className="text-ui-fg-muted px-6 py-4">
              {isLoading
                ? t("bankTransfer.common.loading")
                : t("bankTransfer.history.empty")}
            </Text>
          )}
          {count > PAGE && (
            <Table.Pagination
              translations={pagination}
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
