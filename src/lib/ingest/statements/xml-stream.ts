import { SaxesParser } from "saxes"
import { StatementError } from "./types"
import { ownString } from "./compact-line"

/**
 * Streaming XML for the statement parsers: the file's bytes are decoded a chunk at a time and fed
 * to `saxes` (a maintained, spec-conforming SAX parser that takes its input in pieces and keeps no
 * document), and only the subtrees the caller asks for are built, each handed over when its
 * element closes and then dropped. A subtree has the shape fast-xml-parser gave the whole document
 * before (the parsers' field reading did not change):
 *   - namespace prefixes dropped from element and attribute names; `xmlns` attributes dropped;
 *   - an element with neither attributes nor children is its trimmed text (`""` when empty);
 *   - otherwise an object: attributes as `@name`, children by name, its trimmed text (if any) as
 *     `#text`; a name that repeats, or one of `arrays`, holds an array;
 *   - entity references are left as written (`&amp;` stays `&amp;`): the files were read with
 *     entity processing off, and no entity is ever expanded (a DOCTYPE is refused before, guard.ts).
 */
export type XmlValue = string | { [name: string]: any }

/** What to do with an element, from its path of names (prefixes dropped) from the root. */
export type XmlRoute = "descend" | "keep" | "skip"

export type XmlStreamHandlers = {
  route(path: readonly string[]): XmlRoute
  /** A kept element closed: its subtree (`path` is its own path). */
  kept(path: readonly string[], value: XmlValue): void
  /** An element that was descended into opened or closed. */
  open?(path: readonly string[]): void
  close?(path: readonly string[]): void
}

/**
 * Bytes decoded per chunk: small next to any file, and below V8's large-object size (128 KB): a
 * larger string goes to the large-object space, which only a full collection frees, so that every
 * chunk of the file would stay in memory until the parse ends.
 */
const CHUNK_BYTES = 64 * 1024

/**
 * Deepest element nesting accepted. A camt.053 document is about a dozen levels deep; a file nested
 * far deeper is not a statement (a hostile file: `<a>` 100,000 times) and is refused at once.
 */
export const MAX_XML_DEPTH = 100

const localName = (name: string) => {
  const colon = name.indexOf(":")
  return colon === -1 ? name : name.slice(colon + 1)
}

type Frame = {
  name: string
  attrs: Record<string, string> | null
  children: Record<string, any> | null
  text: string
}

/**
 * Streams `buf` (UTF-8, checked by the caller) through saxes, building the subtrees `handlers.route`
 * keeps. A well-formedness error is thrown as `not well-formed XML: …`. An error thrown by a
 * handler is held until the whole file has been read: a file that is not well-formed is refused
 * as such first, whatever else is wrong with it (as when the whole document was parsed first).
 */
export function streamXml(
  buf: Buffer,
  arrays: ReadonlySet<string>,
  handlers: XmlStreamHandlers
): void {
  const parser = new SaxesParser({ position: true })
  // Entity references stay as written (see above); the parser still checks their syntax.
  ;(parser as any).parseEntity = (entity: string) => `&${entity};`
  const path: string[] = []
  // What each open element is: undefined for "descend", a frame for a kept subtree's element,
  // null for a skipped one and everything under it.
  const frames: (Frame | null | undefined)[] = []
  let skipping = 0
  let held: unknown
  // A kept value is copied once when its element closes (compact-line.ts): the parser's text is a
  // view into its 64 KB chunk, and a memo kept for the preview would keep the chunk alive.
  const guarded = (fn: () => void) => {
    if (held === undefined) {
      try {
        fn()
      } catch (e) {
        held = e ?? new Error("statement parse failed")
      }
    }
  }
  const inKept = () => {
    const top = frames[frames.length - 1]
    return top ? top : null
  }
  parser.on("opentag", (tag) => {
    if (path.length >= MAX_XML_DEPTH) {
      throw new StatementError(
        `XML elements nested more than ${MAX_XML_DEPTH} deep: not a bank statement`
      )
    }
    const name = localName(tag.name)
    path.push(name)
    if (skipping) {
      skipping++
      frames.push(null)
      return
    }
    const parent = inKept()
    let route: XmlRoute = "keep"
    if (!parent) {
      route = handlers.route(path)
    }
    if (route === "skip") {
      skipping = 1
      frames.push(null)
      return
    }
    if (route === "descend") {
      frames.push(undefined)
      guarded(() => handlers.open?.(path))
      return
    }
    let attrs: Record<string, string> | null = null
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) {
        continue
      }
      ;(attrs ??= {})[`@${localName(k)}`] = ownString(v as string)
    }
    frames.push({ name, attrs, children: null, text: "" })
  })
  const addText = (t: string) => {
    const top = frames[frames.length - 1]
    if (top) {
      top.text += t
    }
  }
  parser.on("text", addText)
  parser.on("cdata", addText)
  parser.on("closetag", () => {
    const frame = frames.pop()
    if (skipping) {
      skipping--
      path.pop()
      return
    }
    if (frame === undefined) {
      guarded(() => handlers.close?.(path))
      path.pop()
      return
    }
    if (frame === null) {
      path.pop()
      return
    }
    const text = frame.text.trim()
    let value: XmlValue
    if (!frame.attrs && !frame.children) {
      value = ownString(text)
    } else {
      value = { ...frame.attrs, ...frame.children }
      if (text) {
        value["#text"] = ownString(text)
      }
    }
    const parent = inKept()
    if (parent) {
      const children = (parent.children ??= {})
      const had = children[frame.name]
      if (arrays.has(frame.name)) {
        ;(had ?? (children[frame.name] = [])).push(value)
      } else if (had === undefined) {
        children[frame.name] = value
      } else if (Array.isArray(had)) {
        had.push(value)
      } else {
        children[frame.name] = [had, value]
      }
    } else {
      guarded(() => handlers.kept(path, value))
    }
    path.pop()
  })
  try {
    const decoder = new TextDecoder("utf-8")
    for (let at = 0; at < buf.length; at += CHUNK_BYTES) {
      let chunk = decoder.decode(buf.subarray(at, at + CHUNK_BYTES), {
        stream: true,
      })
      if (at === 0) {
        // The decoder drops one byte-order mark; the text reader dropped a second one too.
        chunk = chunk.replace(/^\uFEFF/, "")
      }
      parser.write(chunk)
    }
    parser.write(decoder.decode())
    parser.close()
  } catch (e: any) {
    if (e instanceof StatementError) {
      throw e
    }
    throw new StatementError(`not well-formed XML: ${e.message}`)
  }
  if (held !== undefined) {
    throw held
  }
}
