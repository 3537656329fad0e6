import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BankTransferModule from "../modules/bank-transfer"

/**
 * An order and what it expects to receive by bank transfer, through the expectation's `order_id`
 * (read-only: no link table), so that `query.graph` reads `order.bank_transfer_expectation` and
 * `bank_transfer_expectation.order` in one call.
 */
export default defineLink(
  { linkable: BankTransferModule.linkable.expectation, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
