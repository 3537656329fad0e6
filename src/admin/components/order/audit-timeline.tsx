import { Heading, Text } from "@medusajs/ui"
import { actionLabel } from "../../lib/status"
import { timelineActor, timelineMessage } from "../../lib/timeline"
import { useI18n } from "../../hooks/use-i18n"
import type { AuditEvent } from "../../../types/http"

/** Every change with who made it and why, newest first like Medusa's own order activity. */
export function AuditTimeline({ audit }: { audit: AuditEvent[] }) {
  const { t, lang, dateTime } = useI18n()
  if (!audit.length) {
    return null
  }
  const events = [...audit].reverse()
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="bt-timeline">
      <Heading level="h3">{t("bankTransfer.timeline.title")}</Heading>
      <ol className="flex flex-col">
        {events.map((e, i) => {
          const message = timelineMessage(e, t, lang)
          return (
            <li
              key={e.id}
              className="grid grid-cols-[12px_1fr] gap-x-3"
              data-testid="bt-timeline-event"
              data-action={e.action}
            >
              <div className="flex flex-col items-center">
                <span className="bg-ui-fg-muted mt-1.5 h-2 w-2 rounded-full" />
                {i < events.length - 1 && (
                  <span className="bg-ui-border-base w-px flex-1" />
                )}
              </div>
              <div className="pb-3">
                <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                  <Text size="small" weight="plus">
                    {actionLabel(e.action, t)}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {dateTime(e.created_at)}
                  </Text>
                </div>
                <Text
                  size="xsmall"
                  className="text-ui-fg-subtle truncate"
                  title={e.actor_id ?? undefined}
                  data-testid="bt-timeline-actor"
                >
                  {timelineActor(e, t)}
                </Text>
                {message && (
                  <Text
                    size="small"
                    className="text-ui-fg-subtle whitespace-pre-wrap"
                    data-testid="bt-timeline-message"
                  >
                    {message}
                  </Text>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
