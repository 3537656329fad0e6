import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { Badge, Drawer, Heading, Text } from "@medusajs/ui"
import { TransactionStatusBadge } from "../common/badges"
import { useLedgerDetail } from "../../hooks/ledger"
import { useShopTimeZone } from "../../hooks/queries"
import { errorMessage } from "../../lib/errors"
import { actorLabel, fileLocation, sourceLabel } from "../../lib/status"
import { useI18n } from "../../hooks/use-i18n"
import type { BankTransaction } from "../../../types/http"

function Fact({
  label,
  children,
  testId,
}: {
  label: string
  children: ReactNode
  testId?: string
}) {
  return (
    <div
      className="grid grid-cols-[9rem_1fr] items-start gap-x-3 py-1"
      data-testid={testId}
    >
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small min-w-0 break-words">{children}</div>
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Heading level="h3">{title}</Heading>
      {children}
    </div>
  )
}

/**
 * The story of one movement of money: its facts, the orders it paid (one line per allocation, the
 * order's display id linking to the order in Medusa's admin, reversed ones marked), every report
 * of it (channel, statement file and line, when) and its raw payload, folded away.
 */
export function TransactionDetailDrawer({
  transaction,
  onClose,
}: {
  transaction: BankTransaction | null
  onClose: () => void
}) {
  const { t, money, dateTime } = useI18n()
  const timeZone = useShopTimeZone()
  const { data, isLoading, isError, error } = useLedgerDetail(transaction?.id)
  if (!transaction) {
    return null
  }
  const tx = data?.transaction ?? transaction
  const none = <span className="text-ui-fg-muted">—</span>
  return (
    <Drawer open onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content data-testid="bt-ledger-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("bankTransfer.ledger.title")}</Drawer.Title>
          <Drawer.Description>
            {tx.direction === "out" ? "−" : ""}
            {money(tx.amount, tx.currency_code)} ·{" "}
            {dateTime(tx.booked_at, timeZone)}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isError && (
            <Text size="small" className="text-ui-fg-error">
              {t("bankTransfer.ledger.loadError", {
                message: errorMessage(error, t),
              })}
            </Text>
          )}
          <Section title={t("bankTransfer.ledger.facts")}>
            <div className="flex flex-col">
              <Fact label={t("bankTransfer.common.booked")}>
                {dateTime(tx.booked_at, timeZone)}
              </Fact>
              <Fact label={t("bankTransfer.ledger.account")}>
                {tx.account ?? none}
              </Fact>
              <Fact
                label={t("bankTransfer.common.amount")}
                testId="bt-ledger-amount"
              >
                {tx.direction === "out" ? "−" : ""}
                {money(tx.amount, tx.currency_code)}
              </Fact>
              <Fact label={t("bankTransfer.ledger.counterparty")}>
                {tx.counterparty_name ?? none}
                {tx.counterparty_account && (
                  <span className="text-ui-fg-muted">
                    {" "}
                    · {tx.counterparty_account}
                  </span>
                )}
              </Fact>
              <Fact label={t("bankTransfer.common.memo")}>
                <span className="break-all font-mono">{tx.memo || "—"}</span>
              </Fact>
              <Fact label={t("bankTransfer.common.status")}>
                <TransactionStatusBadge status={tx.status} />
              </Fact>
              <Fact label={t("bankTransfer.common.source")}>
                {sourceLabel(tx.source, t)}
              </Fact>
            </div>
          </Section>

          <Section title={t("bankTransfer.ledger.orders")}>
            {isLoading && (
              <Text size="small" className="text-ui-fg-muted">
                {t("bankTransfer.common.loading")}
              </Text>
            )}
            {data && !data.allocations.length && (
              <Text size="small" className="text-ui-fg-muted">
                {t("bankTransfer.ledger.noOrders")}
              </Text>
            )}
            {data?.allocations.map((a) => (
              <div
                key={a.id}
                className="bg-ui-bg-subtle flex flex-col gap-y-0.5 rounded-md px-3 py-2"
                data-testid="bt-ledger-allocation"
                data-reversed={a.reversed_at ? "true" : "false"}
              >
                <div className="flex items-center justify-between gap-x-2">
                  {a.order_id ? (
                    <Link
                      to={`/orders/${a.order_id}`}
                      className="text-ui-fg-interactive txt-compact-small-plus hover:underline"
                      data-testid="bt-ledger-order-link"
                    >
                      {t("bankTransfer.ledger.order", {
                        id: a.order_display_id ?? a.order_id,
                      })}
                    </Link>
                  ) : (
                    none
                  )}
                  <span
                    className={
                      a.reversed_at
                        ? "txt-compact-small text-ui-fg-muted line-through"
                        : "txt-compact-small"
                    }
                  >
                    {money(a.amount, tx.currency_code)}
                  </span>
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("bankTransfer.ledger.allocatedBy", {
                    who: actorLabel(a.created_by, t),
                    when: dateTime(a.created_at, timeZone),
                  })}
                </Text>
                {a.reversed_at && (
                  <Badge size="2xsmall" color="orange" className="self-start">
                    {t("bankTransfer.ledger.reversed", {
                      who: actorLabel(a.reversed_by, t),
                      when: dateTime(a.reversed_at, timeZone),
                    })}
                  </Badge>
                )}
              </div>
            ))}
          </Section>

          <Section title={t("bankTransfer.ledger.reports")}>
            {data?.sightings.map((s) => (
              <div
                key={s.id}
                className="bg-ui-bg-subtle flex flex-col gap-y-0.5 rounded-md px-3 py-2"
                data-testid="bt-ledger-sighting"
              >
                <Text size="small" weight="plus">
                  {sourceLabel(s.source, t)}
                  {s.import_file_name && (
                    <span className="text-ui-fg-subtle font-normal">
                      {" "}
                      · {s.import_file_name}
                      {s.line ? `, ${fileLocation(s.line, t)}` : ""}
                    </span>
                  )}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("bankTransfer.ledger.reportedAt", {
                    when: dateTime(s.created_at, timeZone),
                    channel: s.channel,
                  })}
                </Text>
              </div>
            ))}
            {data && !data.sightings.length && (
              <Text size="small" className="text-ui-fg-muted">
                {t("bankTransfer.ledger.noReports")}
              </Text>
            )}
          </Section>

          <details data-testid="bt-ledger-raw">
            <summary className="txt-compact-small-plus cursor-pointer">
              {t("bankTransfer.ledger.raw")}
            </summary>
            <pre className="bg-ui-bg-subtle txt-compact-xsmall mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded-md p-3 font-mono">
              {data?.transaction.raw === undefined ||
              data?.transaction.raw === null
                ? "—"
                : JSON.stringify(data.transaction.raw, null, 2)}
            </pre>
          </details>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
