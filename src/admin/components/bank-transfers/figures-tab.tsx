import { Container, Heading, Text } from "@medusajs/ui"
import { useStats } from "../../hooks/queries"
import { formatMoney } from "../../lib/money"
import { errorMessage, isMissingRoute } from "../../lib/errors"

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
  const { data, isLoading, isError, error } = useStats()
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error px-6">
        {isMissingRoute(error)
          ? "Figures are not available on this server yet."
          : `Could not load figures: ${errorMessage(error)}`}
      </Text>
    )
  }
  if (isLoading || !data) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6">
        Loading…
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
          label={`Received today (${r.currency_code})`}
          value={formatMoney(r.today, r.currency_code)}
          testId="bt-fig-today"
        />
      ))}
      {received.map((r) => (
        <Figure
          key={`w-${r.currency_code}`}
          label={`Received this week (${r.currency_code})`}
          value={formatMoney(r.week, r.currency_code)}
        />
      ))}
      <Figure
        label="Matched automatically"
        value={
          s.matched_automatically === null ? "—" : `${s.matched_automatically}%`
        }
        hint="Share of this week's matched transfers that needed nobody"
        testId="bt-fig-auto"
      />
      <Figure
        label="Suggestions waiting"
        value={s.suggestions_pending}
        testId="bt-fig-suggestions"
      />
      <Figure
        label="Unmatched transfers"
        value={s.unmatched}
        testId="bt-fig-unmatched"
      />
      <Figure label="Orders on hold (unpaid)" value={s.orders_on_hold} />
      <Figure
        label="Shoppers say they paid"
        value={s.customer_confirmed}
        hint="Waiting for an accountant to find the money"
      />
    </div>
  )
}
