/**
 * Proof of payment files are checked by their content, not by the name or the type the browser
 * claims: a PNG, a JPEG or a PDF, nothing else.
 */
const SIGNATURES: { mime: string; ext: string; bytes: number[] }[] = [
  {
    mime: "image/png",
    ext: "png",
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { mime: "image/jpeg", ext: "jpg", bytes: [0xff, 0xd8, 0xff] },
  {
    mime: "application/pdf",
    ext: "pdf",
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
  },
]

export function detectProofType(
  content: Buffer
): { mime: string; ext: string } | null {
  const match = SIGNATURES.find((s) =>
    s.bytes.every((b, i) => content[i] === b)
  )
  return match ? { mime: match.mime, ext: match.ext } : null
}
