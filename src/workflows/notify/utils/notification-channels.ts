import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type ProviderConfig = { options?: { channels?: unknown } }

/**
 * The channels the store's Notification Module has a provider for, read from medusa-config
 * (`modules[notification].options.providers[].options.channels`, Medusa's default being the
 * local provider on `feed`). Null when the configuration cannot tell (a module registered
 * another way): the plugin then sends and lets Medusa answer.
 */
export function notificationChannels(
  container: MedusaContainer
): Set<string> | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE, {
    allowUnregistered: true,
  }) as { modules?: Record<string, unknown> } | undefined
  const notification = config?.modules?.[Modules.NOTIFICATION]
  if (notification === false) {
    return new Set()
  }
  const providers = (notification as { options?: { providers?: unknown } })
    ?.options?.providers
  if (!Array.isArray(providers)) {
    return null
  }
  const channels = new Set<string>()
  for (const provider of providers as ProviderConfig[]) {
    const list = provider?.options?.channels
    if (Array.isArray(list)) {
      list.forEach((c) => typeof c === "string" && channels.add(c))
    }
  }
  return channels
}

/**
 * Whether a message on `channel` can be delivered. A store without a provider for it (no `email`
 * provider installed yet) is told once, at start-up (the check-notification-channels job), and
 * its messages are not attempted, instead of an error logged per order.
 */
export function canNotify(container: MedusaContainer, channel: string) {
  const channels = notificationChannels(container)
  return channels === null || channels.has(channel)
}
