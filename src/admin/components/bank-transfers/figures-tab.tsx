import { Container, Heading, Text } from "@medusajs/ui"
import { useStats } from "../../hooks/queries"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string
  value: React.ReactNode
  hint?: string
  testId?: string
}) {
  return (
    <Container className="flex flex-col gap-y-1 px-4 py-3" data-testid={testId}>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Heading level="h2">{value}</Heading>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
    </Container>
  )
}

/** The desk's figures: money in, how much the matcher handles alone, and what waits for people. */
export function FiguresTab() {
  const { t, money, number } = useI18n()
  const { data, isLoading, isError, error } = useStats()
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error px-6">
        {isMissingRoute(error)
          ? t("bankTransfer.figures.notAvailable")
          : t("bankTransfer.figures.loadError", {
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
  const s = data.stats
  const received = s.received.length
    ? s.received
    : [{ currency_code: "VND", today: 0, week: 0 }]
  return (
    <div
      className="grid grid-cols-1 gap-3 px-6 sm:grid-cols-2 xl:grid-cols-4"
      data-testid="bt-figures-tab"
    >
      {received.map((r) => (
        <Figure
          key={`t-${r.currency_code}`}
          label={t("bankTransfer.figures.today", { currency: r.currency_code })}
          value={money(r.today, r.currency_code)}
          testId="bt-fig-today"
        />
      ))}
      {received.map((r) => (
        <Figure
          key={`w-${r.currency_code}`}
          label={t("bankTransfer.figures.week", { currency: r.currency_code })}
          value={money(r.week, r.currency_code)}
        />
      ))}
      <Figure
        label={t("bankTransfer.figures.auto")}
        value={
          s.matched_automatically === null
            ? "—"
            : t("bankTransfer.figures.percent", {
                value: number(s.matched_automatically),
              })
        }
        hint={t("bankTransfer.figures.autoHint")}
        testId="bt-fig-auto"
      />
      <Figure
        label={t("bankTransfer.figures.suggestions")}
        value={number(s.suggestions_pending)}
        testId="bt-fig-suggestions"
      />
      <Figure
        label={t("bankTransfer.figures.unmatched")}
        value={number(s.unmatched)}
        testId="bt-fig-unmatched"
      />
      <Figure
        label={t("bankTransfer.figures.onHold")}
        value={number(s.orders_on_hold)}
      />
      <Figure
        label={t("bankTransfer.figures.customerConfirmed")}
        value={number(s.customer_confirmed)}
        hint={t("bankTransfer.figures.customerConfirmedHint")}
      />
    </div>
  )
}
