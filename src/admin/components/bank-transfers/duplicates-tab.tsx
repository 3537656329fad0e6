import { Badge, Button, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ConfirmPrompt } from "../common/confirm-prompt"
import { TransactionStatusBadge } from "../common/badges"
import { SightingFacts, reportOrigin } from "./sighting-facts"
import { useDuplicates, useShopTimeZone } from "../../hooks/queries"
import { useResolveDuplicate } from "../../hooks/mutations"
import { formatMoney, isNonZero } from "../../lib/money"
import { formatDateTime } from "../../lib/dates"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { basisLabel, sourceLabel } from "../../lib/status"
import type { PossibleDuplicate, StoredTwicePair } from "../../../types/http"

/**
 * Reports that may be a transfer counted twice. A held report (same account, amount and day as a
 * recorded movement, no shared bank reference, memos unrelated) is applied to nothing until the
 * accountant compares it with that movement and says "same transfer" or "different transfers".
 * Below, pairs that earlier versions may have stored twice: read-only.
 */
export function DuplicatesTab() {
  const { data, isLoading, isError, error } = useDuplicates()
  const timeZone = useShopTimeZone()
  if (isError) {
    return (
      <Text
        size="small"
        className={
          isMissingRoute(error)
            ? "text-ui-fg-muted px-6"
            : "text-ui-fg-error px-6"
        }
      >
        {isMissingRoute(error)
          ? "Possible duplicates are not available on this server yet."
          : `Could not load possible duplicates: ${errorMessage(error)}`}
      </Text>
    )
  }
  const held = data?.possible_duplicates ?? []
  const storedTwice = data?.stored_twice ?? []

  return (
    <div className="flex flex-col gap-y-6 px-6" data-testid="bt-duplicates-tab">
      <div className="flex flex-col gap-y-3">
        <Text size="small" className="text-ui-fg-subtle">
          A bank may report one transfer several times: SePay or Casso at once,
          the statement in the evening. Reports that share a bank reference or a
          memo are recognised as one transfer. These could not be told apart
          from a transfer already recorded (same account, amount and day, memos
          unrelated): they are applied to no order until you decide.
          {timeZone ? ` Times are in the shop's time zone (${timeZone}).` : ""}
        </Text>
        {isLoading && (
          <Text size="small" className="text-ui-fg-muted">
            Loading…
          </Text>
        )}
        {!isLoading && !held.length && (
          <Text
            size="small"
            className="text-ui-fg-muted"
            data-testid="bt-duplicates-empty"
          >
            No report is waiting for a decision.
          </Text>
        )}
        {held.map((d) => (
          <PossibleDuplicateCard
            key={d.sighting.id}
            duplicate={d}
            timeZone={timeZone}
          />
        ))}
      </div>
      <StoredTwice pairs={storedTwice} timeZone={timeZone} />
    </div>
  )
}

