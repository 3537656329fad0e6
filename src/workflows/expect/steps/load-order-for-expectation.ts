import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderForExpectation } from "../../../lib/expect/build-expectation"

export const BANK_TRANSFER_PROVIDER_PREFIX = "pp_bank-transfer_"

/** Reads what an expectation needs from an order; null when the order is not paid by bank transfer. */
export const loadOrderForExpectationStep = createStep(
  "bank-transfer-load-order-for-expectation",
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      filters: { id: order_id },
      fields: [
        "id",
        "display_id",
        "email",
        "customer_id",
        "currency_code",
        "created_at",
        "customer.first_name",
        "customer.last_name",
        "customer.phone",
        "customer.company_name",
        "customer.metadata",
        "billing_address.first_name",
        "billing_address.last_name",
        "billing_address.phone",
        "billing_address.company",
        "billing_address.metadata",
        "items.product_id",
        "payment_collections.id",
        "payment_collections.amount",
        "payment_collections.payment_sessions.provider_id",
      ],
    })
    if (!order) {
      return new StepResponse(null)
    }
    const collection = (order.payment_collections ?? []).find((pc: any) =>
      (pc?.payment_sessions ?? []).some((s: any) =>
        s?.provider_id?.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)
      )
    )
    if (!collection) {
      return new StepResponse(null)
    }
    const productIds = [
      ...new Set(
        (order.items ?? []).map((i: any) => i?.product_id).filter(Boolean)
      ),
    ] as string[]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          filters: { id: productIds },
          fields: ["id", "metadata", "type.value", "tags.value"],
        })
      : { data: [] }
    return new StepResponse({
      ...(order as any),
      payment_collection: { id: collection.id, amount: collection.amount },
      products,
    } as OrderForExpectation)
  }
)
