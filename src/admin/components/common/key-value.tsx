import type { ReactNode } from "react"
import { Text } from "@medusajs/ui"

/** One label/value row, laid out like the rows of Medusa's own order sections. */
export function KeyValue({
  label,
  children,
  testId,
}: {
  label: string
  children: ReactNode
  testId?: string
}) {
  return (
    <div
      className="text-ui-fg-subtle grid grid-cols-2 items-start gap-x-4 px-6 py-2"
      data-testid={testId}
    >
      <Text size="small" leading="compact" weight="plus">
        {label}
      </Text>
      <div className="txt-compact-small flex min-w-0 items-center justify-end gap-x-1 text-right">
        {children}
      </div>
    </div>
  )
}
