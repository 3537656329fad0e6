"use client"
import { useCopy } from "./use-copy.ts"
import type { BankTransferLabels } from "./labels.ts"
import { styles } from "./styles.ts"

/**
 * A "Copy" button for `value`, named for screen readers as "Copy <what>", that says "Copied" (or
 * "Could not copy") for two seconds in a polite live region.
 */
export function CopyButton({
  value,
  what,
  labels,
  testId,
}: {
  value: string
  what: string
  labels: Pick<BankTransferLabels, "copy" | "copied" | "copyFailed">
  testId?: string
}) {
  const { state, copy } = useCopy()
  return (
    <span style={{ display: "inline-flex", alignItems: "center" }}>
      <button
        type="button"
        style={styles.button}
        aria-label={`${labels.copy}: ${what}`}
        data-testid={testId}
        onClick={() => void copy(value)}
      >
        {labels.copy}
      </button>
      <span role="status" aria-live="polite" style={styles.feedback}>
        {state === "copied"
          ? labels.copied
          : state === "failed"
            ? labels.copyFailed
            : ""}
      </span>
    </span>
  )
}
