import { Button, IconButton, Input, Table } from "@medusajs/ui"
import { Plus, Trash } from "@medusajs/icons"
import type { PolicyRow, SettingsForm } from "../../lib/settings-form"
import { useI18n } from "../../hooks/use-i18n"

type Props = { form: SettingsForm; onChange: (f: SettingsForm) => void }

/**
 * One row per kind of product (the product's `bank_transfer_policy` metadata picks it): when to ask
 * the shopper to confirm, when to put the order on hold, and optionally when to cancel it.
 */
export function PoliciesEditor({ form, onChange }: Props) {
  const { t } = useI18n()
  const set = (i: number, patch: Partial<PolicyRow>) =>
    onChange({
      ...form,
      policies: form.policies.map((p, j) => (j === i ? { ...p, ...patch } : p)),
    })
  return (
    <div className="flex flex-col gap-y-2" data-testid="bt-policies">
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>
                {t("bankTransfer.policies.policy")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.policies.confirmAfterDays")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.policies.holdAfter")}
              </Table.HeaderCell>
              <Table.HeaderCell>
                {t("bankTransfer.policies.cancelAfterEmpty")}
              </Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {form.policies.map((p, i) => (
              <Table.Row
                key={i}
                data-testid="bt-policy-row"
                data-policy={p.name}
              >
                <Table.Cell>
                  <Input
                    size="small"
                    value={p.name}
                    aria-label={t("bankTransfer.policies.name")}
                    onChange={(e) => set(i, { name: e.target.value })}
                  />
                </Table.Cell>
                <Table.Cell>
                  <Input
                    size="small"
                    value={p.confirmation_after}
                    placeholder="2, 4"
                    aria-label={t("bankTransfer.policies.confirmAfter")}
                    data-testid="bt-policy-confirm"
                    onChange={(e) =>
                      set(i, { confirmation_after: e.target.value })
                    }
                  />
                </Table.Cell>
                <Table.Cell>
                  <Input
                    size="small"
                    inputMode="numeric"
                    value={p.tentative_cancel_after}
                    aria-label={t("bankTransfer.policies.holdAfter")}
                    data-testid="bt-policy-hold"
                    onChange={(e) =>
                      set(i, { tentative_cancel_after: e.target.value })
                    }
                  />
                </Table.Cell>
                <Table.Cell>
                  <Input
                    size="small"
                    inputMode="numeric"
                    value={p.final_cancel_after}
                    aria-label={t("bankTransfer.policies.cancelAfter")}
                    onChange={(e) =>
                      set(i, { final_cancel_after: e.target.value })
                    }
                  />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={t("bankTransfer.policies.remove")}
                    onClick={() =>
                      onChange({
                        ...form,
                        policies: form.policies.filter((_, j) => j !== i),
                      })
                    }
                  >
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Button
        size="small"
        variant="transparent"
        className="self-start"
        onClick={() =>
          onChange({
            ...form,
            policies: [
              ...form.policies,
              {
                name: "",
                confirmation_after: "3",
                tentative_cancel_after: "5",
                final_cancel_after: "",
              },
            ],
          })
        }
      >
        <Plus />
        {t("bankTransfer.policies.add")}
      </Button>
    </div>
  )
}
