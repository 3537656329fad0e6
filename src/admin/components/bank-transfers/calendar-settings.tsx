import {
  Badge,
  Button,
  IconButton,
  Input,
  Label,
  Select,
  Table,
  Text,
  toast,
} from "@medusajs/ui"
import { Trash } from "@medusajs/icons"
import { useState } from "react"
import {
  useAddCalendarOverride,
  useDeleteCalendarOverride,
} from "../../hooks/mutations"
import { safeLocale } from "../../lib/money"
import { useI18n } from "../../hooks/use-i18n"
import type { CalendarOverride, Settings } from "../../../types/http"

/** Day `d` of the week (0 = Sunday, as the settings count) in the admin's language. */
function weekdayName(d: number, locale: string): string {
  if (!Number.isInteger(d) || d < 0 || d > 6) {
    return String(d)
  }
  // 1 January 2023 was a Sunday; noon UTC is that day in every time zone.
  return new Intl.DateTimeFormat(safeLocale(locale), {
    weekday: "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2023, 0, 1 + d, 12)))
}

/**
 * The base holiday calendar misses the yearly decisions (the second National Day day,
 * compensatory days, the Tết bridge): the merchant adds them here, or a working Saturday.
 */
export function CalendarSettings({
  calendar,
  overrides,
}: {
  calendar: Settings["calendar"]
  overrides: CalendarOverride[]
}) {
  const { t, lang, date: formatDate } = useI18n()
  const [date, setDate] = useState("")
  const [kind, setKind] = useState<"day_off" | "working_day">("day_off")
  const [name, setName] = useState("")
  const add = useAddCalendarOverride()
  const remove = useDeleteCalendarOverride()

  const submit = () =>
    add.mutate(
      { date, kind, name: name.trim() || undefined },
      {
        onSuccess: () => {
          toast.success(
            kind === "day_off"
              ? t("bankTransfer.calendar.savedDayOff", {
                  date: formatDate(date),
                })
              : t("bankTransfer.calendar.savedWorkingDay", {
                  date: formatDate(date),
                })
          )
          setDate("")
          setName("")
        },
      }
    )

  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-calendar">
      <Text size="small" className="text-ui-fg-subtle">
        {t("bankTransfer.calendar.summary", {
          zone: calendar.time_zone,
          country: calendar.country,
          weekend: calendar.weekend_days
            .map((d) => weekdayName(d, lang))
            .join(` ${t("bankTransfer.calendar.and")} `),
        })}
      </Text>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("bankTransfer.calendar.date")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.calendar.kind")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.calendar.name")}
              </Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {overrides.map((o) => (
              <Table.Row
                key={o.id}
                data-testid="bt-override-row"
                data-date={o.date}
              >
                <Table.Cell className="whitespace-nowrap">
                  {formatDate(o.date)}
                </Table.Cell>
                <Table.Cell>
                  <Badge
                    size="2xsmall"
                    color={o.kind === "day_off" ? "orange" : "blue"}
                  >
                    {o.kind === "day_off"
                      ? t("bankTransfer.calendar.dayOff")
                      : t("bankTransfer.calendar.workingDay")}
                  </Badge>
                </Table.Cell>
                <Table.Cell>{o.name ?? "—"}</Table.Cell>
                <Table.Cell className="text-right">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={t("bankTransfer.common.remove")}
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(
                        { id: o.id },
                        {
                          onSuccess: () =>
                            toast.success(t("bankTransfer.calendar.removed")),
                        }
                      )
                    }
                  >
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!overrides.length && (
          <Text size="small" className="text-ui-fg-muted px-6 py-4">
            {t("bankTransfer.calendar.none")}
          </Text>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="bt-override-date">
            {t("bankTransfer.calendar.date")}
          </Label>
          <Input
            id="bt-override-date"
            size="small"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="bt-override-date"
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus">
            {t("bankTransfer.calendar.kind")}
          </Label>
          <Select
            size="small"
            value={kind}
            onValueChange={(k) => setKind(k as typeof kind)}
          >
            <Select.Trigger
              className="w-40"
              aria-label={t("bankTransfer.calendar.kind")}
            >
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="day_off">
                {t("bankTransfer.calendar.dayOff")}
              </Select.Item>
              <Select.Item value="working_day">
                {t("bankTransfer.calendar.workingDay")}
              </Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="bt-override-name">
            {t("bankTransfer.calendar.name")}
          </Label>
          <Input
            id="bt-override-name"
            size="small"
            placeholder={t("bankTransfer.calendar.namePlaceholder")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="bt-override-name"
          />
        </div>
        <Button
          size="small"
          variant="secondary"
          disabled={!date || add.isPending}
          isLoading={add.isPending}
          onClick={submit}
          data-testid="bt-override-add"
        >
          {t("bankTransfer.actions.addDay")}
        </Button>
      </div>
    </div>
  )
}
