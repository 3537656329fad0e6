// A tiny test runner for the browser scenarios: sequential tests (they share one shop and one
// logged-in page), a screenshot after each, skips that are reported as skips (never as passes),
// and the final line `N passed, N failed` that CI reads.
import fs from "node:fs"
import path from "node:path"

/**
 * `disturbed(since)` tells whether the shop went down after `since` (a dev server restarts when
 * a source file changes): a scenario that failed then is run once more; scenarios are written so
 * that running them again after a partial first attempt is safe.
 */
export function createHarness({
  screenshots,
  page: getPage,
  disturbed = () => false,
}) {
  const results = []
  let n = 0
  fs.mkdirSync(screenshots, { recursive: true })

  class Skip extends Error {}

  async function shot(name) {
    const page = getPage()
    if (!page) {
      return null
    }
    const file = path.join(
      screenshots,
      `${String(++n).padStart(2, "0")}-${name
        .replace(/[^a-z0-9]+/gi, "-")
        .toLowerCase()
        .slice(0, 60)}.png`
    )
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 15_000 })
      return path.basename(file)
    } catch {
      return null
    }
  }

  // ONLY=<regular expression>: run only the scenarios whose name matches (and those marked
  // `always`, such as logging in), while working on them; the others are not run nor counted.
  const only = process.env.ONLY ? new RegExp(process.env.ONLY, "i") : null

  /** Runs one scenario; `fn` may call skip(reason). Later scenarios still run after a failure. */
  async function test(name, fn, { always = false } = {}) {
    if (only && !always && !only.test(name)) {
      return
    }
    const started = Date.now()
    try {
      try {
        await fn()
      } catch (e) {
        if (e instanceof Skip || !disturbed(started)) {
          throw e
        }
        console.log(
          `    (the shop restarted during "${name}": running it once more)`
        )
        await fn()
      }
      const file = await shot(name)
      results.push({ name, status: "passed" })
      console.log(
        `  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${file ? ` [${file}]` : ""}`
      )
    } catch (e) {
      if (e instanceof Skip) {
        results.push({ name, status: "skipped", reason: e.message })
        console.log(`  - ${name}: SKIPPED (${e.message})`)
        return
      }
      const file = await shot(`FAIL ${name}`)
      results.push({ name, status: "failed", error: e })
      console.log(
        `  ✗ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${file ? ` [${file}]` : ""}`
      )
      console.log(
        `      ${String(e?.stack ?? e)
          .split("\n")
          .slice(0, 6)
          .join("\n      ")}`
      )
    }
  }

  const skip = (reason) => {
    throw new Skip(reason)
  }

  function summary() {
    const count = (s) => results.filter((r) => r.status === s).length
    const skipped = results.filter((r) => r.status === "skipped")
    if (skipped.length) {
      console.log(
        `${skipped.length} skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}`
      )
    }
    console.log(`${count("passed")} passed, ${count("failed")} failed`)
    return count("failed")
  }

  return { test, skip, shot, summary, results }
}

export function assert(condition, message) {
  if (!condition) {
    throw new Error(`assertion failed: ${message}`)
  }
}
