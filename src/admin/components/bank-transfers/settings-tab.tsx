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
import { useI18n } from "../../hooks/use-i18n"

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
  const { t } = useI18n()
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
          ? t("bankTransfer.settings.notAvailable")
          : t("bankTransfer.settings.loadError", {
              message: errorMessage(error, t),
            })}
      </Text>
    )
  }
  if (isLoading || !data || !form) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6">
        {t("bankTransfer.common.loading")}
      </Text>
    )
  }

  const onSave = () => {
    const { update, error } = fromForm(form, t)
    if (!update) {
      return toast.error(error ?? t("bankTransfer.settings.check"))
    }
    save.mutate(changedOnly(update, data.settings), {
      onSuccess: () => toast.success(t("bankTransfer.settings.saved")),
    })
  }
  const dirty = JSON.stringify(form) !== JSON.stringify(toForm(data.settings))

  return (
    <div className="flex flex-col" data-testid="bt-settings-tab">
      <Section
        title={t("bankTransfer.settings.accounts")}
        hint={t("bankTransfer.settings.accountsHint", {
          prefix: data.settings.reference_prefix,
        })}
      >
        <AccountsList accounts={data.settings.accounts} />
      </Section>

      <Section
        title={t("bankTransfer.settings.matching")}
        hint={t("bankTransfer.settings.matchingHint")}
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
            {t("bankTransfer.settings.partials")}
          </Label>
        </div>
      </Section>

      <Section
        title={t("bankTransfer.settings.fulfilment")}
        hint={t("bankTransfer.settings.fulfilmentHint")}
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
            {t("bankTransfer.settings.blockFulfilment")}
          </Label>
        </div>
      </Section>

      <Section
        title={t("bankTransfer.settings.reminders")}
        hint={t("bankTransfer.settings.remindersHint")}
      >
        <PoliciesEditor form={form} onChange={setForm} />
      </Section>

      <Section
        title={t("bankTransfer.settings.instructions")}
        hint={t("bankTransfer.settings.instructionsHint")}
      >
        {form.instructions.per_currency ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("bankTransfer.settings.instructionsPerCurrency")}
          </Text>
        ) : (
          (["vi", "en"] as const).map((lang) => (
            <div key={lang} className="flex flex-col gap-y-1">
              <Label size="xsmall">
                {lang === "vi"
                  ? t("bankTransfer.settings.vietnamese")
                  : t("bankTransfer.settings.english")}
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
          {t("bankTransfer.settings.reset")}
        </Button>
        <Button
          size="small"
          disabled={!dirty || save.isPending}
          isLoading={save.isPending}
          onClick={onSave}
          data-testid="bt-settings-save"
        >
          {t("bankTransfer.actions.saveSettings")}
        </Button>
      </div>

      <Section
        title={t("bankTransfer.settings.calendar")}
        hint={t("bankTransfer.settings.calendarHint")}
      >
        <CalendarSettings
          calendar={data.settings.calendar}
          overrides={data.overrides ?? []}
        />
      </Section>

      <Section
        title={t("bankTransfer.settings.webhooks")}
        hint={t("bankTransfer.settings.webhooksHint")}
      >
        <WebhooksList webhooks={data.webhooks ?? []} />
      </Section>
    </div>
  )
}
