import {
  Button,
  Heading,
  Label,
  Switch,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { useSettings } from "../../hooks/queries"
import { useSaveSettings } from "../../hooks/mutations"
import {
  changedOnly,
  fromForm,
  toForm,
  type SettingsForm,
} from "../../lib/settings-form"
import { errorMessage, isMissingRoute } from "../../lib/errors"
import { TolerancesEditor } from "./tolerances-editor"
import { PoliciesEditor } from "./policies-editor"
import { AccountsList } from "./accounts-list"
import { CalendarSettings } from "./calendar-settings"
import { WebhooksList } from "./webhooks-list"

function Section({
  title,
  hint,
  children,
}: {
  title: string
  hint?: string
  children: React.ReactNode
}) {
  return (
    <section className="flex flex-col gap-y-3 border-t px-6 py-5">
      <div>
        <Heading level="h3">{title}</Heading>
        {hint && (
          <Text size="small" className="text-ui-fg-subtle">
            {hint}
          </Text>
        )}
      </div>
      {children}
    </section>
  )
}

/**
 * What an admin may change at run time (matching tolerances, partial payments, escalation
 * policies, the shopper's instructions, the holiday calendar). Accounts, reference prefix and
 * webhook secrets come from medusa-config.ts and are shown read-only, secrets masked.
 */
export function SettingsTab() {
  const { data, isLoading, isError, error } = useSettings()
  const save = useSaveSettings()
  const [form, setForm] = useState<SettingsForm | null>(null)
  // Every action on the page refetches the settings: unsaved edits must survive that, so the form
  // follows the server only while it still shows what the server said last.
  const synced = useRef<string | null>(null)
  useEffect(() => {
    if (!data?.settings) {
      return
    }
    const next = toForm(data.settings)
    setForm((current) =>
      !current || JSON.stringify(current) === synced.current ? next : current
    )
    synced.current = JSON.stringify(next)
  }, [data])

  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error px-6">
        {isMissingRoute(error)
          ? "Settings are not available on this server yet."
          : `Could not load settings: ${errorMessage(error)}`}
      </Text>
    )
  }
  if (isLoading || !data || !form) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6">
        Loading…
      </Text>
    )
  }

  const onSave = () => {
    const { update, error } = fromForm(form)
    if (!update) {
      return toast.error(error ?? "Check the settings")
    }
    save.mutate(changedOnly(update, data.settings), {
      onSuccess: () => toast.success("Settings saved"),
    })
  }
  const dirty = JSON.stringify(form) !== JSON.stringify(toForm(data.settings))

  return (
    <div className="flex flex-col" data-testid="bt-settings-tab">
      <Section
        title="Receiving accounts"
        hint={`Set in medusa-config.ts. Payment references start with ${data.settings.reference_prefix}.`}
      >
        <AccountsList accounts={data.settings.accounts} />
      </Section>

      <Section
        title="Matching"
        hint="How far an amount may be off for a transfer to be suggested, and what counts as paid."
      >
        <TolerancesEditor form={form} onChange={setForm} />
        <div className="flex items-center gap-x-2">
          <Switch
            id="bt-partials"
            checked={form.allow_automatic_partials}
            onCheckedChange={(v) =>
              setForm({ ...form, allow_automatic_partials: v })
            }
            data-testid="bt-setting-partials"
          />
          <Label htmlFor="bt-partials" size="small">
            Apply a certain transfer for less than due as a partial payment
            (otherwise suggest it)
          </Label>
        </div>
      </Section>

      <Section
        title="Fulfilment"
        hint="Medusa shows an order waiting for its transfer as Authorized; this keeps it from being fulfilled by mistake."
      >
        <div className="flex items-center gap-x-2">
          <Switch
            id="bt-block-fulfillment"
            checked={form.block_unpaid_fulfillment}
            onCheckedChange={(v) =>
              setForm({ ...form, block_unpaid_fulfillment: v })
            }
            data-testid="bt-setting-block-fulfillment"
          />
          <Label htmlFor="bt-block-fulfillment" size="small">
            Refuse to fulfil an order paid by bank transfer until its transfer
            is paid
          </Label>
        </div>
      </Section>

      <Section
        title="Reminders and holds"
        hint="Business days after the order is placed: ask the shopper to confirm, put the order on hold, cancel it."
      >
        <PoliciesEditor form={form} onChange={setForm} />
      </Section>

      <Section
        title="Instructions for the shopper"
        hint="Shown with the account, amount and memo at checkout, on the payment page and in emails."
      >
        {form.instructions.per_currency ? (
          <Text size="small" className="text-ui-fg-subtle">
            Set per currency in medusa-config.ts (the `instructions` option);
            edit them there.
          </Text>
        ) : (
          (["vi", "en"] as const).map((lang) => (
            <div key={lang} className="flex flex-col gap-y-1">
              <Label size="xsmall">
                {lang === "vi" ? "Tiếng Việt" : "English"}
              </Label>
              <Textarea
                rows={3}
                value={form.instructions[lang]}
                onChange={(e) =>
                  setForm({
                    ...form,
                    instructions: {
                      ...form.instructions,
                      [lang]: e.target.value,
                    },
                  })
                }
                data-testid={`bt-setting-instructions-${lang}`}
              />
            </div>
          ))
        )}
      </Section>

      <div className="flex justify-end gap-x-2 border-t px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          disabled={!dirty || save.isPending}
          onClick={() => setForm(toForm(data.settings))}
        >
          Reset
        </Button>
        <Button
          size="small"
          disabled={!dirty || save.isPending}
          isLoading={save.isPending}
          onClick={onSave}
          data-testid="bt-settings-save"
        >
          Save settings
        </Button>
      </div>

      <Section
        title="Business-day calendar"
        hint="Weekends and public holidays do not count towards reminders and holds."
      >
        <CalendarSettings
          calendar={data.settings.calendar}
          overrides={data.overrides ?? []}
        />
      </Section>

      <Section
        title="Bank webhooks"
        hint="Where your bank or aggregator sends incoming transfers. Secrets come from medusa-config.ts."
      >
        <WebhooksList webhooks={data.webhooks ?? []} />
      </Section>
    </div>
  )
}
