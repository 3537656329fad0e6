import { Badge, Button, Heading, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ConfirmPrompt } from "../common/confirm-prompt"
import { TransactionStatusBadge } from "../common/badges"
import { SightingFacts, reportOrigin } from "./sighting-facts"
import { useDuplicates, useShopTimeZone } from "../../hooks/queries"
import { useResolveDuplicate } from "../../hooks/mutations"
import { isNonZero } from "../../lib/money"
import { useI18n } from "../../hooks/use-i18n"
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
  const { t } = useI18n()
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
          ? t("bankTransfer.duplicates.notAvailable")
          : t("bankTransfer.duplicates.loadError", {
              message: errorMessage(error, t),
            })}
      </Text>
    )
  }
  const held = data?.possible_duplicates ?? []
  const storedTwice = data?.stored_twice ?? []

  return (
    <div className="flex flex-col gap-y-6 px-6" data-testid="bt-duplicates-tab">
      <div className="flex flex-col gap-y-3">
        <Text size="small" className="text-ui-fg-subtle">
          {t("bankTransfer.duplicates.hint")}
          {timeZone
            ? ` ${t("bankTransfer.duplicates.timeZone", { zone: timeZone })}`
            : ""}
        </Text>
        {isLoading && (
          <Text size="small" className="text-ui-fg-muted">
            {t("bankTransfer.common.loading")}
          </Text>
        )}
        {!isLoading && !held.length && (
          <Text
            size="small"
            className="text-ui-fg-muted"
            data-testid="bt-duplicates-empty"
          >
            {t("bankTransfer.duplicates.empty")}
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
  const { t, money, dateTime } = useI18n()
  const { sighting: s, transaction: tx, reports } = duplicate
  const [asking, setAsking] = useState<"same" | "different" | null>(null)
  const resolve = useResolveDuplicate()
  const first = reports[0]
  const recorded = first
    ? t("bankTransfer.duplicates.recordedOf", {
        source: sourceLabel(first.source, t),
        when: dateTime(first.booked_at, timeZone),
      })
    : t("bankTransfer.duplicates.recordedTransfer")
  const amount = money(s.amount, s.currency_code)
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
            {t("bankTransfer.duplicates.reportedBy", {
              amount,
              origin: reportOrigin(s, t),
            })}
          </Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("bankTransfer.duplicates.cannotTell", {
              recorded,
              since: dateTime(s.created_at, timeZone),
            })}
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
            {t("bankTransfer.actions.differentTransfers")}
          </Button>
          <Button
            size="small"
            disabled={resolve.isPending}
            onClick={() => setAsking("same")}
            data-testid="bt-duplicate-same"
          >
            {t("bankTransfer.actions.sameTransfer")}
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 p-4 lg:grid-cols-2">
        <div className="flex flex-col gap-y-2" data-testid="bt-duplicate-held">
          <div className="flex items-center gap-x-2">
            <Text size="small" weight="plus">
              {t("bankTransfer.duplicates.heldReport")}
            </Text>
            <Badge size="2xsmall" color="orange">
              {t("bankTransfer.duplicates.notApplied")}
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
              {t("bankTransfer.duplicates.recordedHeading")}
            </Text>
            {tx && <TransactionStatusBadge status={tx.status} />}
            {tx && applied && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("bankTransfer.duplicates.appliedToOrders", {
                  amount: money(tx.amount_allocated, tx.currency_code),
                })}
              </Text>
            )}
          </div>
          {!tx && (
            <Text size="small" className="text-ui-fg-muted">
              {t("bankTransfer.duplicates.recordedMissing")}
            </Text>
          )}
          {reports.map((r, i) => (
            <div key={r.id} className="bg-ui-bg-subtle rounded-md px-3 py-2">
              <Text size="xsmall" className="text-ui-fg-muted mb-1">
                {t("bankTransfer.duplicates.reportN", {
                  n: i + 1,
                  count: reports.length,
                })}
              </Text>
              <SightingFacts sighting={r} timeZone={timeZone} />
            </div>
          ))}
        </div>
      </div>
      <ConfirmPrompt
        open={asking === "same"}
        onOpenChange={(o) => !o && setAsking(null)}
        title={t("bankTransfer.duplicates.sameTitle")}
        description={t("bankTransfer.duplicates.sameDescription", {
          recorded,
        })}
        confirmText={t("bankTransfer.actions.sameTransfer")}
        onConfirm={() =>
          resolve
            .mutateAsync({ sighting_id: s.id, same: true })
            .then(() => toast.success(t("bankTransfer.duplicates.sameDone")))
        }
      />
      <ConfirmPrompt
        open={asking === "different"}
        onOpenChange={(o) => !o && setAsking(null)}
        title={t("bankTransfer.duplicates.differentTitle")}
        description={t("bankTransfer.duplicates.differentDescription", {
          amount,
        })}
        confirmText={t("bankTransfer.actions.differentTransfers")}
        onConfirm={() =>
          resolve
            .mutateAsync({ sighting_id: s.id, same: false })
            .then(() =>
              toast.success(
                t("bankTransfer.duplicates.differentDone", { amount })
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
  const { t, money, dateTime } = useI18n()
  const side = (p: StoredTwicePair, k: "first" | "second") => (
    <div className="flex flex-col">
      <span>
        {sourceLabel(p[`${k}_source`], t)} ·{" "}
        {dateTime(p[`${k}_booked_at`], timeZone)}
      </span>
      <span className="break-all font-mono txt-compact-xsmall">
        {p[`${k}_memo`] || t("bankTransfer.common.noMemo")}
      </span>
      <span className="mt-0.5">
        <TransactionStatusBadge status={p[`${k}_status`]} />
      </span>
    </div>
  )
  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-stored-twice">
      <Heading level="h3">
        {t("bankTransfer.duplicates.storedTwiceTitle", {
          count: pairs.length,
        })}
      </Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {t("bankTransfer.duplicates.storedTwiceHint")}
      </Text>
      {pairs.length ? (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="text-right">
                  {t("bankTransfer.common.amount")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.duplicates.firstRecord")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.duplicates.secondRecord")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("bankTransfer.common.why")}
                </Table.HeaderCell>
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
                    {money(p.amount, p.currency_code)}
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
                      {p.verdict === "same"
                        ? t("bankTransfer.duplicates.oneTransfer")
                        : t("bankTransfer.duplicates.cannotTellShort")}
                    </Badge>
                    <div className="txt-compact-xsmall text-ui-fg-subtle">
                      {basisLabel(p.basis, t)}
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
          {t("bankTransfer.duplicates.noneFound")}
        </Text>
      )}
    </div>
  )
}
