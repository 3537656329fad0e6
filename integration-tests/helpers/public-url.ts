import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Runs `fn` with the plugin's `public_url` pointing at `base` (the test server's address), then
 * puts it back: the admin's test delivery is sent to the shop's public URL and nowhere else.
 */
export async function withPublicUrl<T>(
  container: MedusaContainer,
  base: string,
  fn: () => Promise<T>
): Promise<T> {
  const service: any = container.resolve("bankTransfer")
  const before = service.getOptions().public_url
  const set = async (url: string) => {
    service.getOptions().public_url = url
    ;(await service.loadOptions()).public_url = url
  }
  await set(base)
  try {
    return await fn()
  } finally {
    await set(before)
  }
}
