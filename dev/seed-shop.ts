import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const BANK_TRANSFER_PROVIDER_ID = "pp_bank-transfer_default"

export type SeededShop = {
  region_id: string
  sales_channel_id: string
  publishable_key: string
  shipping_option_id: string
  digital_variant_id: string
  physical_variant_id: string
}

/**
 * A small Vietnamese shop: region Vietnam in VND with bank transfer (and Medusa's manual provider
 * for comparison), one digitally delivered subscription and one physical licensed product.
 * Used by the demo shop's seed and by the integration tests.
 */
export async function seedShop(
  container: MedusaContainer
): Promise<SeededShop> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const storeService = container.resolve(Modules.STORE)

  const [store] = await storeService.listStores()
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [{ currency_code: "vnd", is_default: true }],
        default_sales_channel_id: salesChannel.id,
      },
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Vietnam",
          currency_code: "vnd",
          countries: ["vn"],
          payment_providers: [BANK_TRANSFER_PROVIDER_ID, "pp_system_default"],
        },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "vn", provider_id: "tp_system" }],
  })

  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Kho Hà Nội",
          address: {
            city: "Hà Nội",
            country_code: "VN",
            address_1: "1 Tràng Tiền",
          },
        },
      ],
    },
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { default_location_id: location.id },
    },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const shippingProfile =
    profile ??
    (await fulfillment.createShippingProfiles({
      name: "Default",
      type: "default",
    }))
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Giao hàng Việt Nam",
    type: "shipping",
    service_zones: [
      { name: "Vietnam", geo_zones: [{ country_code: "vn", type: "country" }] },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Giao hàng tiêu chuẩn",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "2-4 days", code: "standard" },
        prices: [
          { currency_code: "vnd", amount: 30000 },
          { region_id: region.id, amount: 30000 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannel.id] },
  })

  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannel.id] },
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Phần mềm kế toán Cloud: gói 1 năm",
          handle: "ke-toan-cloud-1-nam",
          description:
            "Software subscription, delivered digitally (licence key by email).",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          metadata: { bank_transfer_policy: "digital" },
          options: [{ title: "Gói", values: ["1 năm"] }],
          variants: [
            {
              title: "1 năm",
              sku: "KTC-1Y",
              options: { Gói: "1 năm" },
              manage_inventory: false,
              prices: [{ amount: 2400000, currency_code: "vnd" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
        {
          title: "Bộ phần mềm bán hàng (hộp + khoá USB)",
          handle: "ban-hang-hop-usb",
          description: "Boxed licence with a USB dongle, shipped.",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: shippingProfile.id,
          metadata: { bank_transfer_policy: "physical" },
          options: [{ title: "Phiên bản", values: ["Tiêu chuẩn"] }],
          variants: [
            {
              title: "Tiêu chuẩn",
              sku: "BH-USB-STD",
              options: { "Phiên bản": "Tiêu chuẩn" },
              manage_inventory: true,
              prices: [{ amount: 1250000, currency_code: "vnd" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id"],
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: items.map((i) => ({
        location_id: location.id,
        stocked_quantity: 1000000,
        inventory_item_id: i.id,
      })),
    },
  })

  return {
    region_id: region.id,
    sales_channel_id: salesChannel.id,
    publishable_key: apiKey.token,
    shipping_option_id: shippingOption.id,
    digital_variant_id: products[0].variants[0].id,
    physical_variant_id: products[1].variants[0].id,
  }
}
