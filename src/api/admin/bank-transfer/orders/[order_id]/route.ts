import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { bankTransferModule } from "../../helpers"
import { buildInstructions } from "../../../../../lib/expect/instructions"

/**
 * GET /admin/bank-transfer/orders/:order_id — the order's expectation with its instructions,
 * allocations, suggestions (with their transactions) and audit trail. Each audit event carries
 * `actor_name`: for an admin (`actor_type` "admin"), the user's first and last name, else their
 * email (null when the user no longer exists); null for every other actor. Each allocation made
 * by an admin carries `created_by_name` the same way. The names come from one user query.
 * `return_items`: the order's money to return (id, cause, state, amount as a decimal string).
 * An order paid another way answers { expectation: null } so that widgets render nothing.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) {
  const service = bankTransferModule(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [expectation],
  } = await query.graph({
    entity: "expectation",
    filters: { order_id: req.params.order_id },
    fields: [
      "*",
      "allocations.*",
      "allocations.transaction.*",
      "suggestions.*",
      "suggestions.transaction.*",
      "confirmations.*",
    ],
  })
  if (!expectation) {
    res.json({ expectation: null })
    return
  }
  const { allocations, suggestions, confirmations, ...own } = expectation as any
  const [audit, returns] = await Promise.all([
    service.listAuditEvents(
      { expectation_id: own.id },
      { order: { created_at: "ASC" } }
    ),
    service.listMoneyReturns(
      { expectation_id: own.id },
      { order: { created_at: "ASC" } }
    ),
  ])
  // "admin:user_…" is how an allocation records its author.
  const allocationAdmin = (createdBy: unknown) =>
    typeof createdBy === "string" && createdBy.startsWith("admin:")
      ? createdBy.slice("admin:".length)
      : null
  const names = await adminNames(query, [
    ...audit.filter((a) => a.actor_type === "admin").map((a) => a.actor_id),
    ...(allocations as any[]).map((a) => allocationAdmin(a.created_by)),
  ])
  const byCreated = (a: any, b: any) =>
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  res.json({
    expectation: own,
    instructions: await buildInstructions(own, await service.loadOptions()),
    allocations: [...allocations].sort(byCreated).map((a: any) => {
      const admin = allocationAdmin(a.created_by)
      return {
        ...a,
        created_by_name: admin ? (names.get(admin) ?? null) : null,
      }
    }),
    suggestions: [...suggestions].sort((a: any, b: any) => b.score - a.score),
    audit: audit.map((a) => ({
      ...a,
      actor_name:
        a.actor_type === "admin" && a.actor_id
          ? (names.get(a.actor_id) ?? null)
          : null,
    })),
    // Money to return of this order: the widget links each to its item on the returns tab.
    return_items: returns.map((r: any) => ({
      id: r.id,
      cause: r.cause,
      state: r.state,
      amount: MathBN.convert(r.raw_amount ?? r.amount).toString(),
      currency_code: r.currency_code,
    })),
    // Proof files are downloaded through the admin route, never from a public URL.
    confirmations: [...confirmations].sort(byCreated).map((c: any) => ({
      ...c,
      files: ((c.files ?? []) as any[]).map((f) => ({
        id: f.id,
        filename: f.filename,
        mime_type: f.mime_type,
        size: f.size,
        url: `/admin/bank-transfer/confirmations/${c.id}/files/${f.id}`,
      })),
    })),
  })
}

/** The admin users' names by id, in one query: "First Last", else the email. */
async function adminNames(
  query: { graph: (...args: any[]) => Promise<{ data: any[] }> },
  ids: Array<string | null>
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  const names = new Map<string, string>()
  if (!wanted.length) {
    return names
  }
  const { data: users } = await query.graph({
    entity: "user",
    filters: { id: wanted },
    fields: ["id", "first_name", "last_name", "email"],
  })
  for (const u of users) {
    const full = [u.first_name, u.last_name]
      .map((p: unknown) => (typeof p === "string" ? p.trim() : ""))
      .filter(Boolean)
      .join(" ")
    names.set(u.id, full || u.email)
  }
  return names
}
