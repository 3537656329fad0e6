import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own session (cookie) authenticates these calls, as in Medusa's dashboard. "/" means
 * "same origin as the admin", which is how the dashboard is served by `medusa develop/start`.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: false,
  auth: { type: "session" },
})

/** Everything the plugin serves to admins lives under this prefix. */
export const API = "/admin/bank-transfer"

export type Query = Record<
  string,
  string | number | boolean | string[] | undefined | null
>

/** Drops empty filters, so that an unset field never reaches the server's validators as "". */
export function cleanQuery(query: Query): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, v]) => v !== undefined && v !== null && v !== ""
    )
  )
}

export function get<T>(path: string, query?: Query): Promise<T> {
  return sdk.client.fetch<T>(path, {
    method: "GET",
    query: query ? cleanQuery(query) : undefined,
  })
}

export function post<T>(
  path: string,
  body: Record<string, unknown> = {}
): Promise<T> {
  return sdk.client.fetch<T>(path, { method: "POST", body })
}

export function del<T>(path: string): Promise<T> {
  return sdk.client.fetch<T>(path, { method: "DELETE" })
}

/** Multipart upload: the browser must write the content type itself (with the boundary). */
export function upload<T>(path: string, form: FormData): Promise<T> {
  return sdk.client.fetch<T>(path, {
    method: "POST",
    body: form,
    headers: { "content-type": null },
  })
}

/**
 * A file served by an admin route (a shopper's proof of payment): fetched with the admin's
 * credentials, then handed to the browser as a download, never opened from a public URL.
 */
export async function download(path: string, filename: string) {
  const res = (await sdk.client.fetch<Response>(path, {
    method: "GET",
    headers: { accept: "*/*" },
  })) as Response
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
