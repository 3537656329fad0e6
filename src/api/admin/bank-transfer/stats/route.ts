import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { bankTransferModule } from "../helpers"
import type { Stats } from "../../../../types/http"

/** GET /admin/bank-transfer/stats — money received today and this week, automation share, queues. */
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
  res.json({
    stats: await service.stats({ day_start: dayStart, week_start: weekStart }),
  })
}
