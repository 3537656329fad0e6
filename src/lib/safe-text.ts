/**
 * PostgreSQL's text and jsonb cannot hold a NUL character, jsonb refuses an unpaired UTF-16
 * surrogate, and both give up on very deep nesting: input carrying any of these would fail deep
 * inside a write or a query (a 500) instead of being refused. Returns what is wrong (naming the
 * field), or null. The walk is iterative, so a deeply nested body cannot overflow the stack.
 */
export function unstorableInput(value: unknown, maxDepth = 32): string | null {
  const stack: [unknown, number, string][] = [[value, 0, ""]]
  while (stack.length) {
    const [v, depth, path] = stack.pop()!
    if (typeof v === "string") {
      const problem = textProblem(v)
      if (problem) {
        return `${path || "body"}: ${problem}`
      }
    } else if (v && typeof v === "object") {
      if (depth >= maxDepth) {
        return `${path || "body"}: nested more than ${maxDepth} levels deep`
      }
      for (const [key, child] of Object.entries(v)) {
        const field = path ? `${path}.${key}` : key
        const problem = textProblem(key)
        if (problem) {
          return `${field}: the key ${problem}`
        }
        stack.push([child, depth + 1, field])
      }
    }
  }
  return null
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) {
    return "contains a NUL character"
  }
  if (LONE_SURROGATE.test(text)) {
    return "contains an unpaired UTF-16 surrogate (not valid Unicode)"
  }
  return null
}
