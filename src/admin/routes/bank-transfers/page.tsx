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
import { useDuplicates, useNeedsAttention } from "../../hooks/queries"

const TABS = [
  { value: "incoming", label: "Incoming money" },
  { value: "unmatched", label: "Unmatched" },
  { value: "suggestions", label: "Suggestions" },
  { value: "duplicates", label: "Possible duplicates" },
  { value: "attention", label: "Needs attention" },
  { value: "import", label: "Import a statement" },
  { value: "settings", label: "Settings" },
  { value: "figures", label: "Figures" },
] as const

/**
 * The accountant's desk. The tab lives in the URL (?tab=…) so that a link, a reload or the back
 * button lands on the same list.
 */
const BankTransfersPage = () => {
  const [params, setParams] = useSearchParams()
  const tab = TABS.some((t) => t.value === params.get("tab"))
    ? (params.get("tab") as string)
    : "incoming"
  const counts = useReviewCounts()

  return (
    <Container className="flex flex-col gap-y-4 p-0 pb-6" data-testid="bt-page">
      <div className="px-6 pt-4">
        <Heading level="h1">Bank transfers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Money received by bank transfer, how it was matched to orders, and
          what still needs a person.
        </Text>
      </div>
      <Tabs
        value={tab}
        onValueChange={(v) => setParams({ tab: v }, { replace: true })}
      >
        <div className="overflow-x-auto px-6">
          <Tabs.List>
            {TABS.map((t) => (
              <Tabs.Trigger
                key={t.value}
                value={t.value}
                data-testid={`bt-tab-${t.value}`}
              >
                {t.label}
                {counts[t.value] !== undefined && (
                  <Badge
                    size="2xsmall"
                    rounded="full"
                    color={counts[t.value] ? "orange" : "grey"}
                    className="ml-1.5"
                    data-testid={`bt-tab-count-${t.value}`}
                  >
                    {counts[t.value]}
                  </Badge>
                )}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </div>
        {/* Only the open tab is mounted (Radix unmounts the others), so each one loads on demand. */}
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
          <NeedsAttentionTab />
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
 * How many reports wait for a decision and how many transfers are parked, shown on their tabs so
 * that the accountant sees them from any tab. A count the server cannot give is left out.
 */
function useReviewCounts(): Record<string, number | undefined> {
  const duplicates = useDuplicates()
  const attention = useNeedsAttention({ limit: 1, offset: 0 })
  return {
    duplicates: duplicates.data?.possible_duplicates.length,
    attention: attention.data?.count,
  }
}

export const config = defineRouteConfig({
  label: "Bank transfers",
  icon: Cash,
})

export default BankTransfersPage
