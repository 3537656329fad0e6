import { buildVietQrPayload, crc16, parseVietQrPayload } from "../vietqr"
import { renderQrSvg } from "../qr-image"

describe("VietQR", () => {
  it("uses CRC-16/CCITT-FALSE", () => {
    // The standard check value of the algorithm.
    expect(crc16("123456789")).toBe("29B1")
  })

  // VietQR strings published by others (a payment gateway's live QR, a generator's reference vector, a
  // shop's sample): decoded, re-encoded by us, compared byte for byte.
  it.each([
    [
      "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C",
    ],
    [
      "00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346",
    ],
    [
      "00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA5303704540719430005802VN62120808TT0000696304A8E5",
    ],
  ])("re-encodes the public VietQR %s byte for byte", (published) => {
    const p = parseVietQrPayload(published)
    const again = buildVietQrPayload({
      bin: p.bin!,
      accountNumber: p.accountNumber!,
      amount: p.amount ? BigInt(p.amount) : undefined,
      memo: p.memo ?? undefined,
      currency: "VND",
    })
    expect(again).toBe(published)
  })

  it("matches a published CRC of a payload with other sub-fields", () => {
    expect(
      crc16(
        "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304"
      )
    ).toBe("A203")
  })

  it("builds the NAPAS payload field by field", () => {
    const payload = buildVietQrPayload({
      bin: "970436",
      accountNumber: "0071000123456",
      amount: 2430000n,
      memo: "DH1042K 0101234567001",
      currency: "VND",
    })
    expect(payload).toBe(
      "000201" +
        "010212" +
        "3857" +
        "0010A000000727" +
        "0127" +
        "0006970436" +
        "01130071000123456" +
        "0208QRIBFTTA" +
        "5303704" +
        "54072430000" +
        "5802VN" +
        "6225" +
        "0821DH1042K 0101234567001" +
        "6304" +
        crc16(payload.slice(0, -4))
    )
    expect(parseVietQrPayload(payload)).toEqual({
      version: "01",
      initiation: "dynamic",
      guid: "A000000727",
      bin: "970436",
      accountNumber: "0071000123456",
      service: "QRIBFTTA",
      currency: "704",
      amount: "2430000",
      country: "VN",
      memo: "DH1042K 0101234567001",
    })
  })

  it("is static without an amount", () => {
    const p = parseVietQrPayload(
      buildVietQrPayload({
        bin: "546034",
        accountNumber: "123",
        currency: "VND",
      })
    )
    expect(p).toMatchObject({
      initiation: "static",
      amount: null,
      memo: null,
      bin: "546034",
    })
  })

  it("refuses what banks would reject", () => {
    const base = {
      bin: "970436",
      accountNumber: "0071000123456",
      currency: "VND" as const,
    }
    expect(() => buildVietQrPayload({ ...base, bin: "9704" })).toThrow(
      /6 digits/
    )
    expect(() =>
      buildVietQrPayload({ ...base, accountNumber: "12 34" })
    ).toThrow(/account number/)
    expect(() => buildVietQrPayload({ ...base, amount: 0n })).toThrow(
      /positive/
    )
    expect(() =>
      buildVietQrPayload({ ...base, memo: "Thanh toán đơn" })
    ).toThrow(/ASCII/)
    expect(() => buildVietQrPayload({ ...base, memo: "X".repeat(26) })).toThrow(
      /25/
    )
  })

  it("detects a corrupted payload", () => {
    const payload = buildVietQrPayload({
      bin: "970436",
      accountNumber: "1",
      amount: 1000n,
      currency: "VND",
    })
    expect(() => parseVietQrPayload(payload.replace("1000", "9000"))).toThrow(
      /CRC/
    )
  })

  describe("lengths, CRC and order as the EMVCo MPM / NAPAS VietQR spec reads them", () => {
    const base = {
      bin: "970436",
      accountNumber: "0071000123456",
      currency: "VND" as const,
    }
    // Builds a payload by hand: lengths in UTF-8 bytes, fields in the order given, CRC appended.
    const field = (tag: string, value: string) =>
      `${tag}${String(Buffer.byteLength(value, "utf8")).padStart(2, "0")}${value}`
    const withCrc = (body: string) => body + "6304" + crc16(body + "6304")
    const account = field(
      "38",
      field("00", "A000000727") +
        field("01", field("00", "970436") + field("01", "0071000123456")) +
        field("02", "QRIBFTTA")
    )

    it("counts a Vietnamese memo's length in UTF-8 bytes (round trip)", () => {
      const memo = "Thanh toán hóa đơn"
      const payload = buildVietQrPayload({
        ...base,
        amount: 150000n,
        memo,
        unicodeMemo: true,
      })
      // 18 characters, 22 bytes: the sub-field says 22 and the template 26.
      expect(payload).toContain("62260822Thanh toán hóa đơn6304")
      expect(parseVietQrPayload(payload)).toMatchObject({
        memo,
        amount: "150000",
        accountNumber: "0071000123456",
      })
    })

    it("decodes a hand-built payload with diacritics in the memo", () => {
      const payload = withCrc(
        field("00", "01") +
          field("01", "12") +
          account +
          field("53", "704") +
          field("54", "2430000") +
          field("58", "VN") +
          field("62", field("08", "Đặt cọc ĐH39A"))
      )
      expect(parseVietQrPayload(payload).memo).toBe("Đặt cọc ĐH39A")
    })

    it("compares the CRC case-insensitively", () => {
      const payload = buildVietQrPayload({ ...base, amount: 1000n })
      const lower = payload.slice(0, -4) + payload.slice(-4).toLowerCase()
      expect(lower).not.toBe(payload) // the CRC of this payload has letters
      expect(parseVietQrPayload(lower).amount).toBe("1000")
    })

    it("accepts the fields in any order (the CRC last)", () => {
      const payload = withCrc(
        field("58", "VN") +
          field("62", field("08", "DH39A")) +
          field("54", "2430000") +
          field(
            "38",
            field("02", "QRIBFTTA") +
              field(
                "01",
                field("01", "0071000123456") + field("00", "970436")
              ) +
              field("00", "A000000727")
          ) +
          field("53", "704") +
          field("01", "12") +
          field("00", "01")
      )
      expect(parseVietQrPayload(payload)).toEqual({
        version: "01",
        initiation: "dynamic",
        guid: "A000000727",
        bin: "970436",
        accountNumber: "0071000123456",
        service: "QRIBFTTA",
        currency: "704",
        amount: "2430000",
        country: "VN",
        memo: "DH39A",
      })
    })

    it("refuses a length that runs past the end or splits a character", () => {
      expect(() =>
        parseVietQrPayload(withCrc(field("00", "01") + "6205" + "08"))
      ).toThrow(/malformed/)
      // "ó" is two bytes: a length of 1 cuts it in half.
      expect(() =>
        parseVietQrPayload(withCrc(field("00", "01") + "6201ó"))
      ).toThrow(/UTF-8|malformed/)
    })

    it("reads a published card-transfer (QRIBFTTC) payload", () => {
      const p = parseVietQrPayload(
        "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304a203"
      )
      expect(p).toMatchObject({
        service: "QRIBFTTC",
        bin: "970403",
        accountNumber: "9704031101234567",
        amount: "180000",
        memo: "thanh toan don hang",
      })
    })

    it("builds a card transfer (QRIBFTTC)", () => {
      const payload = buildVietQrPayload({
        bin: "970403",
        accountNumber: "9704031101234567",
        amount: 180000n,
        memo: "DH39A",
        currency: "VND",
        service: "QRIBFTTC",
      })
      expect(payload).toContain(
        "38600010A00000072701300006970403011697040311012345670208QRIBFTTC"
      )
      expect(parseVietQrPayload(payload)).toMatchObject({
        service: "QRIBFTTC",
        accountNumber: "9704031101234567",
      })
      expect(() =>
        buildVietQrPayload({ ...base, service: "QRIBFTTC" })
      ).toThrow(/card number/)
    })

    it("builds a static QR with an amount when the caller asks for one", () => {
      const payload = buildVietQrPayload({
        ...base,
        amount: 50000n,
        initiation: "static",
      })
      expect(payload.startsWith("000201010211")).toBe(true)
      expect(parseVietQrPayload(payload)).toMatchObject({
        initiation: "static",
        amount: "50000",
      })
      // The default is unchanged: an amount makes it dynamic.
      expect(
        buildVietQrPayload({ ...base, amount: 50000n }).startsWith(
          "000201010212"
        )
      ).toBe(true)
    })

    it("refuses a CRC that is not the last field", () => {
      const good = buildVietQrPayload({ ...base, amount: 1000n })
      expect(() => parseVietQrPayload(good + "5802VN")).toThrow(/last field/)
    })
  })

  it("renders an SVG QR code", async () => {
    const svg = await renderQrSvg(
      buildVietQrPayload({ bin: "970436", accountNumber: "1", currency: "VND" })
    )
    expect(svg.startsWith("<svg")).toBe(true)
    expect(svg).toContain("<path")
  })
})
