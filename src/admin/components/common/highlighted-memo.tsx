import { clx } from "@medusajs/ui"
import { highlightMemo, type Identifiers } from "../../lib/highlight"
import { useI18n } from "../../hooks/use-i18n"

/**
 * A memo with the order's identifiers marked, so the accountant sees at a glance why a transfer
 * was suggested (and what the shopper got wrong). Rendered as text nodes only: memos come from
 * banks and shoppers and are never trusted as markup.
 */
export function HighlightedMemo({
  memo,
  ids,
  className,
}: {
  memo: string | null | undefined
  ids: Identifiers
  className?: string
}) {
  const { t } = useI18n()
  if (!memo) {
    return (
      <span className="text-ui-fg-muted">
        {t("bankTransfer.common.noMemo")}
      </span>
    )
  }
  const matchTitle: Record<string, string> = {
    reference: t("bankTransfer.memo.matchesReference"),
    "reference (without check letter)": t(
      "bankTransfer.memo.matchesReferenceBody"
    ),
    "order number": t("bankTransfer.memo.matchesOrderNumber"),
    "tax code": t("bankTransfer.memo.matchesTaxCode"),
    phone: t("bankTransfer.memo.matchesPhone"),
  }
  return (
    <span
      className={clx("break-all font-mono", className)}
      data-testid="bt-memo"
    >
      {highlightMemo(memo, ids).map((s, i) =>
        s.match ? (
          <mark
            key={i}
            title={
              matchTitle[s.label ?? ""] ??
              t("bankTransfer.memo.matches", { label: s.label })
            }
            className="bg-ui-tag-green-bg text-ui-tag-green-text rounded-sm px-0.5"
            data-testid="bt-memo-match"
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        )
      )}
    </span>
  )
}
