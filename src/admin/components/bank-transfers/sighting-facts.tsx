import type { ReactNode } from "react"
import { Badge, Text, clx } from "@medusajs/ui"
import { formatMoney } from "../../lib/money"
import { formatDateTime } from "../../lib/dates"
import { sourceLabel } from "../../lib/status"
import type { Sighting } from "../../../types/http"

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
      className="grid grid-cols-[7rem_1fr] items-start gap-x-3 py-0.5"
      data-testid={testId}
    >
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-small min-w-0">{children}</div>
    </div>
  )
}

/** "SePay", or "Statement, row 12" for a line of a statement file. */
export function reportOrigin(s: Pick<Sighting, "source" | "line">): string {
  return s.line ? `${sourceLabel(s.source)}, ${s.line}` : sourceLabel(s.source)
}

/**
 * One report of a bank movement (a webhook delivery, a statement line) as the accountant compares
 * it: where it came from, when the bank booked it (in the shop's time zone), the amount, the
 * account, the memo as the bank wrote it, and its place in its file.
 */
export function SightingFacts({
  sighting: s,
  timeZone,
  className,
}: {
  sighting: Sighting
  timeZone?: string
  className?: string
}) {
  const refs = (s.bank_references ?? []).filter(Boolean)
  return (
    <div
      className={clx("flex flex-col", className)}
      data-testid="bt-sighting"
      data-sighting-id={s.id}
      data-source={s.source}
    >
      <Fact label="Source" testId="bt-sighting-source">
        {sourceLabel(s.source)}
        {s.external_id && (
          <span className="text-ui-fg-muted txt-compact-xsmall">
            {" "}
            · id {s.external_id}
          </span>
        )}
      </Fact>
      <Fact label="Booked" testId="bt-sighting-booked">
        {formatDateTime(s.booked_at, timeZone)}
      </Fact>
      <Fact label="Amount" testId="bt-sighting-amount">
        {s.direction === "out" ? "−" : ""}
        {formatMoney(s.amount, s.currency_code)}
      </Fact>
      <Fact label="Account">
        {s.account ?? <span className="text-ui-fg-muted">not given</span>}
      </Fact>
      <Fact label="Memo" testId="bt-sighting-memo">
        {s.memo ? (
          <span className="break-all font-mono">{s.memo}</span>
        ) : (
          <span className="text-ui-fg-muted">(no memo)</span>
        )}
      </Fact>
      {s.counterparty_name && <Fact label="From">{s.counterparty_name}</Fact>}
      {s.line && (
        <Fact label="Line in file" testId="bt-sighting-line">
          {s.line}
        </Fact>
      )}
      {refs.length > 0 && (
        <Fact label="Bank reference">
          <span className="flex flex-wrap gap-1">
            {refs.map((r) => (
              <Badge key={r} size="2xsmall" className="font-mono">
                {r}
              </Badge>
            ))}
          </span>
        </Fact>
      )}
    </div>
  )
}
