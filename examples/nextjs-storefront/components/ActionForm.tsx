"use client"

import { useActionState, type ReactNode } from "react"
import type { FormState } from "@/app/actions"

/** A form bound to a server action: disabled while it runs, its error shown under it. */
export function ActionForm({
  action,
  submit,
  children,
  className,
  testId,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>
  submit: string
  children?: ReactNode
  className?: string
  testId?: string
}) {
  const [state, formAction, pending] = useActionState(action, undefined)
  return (
    <form action={formAction} className={className} data-testid={testId}>
      {children}
      {state?.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Please wait…" : submit}
      </button>
    </form>
  )
}
