import { StatementError } from "./types"

/**
 * One OFX element. An aggregate has children and no value; a leaf (`<TRNAMT>12.50`, with or
 * without `</TRNAMT>`) has a value and no children. Names are upper case; `line` is where the
 * element's tag starts.
 */
export type OfxElement = {
  name: string
  line: number
  value: string | null
  children: OfxElement[]
}

/**
 * Reads OFX 1.x (SGML: leaf elements are not closed) and OFX 2.x (XML) into one element tree,
 * in a single pass: the text is walked once from start to end (each `indexOf` starts where the
 * previous one stopped, lines are counted as the walk passes them), so the time grows linearly
 * with the file. Skipped: the OFX 1.x header lines, `<!-- … -->` comments, `<?…?>` processing
 * instructions. A leaf is an element whose tag is followed by text; an element followed by
 * another tag is an aggregate, closed by its `</NAME>` (which also closes any SGML elements left
 * open inside it). The value of a leaf is its text up to the end of its line, entities decoded.
 */
export function readOfxTree(text: string): OfxElement {
  const root: OfxElement = { name: "", line: 1, value: null, children: [] }
  const stack: OfxElement[] = [root]
  let pending: OfxElement | null = null
  let pendingText = ""
  let pos = 0
  let line = 1
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        line++
      }
    }
    pos = to
  }
  /** The element opened last gets the text read since: a leaf if there is any, else an aggregate. */
  const settle = () => {
    if (!pending) {
      return
    }
    const value = leafValue(pendingText)
    if (value === null) {
      stack.push(pending)
    } else {
      pending.value = value
    }
    pending = null
    pendingText = ""
  }
  for (;;) {
    const lt = text.indexOf("<", pos)
    if (pending) {
      pendingText += text.slice(pos, lt === -1 ? text.length : lt)
    }
    if (lt === -1) {
      advance(text.length)
      break
    }
    advance(lt)
    const at = line
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4)
      if (end === -1) {
        throw new StatementError("unterminated comment <!--", `line ${at}`)
      }
      advance(end + 3)
      continue
    }
    const gt = text.indexOf(">", lt + 1)
    if (gt === -1) {
      throw new StatementError("unterminated tag", `line ${at}`)
    }
    const tag = text.slice(lt + 1, gt)
    advance(gt + 1)
    if (tag.startsWith("?") || tag.startsWith("!")) {
      continue
    }
    const m = tag.match(/^(\/?)\s*([A-Za-z][\w.:-]*)[\s\S]*?(\/?)\s*$/)
    if (!m) {
      throw new StatementError(
        `malformed tag <${tag.slice(0, 20)}>`,
        `line ${at}`
      )
    }
    const name = m[2].toUpperCase()
    if (m[1]) {
      closeTag(name)
      continue
    }
    settle()
    const el: OfxElement = { name, line: at, value: null, children: [] }
    stack[stack.length - 1].children.push(el)
    if (!m[3]) {
      pending = el
    }
  }
  settle()
  return root

  function closeTag(name: string) {
    // `<NAME>value</NAME>` (XML) closes a leaf; otherwise the innermost open element of that name.
    if (pending && pending.name === name) {
      pending.value = leafValue(pendingText)
      pending = null
      pendingText = ""
      return
    }
    settle()
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i].name === name) {
        stack.length = i
        return
      }
    }
  }
}

function leafValue(raw: string): string | null {
  const firstLine = raw
    .replace(/^\s+/, "")
    .split(/\r?\n|\r/, 1)[0]
    .trim()
  return firstLine ? decode(firstLine) : null
}

const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : +e.slice(1)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[e.toLowerCase()] ?? whole
  })

/** The first element named `name` under `el`, in document order (not `el` itself). */
export function first(el: OfxElement, name: string): OfxElement | null {
  const todo = [...el.children].reverse()
  while (todo.length) {
    const e = todo.pop()!
    if (e.name === name) {
      return e
    }
    for (let i = e.children.length - 1; i >= 0; i--) {
      todo.push(e.children[i])
    }
  }
  return null
}

/** Every element named one of `names` under `el`, in document order, not looking inside them. */
export function all(el: OfxElement, names: string[]): OfxElement[] {
  const out: OfxElement[] = []
  const todo = [...el.children].reverse()
  while (todo.length) {
    const e = todo.pop()!
    if (names.includes(e.name)) {
      out.push(e)
      continue
    }
    for (let i = e.children.length - 1; i >= 0; i--) {
      todo.push(e.children[i])
    }
  }
  return out
}

/** The value of the first leaf named `name` under `el`. */
export function valueOf(el: OfxElement | null, name: string): string | null {
  return el ? (first(el, name)?.value ?? null) : null
}

/** The first element of each name under `el` (document order), found in one walk. */
export function indexByName(el: OfxElement): Map<string, OfxElement> {
  const out = new Map<string, OfxElement>()
  const walk = (e: OfxElement) => {
    for (const c of e.children) {
      if (!out.has(c.name)) {
        out.set(c.name, c)
      }
      walk(c)
    }
  }
  walk(el)
  return out
}
