import { asValue } from "@medusajs/framework/awilix"
import {
  ContainerRegistrationKeys,
  createMedusaContainer,
  Modules,
} from "@medusajs/framework/utils"
import { canNotify, notificationChannels } from "../notification-channels"

const withConfig = (modules?: Record<string, unknown>) => {
  const container = createMedusaContainer()
  if (modules) {
    container.register(
      ContainerRegistrationKeys.CONFIG_MODULE,
      asValue({ modules })
    )
  }
  return container
}

describe("notification channels from medusa-config", () => {
  it("reads every provider's channels", () => {
    const container = withConfig({
      [Modules.NOTIFICATION]: {
        options: {
          providers: [
            { options: { channels: ["feed"] } },
            { options: { channels: ["email", "sms"] } },
          ],
        },
      },
    })
    expect([...notificationChannels(container)!].sort()).toEqual([
      "email",
      "feed",
      "sms",
    ])
    expect(canNotify(container, "email")).toBe(true)
  })

  it("Medusa's default store (the local provider on feed only) cannot send email", () => {
    const container = withConfig({
      [Modules.NOTIFICATION]: {
        options: {
          providers: [{ id: "local", options: { channels: ["feed"] } }],
        },
      },
    })
    expect(canNotify(container, "email")).toBe(false)
    expect(canNotify(container, "feed")).toBe(true)
  })

  it("a disabled module serves nothing; an unreadable configuration is left to Medusa", () => {
    expect(
      canNotify(withConfig({ [Modules.NOTIFICATION]: false }), "feed")
    ).toBe(false)
    expect(notificationChannels(withConfig())).toBeNull()
    expect(
      canNotify(withConfig({ [Modules.NOTIFICATION]: true }), "email")
    ).toBe(true)
  })
})
