import { MathBN } from "@medusajs/framework/utils"
import { returnTransfer } from "../../../../lib/returns/transfer"
import { renderQrSvg } from "../../../../lib/expect/qr-image"
import type { ReturnItemView } from "../../../../types/http"

const decimal = (raw: any, value: unknown) =>
  MathBN.convert(raw?.value ?? raw ?? (value as any) ?? 0).toString()

/**
 * A return item as the admin reads it: amounts as exact decimal strings, its order's number, and
 * while money is still to go out (open, refund recorded) the transfer back to the payer with its
 * VietQR (payload and SVG) when the incoming line carried the payer's account.
 */
export async function serializeReturnItem(
  row: Record<string, any>
): Promise<ReturnItemView> {
  const amount = decimal(row.raw_amount, row.amount)
  const transfer =
    row.state === "open" || row.state === "refund_recorded"
      ? returnTransfer({
          amount,
          currency_code: row.currency_code,
          payer_account: row.payer_account ?? null,
          payer_bank_bin: row.payer_bank_bin ?? null,
          payer_name: row.payer_name ?? null,
          order_number: row.order_number ?? null,
          transaction_id: row.transaction_id ?? null,
        })
      : null
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)
  return {
    id: row.id,
    cause: row.cause,
    state: row.state,
    order_id: row.order_id ?? null,
    order_number: row.order_number ?? null,
    expectation_id: row.expectation_id ?? null,
    transaction_id: row.transaction_id ?? null,
    amount,
    currency_code: row.currency_code,
    payer_name: row.payer_name ?? null,
    payer_account: row.payer_account ?? null,
    payer_bank_bin: row.payer_bank_bin ?? null,
    medusa_amount: decimal(row.raw_medusa_amount, row.medusa_amount),
    plugin_amount: decimal(row.raw_plugin_amount, row.plugin_amount),
    refund_ids: Array.isArray(row.refund_ids) ? row.refund_ids : [],
    refund_reason_id: row.refund_reason_id ?? null,
    note: row.note ?? null,
    refund_recorded_at: iso(row.refund_recorded_at),
    outgoing_transaction_id: row.outgoing_transaction_id ?? null,
    closed_at: iso(row.closed_at),
    decided_by: row.decided_by ?? null,
    decided_at: iso(row.decided_at),
    created_at: iso(row.created_at)!,
    transfer: transfer
      ? {
          ...transfer,
          qr_svg: transfer.qr_payload
            ? await renderQrSvg(transfer.qr_payload)
            : null,
        }
      : null,
  }
}
