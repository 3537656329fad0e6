import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { Badge, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { IncomingTab } from "../../components/bank-transfers/incoming-tab"
import { SuggestionsTab } from "../../components/bank-transfers/suggestions-tab"
import { ImportTab } from "../../components/bank-transfers/import-tab"
import { SettingsTab } from "../../components/bank-transfers/settings-tab"
import { FiguresTab } from "../../components/bank-transfers/figures-tab"
import { DuplicatesTab } from "../../components/bank-transfers/duplicates-tab"
import { NeedsAttentionTab } from "../../components/bank-transfers/needs-attention-tab"
import { DeskOverview } from "../../components/bank-transfers/desk-overview"
import { WaitingOrdersList } from "../../components/bank-transfers/waiting-orders-tab"
import { ReturnsTab } from "../../components/bank-transfers/returns-tab"
import { useStats } from "../../hooks/queries"
import { useI18n } from "../../hooks/use-i18n"

const TABS = [
  { value: "overview", label: "bankTransfer.desk.tabOverview" },
  { value: "incoming", label: "bankTransfer.tabs.incoming" },
  { value: "unmatched", label: "bankTransfer.tabs.unmatched" },
  { value: "suggestions", label: "bankTransfer.tabs.suggestions" },
  { value: "duplicates", label: "bankTransfer.tabs.duplicates" },
  { value: "attention", label: "bankTransfer.tabs.attention" },
  { value: "confirmed", label: "bankTransfer.desk.tabConfirmed" },
  { value: "awaiting", label: "bankTransfer.desk.tabAwaiting" },
  { value: "returns", label: "bankTransfer.returns.tab" },
  { value: "import", label: "bankTransfer.tabs.import" },
  { value: "settings", label: "bankTransfer.tabs.settings" },
  { value: "figures", label: "bankTransfer.tabs.figures" },
] as const

/**
 * The accountant's desk. It opens on the overview (what needs doing); the tab lives in the URL
 * (?tab=…) so that a link, a reload or the back button lands on the same list.
 */
const BankTransfersPage = () => {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const tab = TABS.some((x) => x.value === params.get("tab"))
    ? (params.get("tab") as string)
    : "overview"
  const counts = useReviewCounts()

  return (
    <Container className="flex flex-col gap-y-4 p-0 pb-6" data-testid="bt-page">
      <div className="px-6 pt-4">
        <Heading level="h1">{t("bankTransfer.page.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("bankTransfer.page.subtitle")}
        </Text>
      </div>
      <Tabs
        value={tab}
        onValueChange={(v) => setParams({ tab: v }, { replace: true })}
      >
        <div className="overflow-x-auto px-6">
          <Tabs.List>
            {TABS.map((x) => (
              <Tabs.Trigger
                key={x.value}
                value={x.value}
                // Twelve tabs: they scroll sideways rather than wrap into three-line labels.
                className="whitespace-nowrap"
                data-testid={`bt-tab-${x.value}`}
              >
                {t(x.label)}
                {counts[x.value] !== undefined && (
                  <Badge
                    size="2xsmall"
                    rounded="full"
                    color={counts[x.value] ? "orange" : "grey"}
                    className="ml-1.5"
                    data-testid={`bt-tab-count-${x.value}`}
                  >
                    {counts[x.value]}
                  </Badge>
                )}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        {/* Only the open tab is mounted (Radix unmounts the others), so each one loads on demand. */}
        <Tabs.Content value="overview" className="pt-4">
          <DeskOverview />
        </Tabs.Content>
        <Tabs.Content value="incoming" className="pt-4">
          <IncomingTab />
        </Tabs.Content>
        <Tabs.Content value="unmatched" className="pt-4">
          <IncomingTab queue />
        </Tabs.Content>
        <Tabs.Content value="suggestions" className="pt-4">
          <SuggestionsTab />
        </Tabs.Content>
        <Tabs.Content value="duplicates" className="pt-4">
          <DuplicatesTab />
        </Tabs.Content>
        <Tabs.Content value="attention" className="pt-4">
          <div className="flex flex-col gap-y-6">
            <WaitingOrdersList kind="attention" />
            <NeedsAttentionTab />
          </div>
        </Tabs.Content>
        <Tabs.Content value="confirmed" className="pt-4">
          <WaitingOrdersList kind="confirmed" />
        </Tabs.Content>
        <Tabs.Content value="awaiting" className="pt-4">
          <WaitingOrdersList kind="awaiting" />
        </Tabs.Content>
        <Tabs.Content value="returns" className="pt-4">
          <ReturnsTab />
        </Tabs.Content>
        <Tabs.Content value="import" className="pt-4">
          <ImportTab />
        </Tabs.Content>
        <Tabs.Content value="settings" className="pt-4">
          <SettingsTab />
        </Tabs.Content>
        <Tabs.Content value="figures" className="pt-4">
          <FiguresTab />
        </Tabs.Content>
      </Tabs>
    </Container>
  )
}

/**
 * Every queue's size on its tab, so that the accountant sees them from any tab: all from one
 * request (GET /admin/bank-transfer/stats, polled). A count the server does not give is left out
 * (e.g. money to return on a server without that queue).
 */
function useReviewCounts(): Record<string, number | undefined> {
  const { data } = useStats()
  const s = data?.stats
  if (!s) {
    return {}
  }
  return {
    unmatched: s.unmatched,
    suggestions: s.suggestions_pending,
    duplicates: s.possible_duplicates,
    attention:
      s.attention_transactions === undefined
        ? undefined
        : s.attention_transactions + (s.attention_orders ?? 0),
    confirmed: s.customer_confirmed,
    awaiting: s.awaited?.reduce((sum, a) => sum + a.count, 0),
    returns: s.returns_open,
  }
}

/**
 * The sidebar entry: with `translationNs`, Medusa's admin (2.21) reads `label` as a key of that
 * i18next namespace (its menu calls `useTranslation(translationNs)` then `t(label)`); the plugin's
 * texts are merged into the dashboard's default "translation" namespace.
 */
export const config = defineRouteConfig({
  label: "bankTransfer.nav.label",
  translationNs: "translation",
  icon: Cash,
})

export default BankTransfersPage
