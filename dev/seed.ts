import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "./seed-shop"

/** Seeds the demo shop once: a second `npm run dev` finds the region and leaves everything as is. */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve("logger")
  const regions = await container
    .resolve(Modules.REGION)
    .listRegions({ name: "Vietnam" })
  if (regions.length) {
    logger.info("Demo shop already seeded")
    return
  }
  const shop = await seedShop(container)
  logger.info(
    `Demo shop seeded: region ${shop.region_id}, publishable key ${shop.publishable_key}`
  )
}
