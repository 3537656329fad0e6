import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { unstorableInput } from "../lib/safe-text"

/**
 * Refuses (400) a request to the plugin's routes whose path, query or JSON body carries text the
 * database cannot store or compare (a NUL character, an unpaired surrogate, a malformed %-escape,
 * absurd nesting), before any handler queries or writes with it. Multipart fields are checked by
 * the upload middleware once they are read.
 */
export function refuseUnstorableInput(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const refuse = (problem: string) =>
    next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: ${problem}`
      )
    )
  let path: string
  try {
    // The full path: under a wildcard mount, req.path is only what follows the matched prefix.
    path = decodeURIComponent((req.originalUrl ?? req.url).split("?")[0])
  } catch {
    return refuse("the URL has a malformed %-escape")
  }
  if (unstorableInput(path)) {
    return refuse("the URL contains a NUL character or an unpaired surrogate")
  }
  const inQuery = unstorableInput(req.query)
  if (inQuery) {
    return refuse(`query ${inQuery.replace(/^body: /, "")}`)
  }
  const inBody = unstorableInput(req.body)
  if (inBody) {
    return refuse(inBody)
  }
  next()
}
