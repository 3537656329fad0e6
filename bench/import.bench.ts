/**
 * Statement import: a 50,000-line CAMT.053 and a 50,000-line CSV parsed completely (as the upload
 * route does before its preview), against a bare scan of the same bytes measured in the same run.
 */
import { parseStatement } from "../src/lib/ingest/statements"

const LINES = Number(process.env.BENCH_STATEMENT_LINES ?? 50_000)
const ACCOUNT = "0071000123456"

function camt(n: number): Buffer {
  const entries: string[] = []
  let total = 0n
  for (let i = 0; i < n; i++) {
    const amount = 100_000 + (i % 997) * 1000
    const credit = i % 10 !== 0
    total += credit ? BigInt(amount) : -BigInt(amount)
    entries.push(
      `<Ntry><Amt Ccy="VND">${amount}</Amt><CdtDbtInd>${credit ? "CRDT" : "DBIT"}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>2026-11-${String(1 + (i % 28)).padStart(2, "0")}</Dt></BookgDt><AcctSvcrRef>FT${1000000 + i}</AcctSvcrRef>` +
        `<NtryDtls><TxDtls><RmtInf><Ustrd>MBVCB.${3278900000 + i}.DH${10000 + i}K CT tu 0011004123456 toi ${ACCOUNT}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
    )
  }
  const opening = 1_000_000_000n
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>` +
      `<Acct><Id><Othr><Id>${ACCOUNT}</Id></Othr></Id><Ccy>VND</Ccy></Acct>` +
      `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>` +
      `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">${opening + total}</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>` +
      entries.join("\n") +
      `</Stmt></BkToCstmrStmt></Document>`
  )
}

function csv(n: number): Buffer {
  const rows = [
    "NGAN HANG TMCP NGOAI THUONG VIET NAM;;;;",
    `So tai khoan: ${ACCOUNT};;;;`,
    ";;;;",
    "Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Mô tả",
  ]
  for (let i = 0; i < n; i++) {
    const amount = (100_000 + (i % 997) * 1000).toLocaleString("de-DE")
    const credit = i % 10 !== 0
    rows.push(
      `${String(1 + (i % 28)).padStart(2, "0")}/11/2026 09:15;REF-${i};${credit ? "" : amount};${credit ? amount : ""};"MBVCB.${3278900000 + i}.DH${10000 + i}K CT tu 0011004123456"`
    )
  }
  return Buffer.from(rows.join("\n"))
}

/** Peak RSS growth while `fn` runs, sampled every 5 ms. */
async function measure(fn: () => Promise<unknown>) {
  global.gc?.()
  const base = process.memoryUsage().rss
  let peak = base
  const timer = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().rss)),
    5
  )
  const started = process.hrtime.bigint()
  await fn()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { seconds, peakMb: (peak - base) / 1024 / 1024 }
}

/** The floor: decode the bytes and look at every line once. */
async function bareScan(buf: Buffer) {
  let n = 0
  for (const line of buf.toString("utf8").split("\n")) {
    if (/\d/.test(line)) {
      n++
    }
  }
  return n
}

async function main() {
  const result = (r: object) => console.log(`RESULT ${JSON.stringify(r)}`)
  for (const [name, buf] of [
    ["CAMT.053", camt(LINES)],
    ["CSV", csv(LINES)],
  ] as const) {
    await bareScan(buf) // warm-up
    const bare = await measure(() => bareScan(buf))
    let lines = 0
    const parsed = await measure(async () => {
      lines = (
        await parseStatement(buf, {
          maxBytes: 200 * 1024 * 1024,
          expectedAccounts: [ACCOUNT],
        })
      ).lines.length
    })
    if (lines !== LINES) {
      throw new Error(`${name}: parsed ${lines} lines, expected ${LINES}`)
    }
    const perSecond = lines / parsed.seconds
    result({
      name: `import ${name}, ${LINES.toLocaleString("en-US")} lines (${(buf.length / 1048576).toFixed(1)} MB)`,
      value: perSecond,
      unit: "lines/s",
      baseline: `bare scan ${(lines / bare.seconds).toFixed(0)} lines/s`,
      ratio: parsed.seconds / bare.seconds,
    })
    result({
      name: `import ${name}: peak memory growth`,
      value: parsed.peakMb,
      unit: "MB",
      baseline: `file ${(buf.length / 1048576).toFixed(1)} MB`,
    })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
