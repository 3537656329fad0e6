import { StatusBadge } from "@medusajs/ui"
import {
  expectationStatus,
  suggestionStatus,
  transactionStatus,
} from "../../lib/status"

export function ExpectationStatusBadge({ status }: { status: string }) {
  const { label, color } = expectationStatus(status)
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

export function TransactionStatusBadge({ status }: { status: string }) {
  const { label, color } = transactionStatus(status)
  return (
    <StatusBadge color={color} className="text-nowrap" data-status={status}>
      {label}
    </StatusBadge>
  )
}

export function SuggestionStatusBadge({ status }: { status: string }) {
  const { label, color } = suggestionStatus(status)
  return (
    <StatusBadge color={color} className="text-nowrap" data-status={status}>
      {label}
    </StatusBadge>
  )
}
