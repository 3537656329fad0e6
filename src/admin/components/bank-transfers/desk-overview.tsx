import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useStats } from "../../hooks/queries"
import { useI18n } from "../../hooks/use-i18n"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import type { Stats } from "../../../types/http"
import type { AwaitedBucket, AwaitedMoney } from "../../../types/desk"

/** A link to a tab of this page (the tab and its filters live in the URL). */
function tabLink(tab: string, filters: Record<string, string | null> = {}) {
  const params = new URLSearchParams({ tab })
  for (const [k, v] of Object.entries(filters)) {
    if (v) {
      params.set(k, v)
    }
  }
  return { search: `?${params.toString()}` }
}

/** One work queue: its size is the link to its list. */
function QueueCard({
  queue,
  label,
  count,
  hint,
  tab,
}: {
  queue: string
  label: string
  count: number
  hint: string
  tab: string
}) {
  const { number } = useI18n()
  return (
    <Container
      className="flex flex-col gap-y-1 px-4 py-3"
      data-testid={`bt-queue-${queue}`}
    >
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Link
        to={tabLink(tab)}
        className={
          count
            ? "text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            : "text-ui-fg-muted hover:text-ui-fg-subtle"
        }
        data-testid={`bt-queue-${queue}-link`}
      >
        <Heading level="h2" data-testid={`bt-queue-${queue}-count`}>
          {number(count)}
        </Heading>
      </Link>
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    </Container>
  )
}

const BUCKET_LABELS: Record<string, string> = {
  "0_1": "bankTransfer.desk.bucket0to1",
  "2_3": "bankTransfer.desk.bucket2to3",
  "4_5": "bankTransfer.desk.bucket4to5",
  over_5: "bankTransfer.desk.bucketOver5",
}

/** The money one currency's open orders still await, and how long they have waited. */
function Awaited({ awaited }: { awaited: AwaitedMoney }) {
  const { t, money, number } = useI18n()
  const c = awaited.currency_code
  return (
    <Container
      className="flex flex-col gap-y-3 px-4 py-3"
      data-testid="bt-awaited"
      data-currency={c}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("bankTransfer.desk.awaitedTitle", { currency: c })}
          </Text>
          <Link
            to={tabLink("awaiting", { currency: c })}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
            data-testid="bt-awaited-total"
          >
            <Heading level="h2">{money(awaited.remaining, c)}</Heading>
          </Link>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {t("bankTransfer.desk.openOrders", {
            count: awaited.count,
            orders: number(awaited.count),
          })}
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {awaited.buckets.map((b) => (
          <BucketCell key={b.key} bucket={b} currency={c} />
        ))}
      </div>
    </Container>
  )
}

function BucketCell({
  bucket: b,
  currency,
}: {
  bucket: AwaitedBucket
  currency: string
}) {
  const { t, money, number } = useI18n()
  const late = b.key === "over_5" && b.count > 0
  return (
    <Link
      to={tabLink("awaiting", {
        currency,
        placed_from: b.placed_from,
        placed_before: b.placed_before,
      })}
      className="bg-ui-bg-subtle hover:bg-ui-bg-subtle-hover flex flex-col gap-y-0.5 rounded-md px-3 py-2"
      data-testid={`bt-bucket-${b.key}`}
    >
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t(BUCKET_LABELS[b.key] ?? "bankTransfer.desk.bucketOver5")}
      </Text>
      <Text
        size="small"
        weight="plus"
        className={late ? "text-ui-fg-error" : undefined}
        data-testid={`bt-bucket-${b.key}-amount`}
      >
        {money(b.remaining, currency)}
      </Text>
      <Text
        size="xsmall"
        className="text-ui-fg-muted"
        data-testid={`bt-bucket-${b.key}-count`}
      >
        {t("bankTransfer.desk.bucketOrders", {
          count: b.count,
          orders: number(b.count),
        })}
      </Text>
    </Link>
  )
}

/**
 * The landing tab of the desk: what needs doing, as one card per work queue whose figure opens
 * its list, then the money still awaited per currency by age in business days. All from one
 * request (GET /admin/bank-transfer/stats), polled every minute.
 */
export function DeskOverview() {
  const { t, number } = useI18n()
  const { data, isLoading, isError, error } = useStats()
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error px-6">
        {isMissingRoute(error)
          ? t("bankTransfer.desk.notAvailable")
          : t("bankTransfer.desk.loadError", {
              message: errorMessage(error, t),
            })}
      </Text>
    )
  }
  if (isLoading || !data) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6">
        {t("bankTransfer.common.loading")}
      </Text>
    )
  }
  const s: Stats = data.stats
  const queues = [
    {
      queue: "attention",
      tab: "attention",
      label: t("bankTransfer.desk.attention"),
      count: (s.attention_transactions ?? 0) + (s.attention_orders ?? 0),
      hint: t("bankTransfer.desk.attentionHint", {
        transactions: number(s.attention_transactions ?? 0),
        orders: number(s.attention_orders ?? 0),
      }),
    },
    {
      queue: "confirmed",
      tab: "confirmed",
      label: t("bankTransfer.desk.confirmed"),
      count: s.customer_confirmed,
      hint: t("bankTransfer.desk.confirmedCardHint"),
    },
    {
      queue: "suggestions",
      tab: "suggestions",
      label: t("bankTransfer.desk.suggestions"),
      count: s.suggestions_pending,
      hint: t("bankTransfer.desk.suggestionsHint"),
    },
    {
      queue: "duplicates",
      tab: "duplicates",
      label: t("bankTransfer.desk.duplicates"),
      count: s.possible_duplicates ?? 0,
      hint: t("bankTransfer.desk.duplicatesHint"),
    },
    {
      queue: "unmatched",
      tab: "unmatched",
      label: t("bankTransfer.desk.unmatched"),
      count: s.unmatched,
      hint: t("bankTransfer.desk.unmatchedHint"),
    },
    // Shown once the server counts money to return (the returns queue).
    ...(s.returns_open === undefined
      ? []
      : [
          {
            queue: "returns",
            tab: "returns",
            label: t("bankTransfer.desk.returns"),
            count: s.returns_open,
            hint: t("bankTransfer.desk.returnsHint"),
          },
        ]),
  ]
  return (
    <div className="flex flex-col gap-y-4 px-6" data-testid="bt-overview">
      <Heading level="h2">{t("bankTransfer.desk.queuesTitle")}</Heading>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {queues.map((q) => (
          <QueueCard key={q.queue} {...q} />
        ))}
      </div>
      <Heading level="h2">{t("bankTransfer.desk.awaitedHeading")}</Heading>
      {(s.awaited ?? []).length ? (
        (s.awaited ?? []).map((a) => (
          <Awaited key={a.currency_code} awaited={a} />
        ))
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="bt-awaited-none"
        >
          {t("bankTransfer.desk.awaitedNone")}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("bankTransfer.desk.ageNote")}
      </Text>
    </div>
  )
}
