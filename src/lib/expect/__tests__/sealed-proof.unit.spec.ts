import { openProof, proofKey, sealProof } from "../sealed-proof"

describe("sealed proof files", () => {
  const key = proofKey("supersecret")
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
  it("what is stored does not show the file; the key opens it", () => {
    const sealed = sealProof(png, key)
    expect(sealed.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false)
    expect(openProof(sealed, key).equals(png)).toBe(true)
    expect(sealProof(png, key).equals(sealed)).toBe(false) // a fresh IV each time
  })
  it("another key or an altered file is refused; a file stored before sealing is returned as is", () => {
    const sealed = sealProof(png, key)
    expect(() => openProof(sealed, proofKey("other"))).toThrow()
    sealed[sealed.length - 1] ^= 1
    expect(() => openProof(sealed, key)).toThrow()
    expect(openProof(png, key).equals(png)).toBe(true)
  })
})
