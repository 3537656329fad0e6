import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { useMatchCandidates } from "../../hooks/candidates"
import { useDebounced } from "../../hooks/use-debounced"
import { useI18n } from "../../hooks/use-i18n"
import { errorMessage } from "../../lib/errors"
import { reasonText } from "../../lib/reasons"
import type { MatchCandidate } from "../../../types/http"

const PAGE = 5

/** Score → badge colour: evidence (≥ 70), some (≥ 30), little. */
const colour = (score: number) =>
  score >= 70 ? "green" : score >= 30 ? "orange" : "grey"

/**
 * The open orders this transaction may pay, best first, each with why (the matcher's reasons),
 * searchable by customer; "Select" puts the order into the allocation below.
 */
export function MatchCandidates({
  transactionId,
  selected,
  onSelect,
}: {
  transactionId: string
  /** Order ids already in the allocation. */
  selected: ReadonlySet<string>
  onSelect: (candidate: MatchCandidate) => void
}) {
  const { t, lang, money, date } = useI18n()
  const [search, setSearch] = useState("")
  const [offset, setOffset] = useState(0)
  const q = useDebounced(search.trim())
  useEffect(() => setOffset(0), [q, transactionId])
  const { data, error, isLoading } = useMatchCandidates(transactionId, {
    q: q || undefined,
    limit: PAGE,
    offset,
  })
  const list = data?.candidates ?? []
  const count = data?.count ?? 0
  return (
    <div
      className="flex flex-col gap-y-3 rounded-lg border px-4 py-3"
      data-testid="bt-candidates"
    >
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {t("bankTransfer.candidates.title")}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("bankTransfer.candidates.hint")}
        </Text>
      </div>
      <Input
        type="search"
        size="small"
        aria-label={t("bankTransfer.candidates.searchLabel")}
        placeholder={t("bankTransfer.candidates.searchPlaceholder")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="bt-candidates-search"
      />
      {error && (
        <Text size="xsmall" className="text-ui-fg-error">
          {errorMessage(error, t)}
        </Text>
      )}
      {isLoading && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("bankTransfer.common.loading")}
        </Text>
      )}
      {!isLoading && !error && !list.length && (
        <Text
          size="xsmall"
          className="text-ui-fg-muted"
          data-testid="bt-candidates-empty"
        >
          {q
            ? t("bankTransfer.candidates.emptySearch", { q })
            : t("bankTransfer.candidates.empty")}
        </Text>
      )}
      <ul className="flex flex-col gap-y-2">
        {list.map((c) => {
          const chosen = selected.has(c.order_id)
          return (
            <li
              key={c.expectation_id}
              className="bg-ui-bg-subtle flex items-start justify-between gap-x-3 rounded-md border px-3 py-2"
              data-testid="bt-candidate"
              data-order-id={c.order_id}
            >
              <div className="flex min-w-0 flex-col gap-y-0.5">
                <div className="flex flex-wrap items-center gap-x-2">
                  <Link
                    to={`/orders/${c.order_id}`}
                    className="text-ui-fg-interactive txt-compact-small-plus hover:underline"
                  >
                    {t("bankTransfer.candidates.order", {
                      order: c.display_id,
                    })}
                  </Link>
                  <Text size="small">
                    {c.customer.name ?? t("bankTransfer.candidates.noName")}
                  </Text>
                  <Badge
                    size="2xsmall"
                    color={colour(c.score)}
                    data-testid="bt-candidate-score"
                  >
                    {t("bankTransfer.candidates.score", { score: c.score })}
                  </Badge>
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle break-all">
                  {[c.customer.email, c.customer.phone, c.customer.company_name]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("bankTransfer.candidates.remaining", {
                    amount: money(c.amount_remaining, c.currency_code),
                  })}
                  {" · "}
                  {t("bankTransfer.candidates.placed", {
                    date: date(c.placed_at),
                  })}
                </Text>
                <Text
                  size="xsmall"
                  className="text-ui-fg-muted"
                  data-testid="bt-candidate-reasons"
                >
                  {c.reasons.map((r) => reasonText(r, t, lang)).join(" · ")}
                </Text>
              </div>
              <Button
                size="small"
                className="shrink-0 whitespace-nowrap"
                variant={chosen ? "transparent" : "secondary"}
                disabled={chosen}
                onClick={() => onSelect(c)}
                data-testid="bt-candidate-select"
              >
                {chosen
                  ? t("bankTransfer.candidates.selected")
                  : t("bankTransfer.candidates.select")}
              </Button>
            </li>
          )
        })}
      </ul>
      {count > PAGE && (
        <div className="flex items-center justify-between gap-x-2">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("bankTransfer.candidates.range", {
              from: offset + 1,
              to: Math.min(offset + PAGE, count),
              count,
            })}
          </Text>
          <div className="flex gap-x-2">
            <Button
              size="small"
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t("bankTransfer.pagination.prev")}
            </Button>
            <Button
              size="small"
              variant="secondary"
              disabled={offset + PAGE >= count}
              onClick={() => setOffset(offset + PAGE)}
              data-testid="bt-candidates-next"
            >
              {t("bankTransfer.pagination.next")}
            </Button>
          </div>
        </div>
      )}
      {data?.capped && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("bankTransfer.candidates.capped")}
        </Text>
      )}
    </div>
  )
}
