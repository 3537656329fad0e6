import { StatusBadge } from "@medusajs/ui"
import {
  expectationStatus,
  suggestionStatus,
  transactionStatus,
} from "../../lib/status"
import { useI18n } from "../../hooks/use-i18n"

export function ExpectationStatusBadge({ status }: { status: string }) {
  const { t } = useI18n()
  const { label, color } = expectationStatus(status, t)
  return (
    <StatusBadge
      color={color}
      className="text-nowrap"
      data-testid="bt-expectation-status"
      data-status={status}
    >
      {label}
    </StatusBadge>
  )
}

/** A transaction's status; `label` replaces its name (e.g. "Matched: #1001, #1002"). */
export function TransactionStatusBadge({
  status,
  label: shown,
}: {
  status: string
  label?: string
}) {
  const { t } = useI18n()
  const { label, color } = transactionStatus(status, t)
  return (
    <StatusBadge color={color} className="text-nowrap" data-status={status}>
      {shown ?? label}
    </StatusBadge>
  )
}

export function SuggestionStatusBadge({ status }: { status: string }) {
  const { t } = useI18n()
  const { label, color } = suggestionStatus(status, t)
  return (
    <StatusBadge color={color} className="text-nowrap" data-status={status}>
      {label}
    </StatusBadge>
  )
}
