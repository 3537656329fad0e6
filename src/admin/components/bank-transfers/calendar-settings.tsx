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
import { formatDate } from "../../lib/dates"
import type { CalendarOverride, Settings } from "../../../types/http"

const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
]

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
            `${formatDate(date)} saved as ${kind === "day_off" ? "a day off" : "a working day"}`
          )
          setDate("")
          setName("")
        },
      }
    )

  return (
    <div className="flex flex-col gap-y-3" data-testid="bt-calendar">
      <Text size="small" className="text-ui-fg-subtle">
        Time zone {calendar.time_zone} · holidays of {calendar.country} ·
        weekend{" "}
        {calendar.weekend_days.map((d) => WEEKDAYS[d] ?? d).join(" and ")}
      </Text>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Name</Table.HeaderCell>
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
                    {o.kind === "day_off" ? "Day off" : "Working day"}
                  </Badge>
                </Table.Cell>
                <Table.Cell>{o.name ?? "—"}</Table.Cell>
                <Table.Cell className="text-right">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label="Remove"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(
                        { id: o.id },
                        { onSuccess: () => toast.success("Day removed") }
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
            No changes to the base calendar.
          </Text>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="bt-override-date">
            Date
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
            Kind
          </Label>
          <Select
            size="small"
            value={kind}
            onValueChange={(k) => setKind(k as typeof kind)}
          >
            <Select.Trigger className="w-40" aria-label="Kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="day_off">Day off</Select.Item>
              <Select.Item value="working_day">Working day</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="bt-override-name">
            Name
          </Label>
          <Input
            id="bt-override-name"
            size="small"
            placeholder="Nghỉ bù Quốc khánh"
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
          Add day
        </Button>
      </div>
    </div>
  )
}
