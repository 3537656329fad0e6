import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule } from "../helpers"
import type { Stats } from "../../../../types/http"

/**
 * GET /admin/bank-transfer/stats — money received today and this week (decimal strings per
 * currency), automation share, and the desk's work queues: pending suggestions, unmatched money,
 * orders on hold, shoppers who say they paid, parked transactions and orders needing attention,
 * possible duplicates, and `awaited`: per currency, the open orders' count and exact remaining sum,
 * split by age in business days since placed (0–1, 2–3, 4–5, over 5) with each bucket's placement
 * range at the time of the request; `returns_open`: money to return still open or waiting for its
 * outgoing transfer, with `returns_open_amounts` per currency. One request, a few aggregate queries.
 */
export async function GET(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<{ stats: Stats }>
) {
  const service = bankTransferModule(req)
  const calendar = await service.loadCalendar()
  const now = new Date()
  const dayStart = calendar.startOfDay(calendar.localDate(now))
  // The week starts on Monday in the merchant's time zone.
  const weekday =
    (new Date(`${calendar.localDate(now)}T00:00:00Z`).getUTCDay() + 6) % 7
  const weekStart = new Date(dayStart.getTime() - weekday * 86_400_000)
  const [figures, desk, returns] = await Promise.all([
    service.stats({ day_start: dayStart, week_start: weekStart }),
    service.deskFigures({ now }),
    service.returnFigures(),
  ])
  res.json({
    stats: {
      ...figures,
      ...desk.queues,
      returns_open: returns.count,
      returns_open_amounts: returns.amounts,
      awaited: desk.awaited.map((a) => ({
        ...a,
        buckets: a.buckets.map((b) => ({
          ...b,
          placed_from: b.placed_from?.toISOString() ?? null,
          placed_before: b.placed_before?.toISOString() ?? null,
        })),
      })),
    },
  })
}
