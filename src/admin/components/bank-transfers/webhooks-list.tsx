import { Badge, Button, Copy, Table, Text, toast } from "@medusajs/ui"
import { useTestWebhook } from "../../hooks/mutations"
import { sdk } from "../../lib/sdk"
import type { WebhookChannel } from "../../../types/http"
import { useI18n } from "../../hooks/use-i18n"
import type { Translate } from "../../lib/i18n"

/** Vendors keep their own names; the plugin's generic channel is described. */
const channelName = (channel: string, t: Translate) =>
  ({ sepay: "SePay", casso: "Casso", payos: "payOS" })[channel] ??
  (channel === "generic" ? t("bankTransfer.webhooks.generic") : channel)

/** The backend's own origin: what the bank must call, even when the admin is served elsewhere. */
function absolute(path: string) {
  try {
    return new URL(
      path,
      (sdk.client as any).config?.baseUrl ?? window.location.origin
    ).toString()
  } catch {
    return path
  }
}

/**
 * Each channel with its URL, whether a secret is set and whether it is receiving (its last delivery
 * and last refused one); "Send a test" signs and delivers a fake transfer (not counted as a delivery).
 */
export function WebhooksList({ webhooks }: { webhooks: WebhookChannel[] }) {
  const { t, dateTime } = useI18n()
  const test = useTestWebhook()
  const send = (channel: string) =>
    test.mutate(
      { channel },
      {
        onSuccess: (res) => {
          const body =
            res.body === null || res.body === undefined
              ? ""
              : ` ${JSON.stringify(res.body).slice(0, 200)}`
          const text = t("bankTransfer.webhooks.answered", {
            channel: channelName(channel, t),
            status: res.status,
            body,
          })
          if (res.status >= 200 && res.status < 300) {
            toast.success(text)
          } else {
            toast.error(text)
          }
        },
      }
    )

  return (
    <div
      className="overflow-x-auto rounded-lg border"
      data-testid="bt-webhooks"
    >
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>
              {t("bankTransfer.webhooks.channel")}
            </Table.HeaderCell>
            <Table.HeaderCell>URL</Table.HeaderCell>
            <Table.HeaderCell>
              {t("bankTransfer.webhooks.secret")}
            </Table.HeaderCell>
            <Table.HeaderCell>
              {t("bankTransfer.webhooks.activity")}
            </Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {webhooks.map((w) => (
            <Table.Row
              key={w.channel}
              data-testid="bt-webhook-row"
              data-channel={w.channel}
            >
              <Table.Cell>{channelName(w.channel, t)}</Table.Cell>
              <Table.Cell>
                <span className="font-mono txt-compact-xsmall break-all">
                  {absolute(w.url)}
                </span>{" "}
                <Copy content={absolute(w.url)} variant="mini" />
              </Table.Cell>
              <Table.Cell>
                {w.configured ? (
                  <Badge size="2xsmall" color="green">
                    {t("bankTransfer.webhooks.set", {
                      hint: w.secret_hint ?? "",
                    })}
                  </Badge>
                ) : (
                  <Badge size="2xsmall" color="grey">
                    {t("bankTransfer.webhooks.notConfigured")}
                  </Badge>
                )}
              </Table.Cell>
              <Table.Cell data-testid="bt-webhook-activity">
                <div className="flex flex-col gap-y-1">
                  <Text
                    size="xsmall"
                    data-testid="bt-webhook-last-delivery"
                    className={
                      w.last_delivery_at ? undefined : "text-ui-fg-muted"
                    }
                  >
                    {w.last_delivery_at
                      ? t("bankTransfer.webhooks.lastDelivery", {
                          at: dateTime(w.last_delivery_at),
                        })
                      : t("bankTransfer.webhooks.noDelivery")}
                  </Text>
                  {w.last_error_at && (
                    <Text
                      size="xsmall"
                      className="text-ui-fg-error"
                      data-testid="bt-webhook-last-error"
                      title={w.last_error ?? undefined}
                    >
                      {t("bankTransfer.webhooks.lastError", {
                        at: dateTime(w.last_error_at),
                        error: w.last_error ?? "",
                      })}
                    </Text>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="text-right">
                <Button
                  size="small"
                  variant="secondary"
                  disabled={!w.configured || test.isPending}
                  isLoading={
                    test.isPending && test.variables?.channel === w.channel
                  }
                  onClick={() => send(w.channel)}
                  data-testid="bt-webhook-test"
                >
                  {t("bankTransfer.actions.sendTest")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!webhooks.length && (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("bankTransfer.webhooks.none")}
        </Text>
      )}
    </div>
  )
}
