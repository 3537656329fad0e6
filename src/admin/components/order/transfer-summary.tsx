import { Button, Container, Copy, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ExpectationStatusBadge } from "../common/badges"
import { KeyValue } from "../common/key-value"
import { QrCode } from "../common/qr-code"
import { compareAmounts } from "../../lib/money"
import { nextStepLabel } from "../../lib/status"
import { useI18n } from "../../hooks/use-i18n"
import { returnCause, returnState } from "../../lib/returns"
import type { OrderTransfer, Expectation } from "../../../types/http"
import { RequestConfirmationDrawer } from "./request-confirmation-drawer"
import { ConfirmationsList } from "./confirmations-list"
import { useRetryCapture } from "../../hooks/mutations"

const OPEN = [
  "awaiting_transfer",
  "partially_paid",
  "awaiting_customer_confirmation",
  "customer_confirmed",
  "tentatively_canceled",
]

/** The transfer at a glance: what is due and received, what the shopper must write, and the QR. */
export function TransferSummary({
  transfer,
}: {
  transfer: OrderTransfer & { expectation: Expectation }
}) {
  const { t, money, dateTime } = useI18n()
  const { expectation: e, instructions } = transfer
  const [asking, setAsking] = useState(false)
  const retry = useRetryCapture()
  const currency = e.currency_code
  const account = instructions?.accounts?.[0]
  const step = nextStepLabel(e.next_step, t)
  const isOpen = OPEN.includes(e.status)

  return (
    <Container className="divide-y p-0" data-testid="bt-summary">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("bankTransfer.summary.title")}</Heading>
        <ExpectationStatusBadge status={e.status} />
      </div>

      <div className="py-2">
        <KeyValue
          label={t("bankTransfer.summary.amountDue")}
          testId="bt-amount-due"
        >
          {money(e.amount_due, currency)}
        </KeyValue>
        <KeyValue
          label={t("bankTransfer.summary.received")}
          testId="bt-amount-received"
        >
          {money(e.amount_received, currency)}
        </KeyValue>
        <KeyValue
          label={t("bankTransfer.summary.remaining")}
          testId="bt-amount-remaining"
        >
          <span className="text-ui-fg-base font-medium">
            {money(e.amount_remaining, currency)}
          </span>
        </KeyValue>
        {compareAmounts(e.surplus, 0) > 0 && (
          <KeyValue label={t("bankTransfer.summary.surplus")}>
            {money(e.surplus, currency)}
          </KeyValue>
        )}
        {(transfer.return_items ?? [])
          .filter((r) => r.state === "open" || r.state === "refund_recorded")
          .map((r) => (
            <KeyValue
              key={r.id}
              label={returnCause(r.cause, t)}
              testId="bt-return-item"
            >
              <Link
                to={`/bank-transfers?tab=returns&item=${r.id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                data-testid="bt-return-item-link"
              >
                {t("bankTransfer.returns.openItem", {
                  amount: money(r.amount, r.currency_code),
                })}{" "}
                · {returnState(r.state, t)}
              </Link>
            </KeyValue>
          ))}
        {compareAmounts(e.captured_in_medusa, 0) > 0 && (
          <KeyValue label={t("bankTransfer.summary.capturedByHand")}>
            {money(e.captured_in_medusa, currency)}
          </KeyValue>
        )}
        {compareAmounts(e.amount_refunded, 0) > 0 && (
          <KeyValue label={t("bankTransfer.summary.refunded")}>
            {money(e.amount_refunded, currency)}
          </KeyValue>
        )}
        {compareAmounts(e.amount_to_return, 0) > 0 && (
          <KeyValue
            label={t("bankTransfer.summary.toReturn")}
            testId="bt-to-return"
          >
            <span className="text-ui-fg-error font-medium">
              {money(e.amount_to_return, currency)}
            </span>
          </KeyValue>
        )}
      </div>

      {e.status === "needs_attention" && (
        <div className="flex items-start justify-between gap-x-4 px-6 py-3">
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="bt-attention"
          >
            {t("bankTransfer.summary.captureRefused", {
              reason:
                e.attention_reason ?? t("bankTransfer.summary.noReasonGiven"),
            })}
          </Text>
          <Button
            size="small"
            variant="secondary"
            isLoading={retry.isPending}
            onClick={() => retry.mutate({ order_id: e.order_id })}
          >
            {t("bankTransfer.actions.retryCapture")}
          </Button>
        </div>
      )}

      <div className="py-2">
        <KeyValue
          label={t("bankTransfer.summary.reference")}
          testId="bt-reference"
        >
          <span className="font-mono">{e.reference}</span>
          <Copy content={e.reference} variant="mini" />
        </KeyValue>
        <KeyValue
          label={t("bankTransfer.summary.memo")}
          testId="bt-memo-to-write"
        >
          <span className="break-all font-mono">{e.memo}</span>
          <Copy content={e.memo} variant="mini" />
        </KeyValue>
        {account && (
          <KeyValue label={t("bankTransfer.summary.toAccount")}>
            <span className="break-all">
              {account.bank_name ?? account.swift ?? account.bank_bin} ·{" "}
              {account.account_number}
            </span>
            <Copy content={account.account_number} variant="mini" />
          </KeyValue>
        )}
        {isOpen && (
          <KeyValue label={t("bankTransfer.summary.payBy")}>
            {dateTime(e.due_at ?? instructions?.deadline)}
          </KeyValue>
        )}
        {e.paid_at && (
          <KeyValue label={t("bankTransfer.summary.paidAt")}>
            {dateTime(e.paid_at)}
          </KeyValue>
        )}
        {isOpen && step && (
          <KeyValue
            label={t("bankTransfer.summary.nextStep")}
            testId="bt-next-step"
          >
            {t("bankTransfer.summary.nextStepAt", {
              step,
              when: dateTime(e.next_step_at),
            })}
          </KeyValue>
        )}
      </div>

      {instructions?.qr?.svg && (
        <div className="flex flex-col items-center gap-y-2 px-6 py-4">
          <QrCode
            svg={instructions.qr.svg}
            label={t("bankTransfer.summary.qrAlt", {
              amount: money(instructions.amount_remaining, currency),
            })}
          />
          <Text size="xsmall" className="text-ui-fg-subtle text-center">
            {t("bankTransfer.summary.qrCaption", {
              amount: money(instructions.amount_remaining, currency),
            })}
          </Text>
        </div>
      )}

      {instructions?.instructions && (
        <div className="px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("bankTransfer.summary.shownToShopper")}
          </Text>
          <Text
            size="small"
            className="text-ui-fg-subtle"
            data-testid="bt-instructions"
          >
            {instructions.instructions}
          </Text>
        </div>
      )}

      <ConfirmationsList
        confirmations={transfer.confirmations ?? []}
        currency={currency}
      />

      {isOpen && (
        <div className="flex justify-end px-6 py-4">
          <Button
            size="small"
            variant="secondary"
            onClick={() => setAsking(true)}
            data-testid="bt-ask-confirm"
          >
            {t("bankTransfer.actions.askShopper")}
          </Button>
        </div>
      )}
      <RequestConfirmationDrawer
        orderId={e.order_id}
        open={asking}
        onOpenChange={setAsking}
      />
    </Container>
  )
}
