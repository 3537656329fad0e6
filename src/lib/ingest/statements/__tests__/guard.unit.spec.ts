import { guardText } from "../guard"
import { StatementError } from "../types"
import { firstInvalidUtf8 } from "../utf8"

const refusal = (buf: Buffer) => {
  try {
    guardText(buf, 1024)
    return null
  } catch (e) {
    return e as StatementError
  }
}

describe("text guard: UTF-8 decided on the bytes", () => {
  it("accepts well-formed UTF-8 that holds U+FFFD written by the bank", () => {
    const text = ":20:S\n:86:Nguy\uFFFDn V\u0103n A \u0111\u01B0\u1EDDng\n"
    expect(guardText(Buffer.from(text, "utf8"), 1024)).toBe(text)
    expect(guardText(Buffer.from(`\uFEFF${text}`, "utf8"), 1024)).toBe(text)
  })

  it("refuses Windows-1252 / Windows-1258 / ISO-8859-2 bytes clearly, naming the line", () => {
    // "Đường" in Windows-1258 on line 3; "Łódź" in ISO-8859-2 on line 2.
    const cp1258 = Buffer.concat([
      Buffer.from(":20:S\n:25:1\n:86:"),
      Buffer.from([0xd0, 0xfd, 0xec, 0xf5, 0xd2, 0x6e, 0x67]),
    ])
    expect(refusal(cp1258)?.message).toBe(
      "line 3: is not valid UTF-8 (byte 0xD0): the file is in another encoding, such as Windows-1252, Windows-1258 or ISO-8859-2; export it as UTF-8"
    )
    const latin2 = Buffer.from([0x61, 0x0a, 0xa3, 0xf3, 0x64, 0xbc])
    expect(refusal(latin2)?.message).toMatch(/^line 2: is not valid UTF-8/)
  })

  it("finds the first ill-formed sequence: truncated, overlong, surrogate, above U+10FFFF", () => {
    expect(firstInvalidUtf8(Buffer.from("aé€😀\uFFFD", "utf8"))).toBe(-1)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0)
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x28, 0xa1]))).toBe(0)
  })
})
