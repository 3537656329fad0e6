"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"

const { useCallback, useEffect, useRef, useState } = React

export type CopyState = "idle" | "copied" | "failed"

/** Writes text to the clipboard: the Clipboard API, or a hidden textarea and execCommand. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {}
  try {
    const area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.appendChild(area)
    area.select()
    const ok = document.execCommand("copy")
    document.body.removeChild(area)
    return ok
  } catch {
    return false
  }
}

/** `copy(text)` and what happened, back to "idle" after `resetMs` (ms). */
export function useCopy(resetMs = 2000): {
  state: CopyState
  copy: (text: string) => Promise<void>
} {
  const [state, setState] = useState<CopyState>("idle")
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = useCallback(
    async (text: string) => {
      const ok = await copyText(text)
      setState(ok ? "copied" : "failed")
      clearTimeout(timer.current)
      timer.current = setTimeout(() => setState("idle"), resetMs)
    },
    [resetMs]
  )
  return { state, copy }
}
