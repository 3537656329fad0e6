import type { ReactNode } from "react"
import { Badge, Text, clx } from "@medusajs/ui"
import { fileLocation, sourceLabel } from "../../lib/status"
import type { Translate } from "../../lib/i18n"
import { useI18n } from "../../hooks/use-i18n"
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
export function reportOrigin(
  s: Pick<Sighting, "source" | "line">,
  t: Translate
): string {
  return s.line
    ? `${sourceLabel(s.source, t)}, ${fileLocation(s.line, t)}`
    : sourceLabel(s.source, t)
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
  const { t, money, dateTime } = useI18n()
  const refs = (s.bank_references ?? []).filter(Boolean)
  return (
    <div
      className={clx("flex flex-col", className)}
      data-testid="bt-sighting"
      data-sighting-id={s.id}
      data-source={s.source}
    >
      <Fact label={t("bankTransfer.common.source")} testId="bt-sighting-source">
        {sourceLabel(s.source, t)}
        {s.external_id && (
          <span className="text-ui-fg-muted txt-compact-xsmall">
            {" "}
            · {t("bankTransfer.sighting.id", { id: s.external_id })}
          </span>
        )}
      </Fact>
      <Fact label={t("bankTransfer.common.booked")} testId="bt-sighting-booked">
        {dateTime(s.booked_at, timeZone)}
      </Fact>
      <Fact label={t("bankTransfer.common.amount")} testId="bt-sighting-amount">
        {s.direction === "out" ? "−" : ""}
        {money(s.amount, s.currency_code)}
      </Fact>
      <Fact label={t("bankTransfer.sighting.account")}>
        {s.account ?? (
          <span className="text-ui-fg-muted">
            {t("bankTransfer.sighting.notGiven")}
          </span>
        )}
      </Fact>
      <Fact label={t("bankTransfer.common.memo")} testId="bt-sighting-memo">
        {s.memo ? (
          <span className="break-all font-mono">{s.memo}</span>
        ) : (
          <span className="text-ui-fg-muted">
            {t("bankTransfer.common.noMemo")}
          </span>
        )}
      </Fact>
      {s.counterparty_name && (
        <Fact label={t("bankTransfer.common.from")}>{s.counterparty_name}</Fact>
      )}
      {s.line && (
        <Fact
          label={t("bankTransfer.sighting.lineInFile")}
          testId="bt-sighting-line"
        >
          {fileLocation(s.line, t)}
        </Fact>
      )}
      {refs.length > 0 && (
        <Fact label={t("bankTransfer.sighting.bankReference")}>
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
