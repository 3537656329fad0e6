import { useState } from "react"
import { Badge, Button, Heading, Table, Text } from "@medusajs/ui"
import { useI18n } from "../../hooks/use-i18n"
import { ConfirmPrompt } from "../common/confirm-prompt"
import { RejectedLinesList } from "./rejected-lines-list"
import { useShopTimeZone } from "../../hooks/queries"
import { lineStatus } from "../../lib/import-lines"
import { fileLocation } from "../../lib/status"
import { PreviewLineOrders } from "./preview-line-orders"
import type { StatementImport } from "../../../types/http"

const OUTCOME: Record<string, string> = {
  apply: "bankTransfer.importPreview.outcomeApply",
  suggest: "bankTransfer.importPreview.outcomeSuggest",
  unmatched: "bankTransfer.importPreview.outcomeUnmatched",
  ignore: "bankTransfer.importPreview.outcomeIgnore",
  not_previewed: "bankTransfer.importPreview.outcomeOnCommit",
}

const BADGE = {
  new: "green",
  known: "grey",
  possible_duplicate: "orange",
} as const

type Props = {
  preview: StatementImport
  committing: boolean
  /** `skipRejected`: the accountant confirmed leaving the unreadable lines out. */
  onCommit: (skipRejected: boolean) => void
  onCancel: () => void
}

/**
 * What the file holds, line by line: which lines are new, which were already received (and how),
 * which will be held as possible duplicates, and which could not be read (left out; committing
 * then asks for confirmation). The accountant's last check before commit.
 */
export function ImportPreview({
  preview,
  committing,
  onCommit,
  onCancel,
}: Props) {
  const c = preview.counts
  const lines = preview.lines ?? []
  const timeZone = useShopTimeZone()
  const held = c.possible_duplicates ?? 0
  const rejected = preview.rejected_lines ?? []
  const [confirming, setConfirming] = useState(false)
  const { t, money, dateTime } = useI18n()
  return (
    <div
      className="flex flex-col gap-y-3 rounded-lg border"
      data-testid="bt-import-preview"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 pt-4">
        <div>
          <Heading level="h3">{preview.file_name}</Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {preview.format}
            {preview.preset ? ` · ${preview.preset}` : ""}
          </Text>
          {(preview.warnings ?? []).map((w) => (
            <Text
              key={`${w.line}:${w.message}`}
              size="xsmall"
              className="text-ui-fg-muted"
              data-testid="bt-import-warning"
            >
              {t("bankTransfer.importPreview.warning", {
                line: fileLocation(w.line, t),
                message: w.message,
              })}
            </Text>
          ))}
        </div>
        <div className="flex flex-wrap gap-2" data-testid="bt-import-counts">
          <Badge size="2xsmall">
            {t("bankTransfer.importPreview.lines", { count: c.lines })}
          </Badge>
          <Badge size="2xsmall" color="blue">
            {t("bankTransfer.importPreview.incoming", { count: c.incoming })}
          </Badge>
          <Badge size="2xsmall">
            {t("bankTransfer.importPreview.outgoing", { count: c.outgoing })}
          </Badge>
          <Badge size="2xsmall" color="green" data-testid="bt-import-new">
            {t("bankTransfer.importPreview.new", { count: c.new })}
          </Badge>
          <Badge size="2xsmall" color="grey" data-testid="bt-import-known">
            {t("bankTransfer.importLines.alreadyReceived", { count: c.known })}
          </Badge>
          {held > 0 && (
            <Badge size="2xsmall" color="orange" data-testid="bt-import-held">
              {t("bankTransfer.importPreview.held", { count: held })}
            </Badge>
          )}
          {c.would_apply !== undefined && (
            <Badge size="2xsmall" color="green">
              {t("bankTransfer.importPreview.willApply", {
                count: c.would_apply,
              })}
            </Badge>
          )}
          {c.would_suggest !== undefined && (
            <Badge size="2xsmall" color="orange">
              {t("bankTransfer.importPreview.willSuggest", {
                count: c.would_suggest,
              })}
            </Badge>
          )}
          {!!c.would_overpay && (
            <Badge
              size="2xsmall"
              color="red"
              data-testid="bt-import-overpay-count"
            >
              {t("bankTransfer.previewOrders.willOverpay", {
                count: c.would_overpay,
              })}
            </Badge>
          )}
        </div>
      </div>
      {rejected.length > 0 && <RejectedLinesList lines={rejected} />}
      <div className="max-h-[420px] overflow-auto border-y">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("bankTransfer.importPreview.columnLine")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.common.booked")}
              </Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                {t("bankTransfer.common.amount")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.common.memo")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.common.status")}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.map((l, i) => {
              const status = lineStatus(l, t, timeZone)
              return (
                <Table.Row
                  key={i}
                  data-testid="bt-import-line"
                  data-state={status.state}
                  className={
                    status.state === "known" ? "opacity-60" : undefined
                  }
                >
                  <Table.Cell className="whitespace-nowrap">
                    {fileLocation(l.line, t)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">
                    {dateTime(l.booked_at, timeZone)}
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap text-right">
                    {l.direction === "out" ? "−" : ""}
                    {money(l.amount, l.currency_code ?? l.currency)}
                  </Table.Cell>
                  <Table.Cell className="max-w-[360px] break-all font-mono">
                    {l.memo}
                    {l.counterparty_name && (
                      <div className="text-ui-fg-muted txt-compact-xsmall font-sans">
                        {l.counterparty_name}
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell className="max-w-[280px]">
                    <Badge
                      size="2xsmall"
                      color={BADGE[status.state]}
                      className="whitespace-normal"
                      data-testid="bt-import-line-status"
                    >
                      {status.label}
                    </Badge>
                    {status.detail && (
                      <div className="text-ui-fg-muted txt-compact-xsmall">
                        {status.detail}
                      </div>
                    )}
                    {status.state === "new" &&
                      l.outcome &&
                      (l.orders?.length || l.suggested_orders?.length ? (
                        <PreviewLineOrders
                          line={l}
                          currency={l.currency_code ?? l.currency}
                        />
                      ) : (
                        <div className="text-ui-fg-muted txt-compact-xsmall">
                          {OUTCOME[l.outcome]
                            ? t(OUTCOME[l.outcome])
                            : l.outcome}
                        </div>
                      ))}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      <div className="flex items-center justify-end gap-x-2 px-4 pb-4">
        <Button
          size="small"
          variant="secondary"
          onClick={onCancel}
          disabled={committing}
        >
          {t("bankTransfer.importPreview.discard")}
        </Button>
        <Button
          size="small"
          onClick={() =>
            rejected.length ? setConfirming(true) : onCommit(false)
          }
          isLoading={committing}
          disabled={committing || preview.status === "committed"}
          data-testid="bt-import-commit"
        >
          {held > 0
            ? t("bankTransfer.importPreview.commitHold", {
                count: c.new,
                held,
              })
            : t("bankTransfer.importPreview.commit", { count: c.new })}
        </Button>
      </div>
      <ConfirmPrompt
        open={confirming}
        onOpenChange={setConfirming}
        title={t("bankTransfer.importPreview.confirmTitle", {
          count: rejected.length,
        })}
        description={t("bankTransfer.importPreview.confirmDescription")}
        confirmText={t("bankTransfer.importPreview.confirmText")}
        onConfirm={async () => onCommit(true)}
      />
    </div>
  )
}
