import { clx } from "@medusajs/ui"
import { highlightMemo, type Identifiers } from "../../lib/highlight"

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
  if (!memo) {
    return <span className="text-ui-fg-muted">(no memo)</span>
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
            title={`Matches the ${s.label}`}
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
