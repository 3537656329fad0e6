import { Container, Text } from "@medusajs/ui"
import { errorMessage, errorStatus, isMissingRoute } from "../../lib/errors"
import { useI18n } from "../../hooks/use-i18n"

/**
 * The plugin could not load this order's transfer. A missing route or a lost session is not the
 * accountant's business on this page (Medusa handles the session): render nothing then.
 */
export function WidgetError({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (isMissingRoute(error) || errorStatus(error) === 401) {
    return null
  }
  return (
    <Container className="px-6 py-4" data-testid="bt-widget-error">
      <Text size="small" weight="plus">
        {t("bankTransfer.summary.title")}
      </Text>
      <Text size="small" className="text-ui-fg-error">
        {t("bankTransfer.summary.loadError", {
          message: errorMessage(error, t),
        })}
      </Text>
    </Container>
  )
}
