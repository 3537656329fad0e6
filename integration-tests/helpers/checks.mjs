// What the script test groups (installed, storefront, multi-instance) share: a PASS/FAIL line per
// check, timed steps, and the timings table. Each group is its own process, so module state is its.

/** Counts of the checks so far; a group ends with "N passed, N failed" from it. */
export const tally = { passed: 0, failed: 0 }

/** Prints "PASS  name — detail" or "FAIL  …", counts it, and returns `ok`. */
export function check(name, ok, detail = "") {
  if (ok) {
    tally.passed++
  } else {
    tally.failed++
  }
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`)
  return ok
}

/** Steps' durations in seconds, in the order they ended: [label, seconds]. */
export const timings = []
const t0 = Date.now()

/** Runs `fn` as a named step, printing its duration and keeping it for printTimings. */
export async function timed(label, fn) {
  const started = Date.now()
  console.log(`\n> ${label}`)
  try {
    return await fn()
  } finally {
    const s = (Date.now() - started) / 1000
    timings.push([label, s])
    console.log(`  (${s.toFixed(1)} s)`)
  }
}

/** The timings table, with the total since the group started. */
export function printTimings() {
  const total = (Date.now() - t0) / 1000
  console.log("\ntimings:")
  for (const [label, s] of timings) {
    console.log(`  ${s.toFixed(1).padStart(6)} s  ${label}`)
  }
  console.log(`  ${total.toFixed(1).padStart(6)} s  total`)
}
