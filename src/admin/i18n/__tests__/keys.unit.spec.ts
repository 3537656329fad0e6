import { readFileSync, readdirSync, statSync } from "node:fs"
import path from "node:path"

/**
 * Every text of the admin extensions goes through src/admin/i18n: this reads the sources
 * statically and checks that each key they name exists in English and Vietnamese, that both files
 * hold the same keys with the same placeholders, and that no key is left unused. Keys are written
 * out in full ("bankTransfer.…") wherever they appear, in t("…") calls and in label tables alike,
 * so that this check sees every one; a key built at run time (t(`…${x}`)) is refused.
 */
const ADMIN = path.resolve(__dirname, "../..")
const PLURAL = /_(zero|one|two|few|many|other)$/

type Tree = { [key: string]: string | Tree }
const load = (lang: string): Tree =>
  JSON.parse(
    readFileSync(path.join(ADMIN, "i18n/json", `${lang}.json`), "utf8")
  )

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === "string") {
      out.set(key, v)
    } else {
      flatten(v, key).forEach((value, sub) => out.set(sub, value))
    }
  }
  return out
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) {
      return name === "__tests__" || name === "i18n" ? [] : sources(p)
    }
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [p] : []
  })
}

const files = sources(ADMIN)
const code = new Map(
  files.map((f) => [path.relative(ADMIN, f), readFileSync(f, "utf8")])
)
const en = flatten(load("en"))
const vi = flatten(load("vi"))
const base = (key: string) => key.replace(PLURAL, "")
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",")

/** Every "bankTransfer.…" literal in the sources, with the files naming it. */
const used = new Map<string, string[]>()
for (const [file, text] of code) {
  for (const m of text.matchAll(/["'`](bankTransfer\.[A-Za-z0-9_.]+)["'`]/g)) {
    used.set(m[1], [...(used.get(m[1]) ?? []), file])
  }
}

/** A key resolves in a language as itself or, used with a count, as its plural forms. */
function resolves(dict: Map<string, string>, key: string, lang: "en" | "vi") {
  if (dict.has(key)) {
    return true
  }
  return lang === "en"
    ? dict.has(`${key}_one`) && dict.has(`${key}_other`)
    : dict.has(`${key}_other`)
}

describe("admin translations", () => {
  it("reads a realistic number of sources and keys", () => {
    expect(files.length).toBeGreaterThan(30)
    expect(used.size).toBeGreaterThan(300)
  })

  it("every key used in src/admin exists in en.json and vi.json", () => {
    const missing = [...used].flatMap(([key, where]) =>
      (["en", "vi"] as const)
        .filter((lang) => !resolves(lang === "en" ? en : vi, key, lang))
        .map((lang) => `${lang}: ${key} (${where.join(", ")})`)
    )
    expect(missing).toEqual([])
  })

  it("builds no key at run time and translates no key outside bankTransfer", () => {
    const dynamic: string[] = []
    for (const [file, text] of code) {
      for (const m of text.matchAll(/\bt\(\s*`[^`]*\$\{/g)) {
        dynamic.push(`${file}: ${m[0]}`)
      }
      for (const m of text.matchAll(
        /\bt\(\s*["'](?!bankTransfer\.)([^"']*)["']/g
      )) {
        dynamic.push(`${file}: t("${m[1]}")`)
      }
    }
    expect(dynamic).toEqual([])
  })

  it("en.json and vi.json hold the same keys (plural forms aside) with the same placeholders", () => {
    const enBase = new Set([...en.keys()].map(base))
    const viBase = new Set([...vi.keys()].map(base))
    expect([...enBase].filter((k) => !viBase.has(k))).toEqual([])
    expect([...viBase].filter((k) => !enBase.has(k))).toEqual([])
    const differ = [...vi.keys()].filter((k) => {
      const english = en.get(k) ?? en.get(`${base(k)}_other`) ?? en.get(base(k))
      return (
        english === undefined ||
        placeholders(english) !== placeholders(vi.get(k)!)
      )
    })
    expect(differ).toEqual([])
    // i18next needs "_one" and "_other" in English; Vietnamese has one form, "_other".
    const halfPlural = [...en.keys()]
      .filter((k) => PLURAL.test(k))
      .filter((k) => !en.has(`${base(k)}_one`) || !en.has(`${base(k)}_other`))
    expect(halfPlural).toEqual([])
  })

  it("has no empty text and no key left unused", () => {
    const empty = [...en, ...vi].filter(([, v]) => !v.trim()).map(([k]) => k)
    expect(empty).toEqual([])
    const unused = [...new Set([...en.keys()].map(base))].filter(
      (k) => !used.has(k)
    )
    expect(unused).toEqual([])
  })
})