function PossibleDuplicateCard({
  duplicate,
  timeZone,
}: {
  duplicate: PossibleDuplicate
  timeZone?: string
}) {
  const { sighting: s, transaction: tx, reports } = duplicate
  const [asking, setAsking] = useState<"same" | "different" | null>(null)
  const resolve = useResolveDuplicate()
  const first = reports[0]
  const recorded = first
    ? `the ${sourceLabel(first.source)} transfer of ${formatDateTime(first.booked_at, timeZone)}`
    : "the recorded transfer"
  const amount = formatMoney(s.amount, s.currency_code)
  const applied = !!tx && isNonZero(tx.amount_allocated)

  return (
    <div
      className="flex flex-col rounded-lg border"
      data-testid="bt-duplicate"
      data-sighting-id={s.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b px-4 py-3">
        <div className="flex flex-col">
          <Heading level="h3">
            {amount} reported by {reportOrigin(s)}
          </Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Could not be told apart from {recorded}: same account, amount and
            day, no shared bank reference, memos unrelated. Held since{" "}
            {formatDateTime(s.created_at, timeZone)}.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            disabled={resolve.isPending}
            onClick={() => setAsking("different")}
            data-testid="bt-duplicate-different"
          >
            Different transfers
          </Button>
          <Button
            size="small"
            disabled={resolve.isPending}
            onClick={() => setAsking("same")}
            data-testid="bt-duplicate-same"
          >
            Same transfer
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 p-4 lg:grid-cols-2">
        <div className="flex flex-col gap-y-2" data-testid="bt-duplicate-held">
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus">
              Held report
            </Text>
            <Badge size="2xsmall" color="orange">
              Not applied
            </Badge>
          </div>
          <SightingFacts
            sighting={s}
            timeZone={timeZone}
            className="bg-ui-bg-subtle rounded-md px-3 py-2"
          />
        </div>
        <div
          className="flex flex-col gap-y-2"
          data-testid="bt-duplicate-movement"
        >
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="small" weight="plus">
              Recorded transfer
            </Text>
            {tx && <TransactionStatusBadge status={tx.status} />}
            {tx && applied && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {formatMoney(tx.amount_allocated, tx.currency_code)} applied to
                orders
              </Text>
            )}
          </div>
          {!tx && (
            <Text size="small" className="text-ui-fg-muted">
              The recorded transfer was not found.
            </Text>
          )}
          {reports.map((r, i) => (
            <div key={r.id} className="bg-ui-bg-subtle rounded-md px-3 py-2">
              <Text size="xsmall" className="text-ui-fg-muted mb-1">
                Report {i + 1} of {reports.length}
              </Text>
              <SightingFacts sighting={r} timeZone={timeZone} />
            </div>
          ))}
        </div>
      </div>
      <ConfirmPrompt
        open={asking === "same"}
        onOpenChange={(o) => !o && setAsking(null)}
        title="Same transfer?"
        description={`This report is ${recorded}, seen again. It is kept with that transfer and nothing is applied to any order again.`}
        confirmText="Same transfer"
        onConfirm={() =>
          resolve
            .mutateAsync({ sighting_id: s.id, same: true })
            .then(() =>
              toast.success(
                "Same transfer: kept with the recorded one, not applied again"
              )
            )
        }
      />
      <ConfirmPrompt
        open={asking === "different"}
        onOpenChange={(o) => !o && setAsking(null)}
        title="Different transfers?"
        description={`This report is a transfer of its own: ${amount} is recorded as a new transfer and matched to orders as usual.`}
        confirmText="Different transfers"
        onConfirm={() =>
          resolve
            .mutateAsync({ sighting_id: s.id, same: false })
            .then(() =>
              toast.success(
                `Recorded as a new transfer of ${amount}; matching runs now`
              )
            )
        }
      />
    </div>
  )
}

function StoredTwice({
  pairs,
  timeZone,
}: {
  pairs: StoredTwicePair[]
  timeZone?: string
}) {
  const side = (p: StoredTwicePair, k: "first" | "second") => (
    <div className="flex flex-col">
      <span>
        {sourceLabel(p[`${k}_source`])} ·{" "}
        {formatDateTime(p[`${k}_booked_at`], timeZone)}
      </span>
      <span className="break-all font-mono txt-compact-xsmall">
        {p[`${k}_memo`] || "(no memo)"}
      </span>
      <span className="mt-0.5">
        <TransactionStatusBadge status={p[`${k}_status`]} />
      </span>
    </div>
  )
  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-stored-twice">
      <Heading level="h3">
        Possibly stored twice by earlier versions ({pairs.length})
      </Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Before reports were paired across channels, one transfer seen by a
        webhook and again in a statement could be recorded twice. These pairs
        look like one transfer. They are listed, never merged: if a pair is one
        transfer, undo the second one's allocation on its order and mark it
        ignored.
      </Text>
      {pairs.length ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="text-right">
                  Amount
                </Table.HeaderCell>
                <Table.HeaderCell>First record</Table.HeaderCell>
                <Table.HeaderCell>Second record</Table.HeaderCell>
                <Table.HeaderCell>Why</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {pairs.map((p) => (
                <Table.Row
                  key={`${p.first_id}-${p.second_id}`}
                  data-testid="bt-stored-twice-row"
                >
                  <Table.Cell className="whitespace-nowrap text-right align-top">
                    {p.direction === "out" ? "−" : ""}
                    {formatMoney(p.amount, p.currency_code)}
                  </Table.Cell>
                  <Table.Cell className="max-w-[320px] align-top">
                    {side(p, "first")}
                  </Table.Cell>
                  <Table.Cell className="max-w-[320px] align-top">
                    {side(p, "second")}
                  </Table.Cell>
                  <Table.Cell className="max-w-[240px] align-top">
                    <Badge
                      size="2xsmall"
                      color={p.verdict === "same" ? "red" : "orange"}
                    >
                      {p.verdict === "same" ? "One transfer" : "Cannot tell"}
                    </Badge>
                    <div className="txt-compact-xsmall text-ui-fg-subtle">
                      {basisLabel(p.basis)}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <Text
          size="small"
          className="text-ui-fg-muted"
          data-testid="bt-stored-twice-empty"
        >
          None found.
        </Text>
      )}
    </div>
  )
}
