import crypto from "node:crypto"

/** The first bytes of a sealed proof file (a format version; files stored before sealing lack it). */
const MAGIC = Buffer.from("BTPROOF1")

/**
 * The 32-byte key proof files are sealed with: the `proof_key` option when set, else derived
 * (HKDF-SHA256) from Medusa's cookie secret. Changing the secret makes sealed proofs unreadable:
 * set `proof_key` to keep them across a secret rotation.
 */
export function proofKey(secret: string): Buffer {
  return Buffer.from(
    crypto.hkdfSync(
      "sha256",
      Buffer.from(secret),
      Buffer.from("medusa-bank-transfer"),
      Buffer.from("proof-files"),
      32
    )
  )
}

/** A proof file sealed with AES-256-GCM: MAGIC, a random 12-byte IV, the 16-byte tag, the ciphertext. */
export function sealProof(content: Buffer, key: Buffer): Buffer {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv)
  const body = Buffer.concat([cipher.update(content), cipher.final()])
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body])
}

/**
 * The original bytes of a stored proof file: opened when sealed (throws when the key is not the
 * one it was sealed with, or the file was altered), returned as is when stored before sealing.
 */
export function openProof(stored: Buffer, key: Buffer): Buffer {
  if (!stored.subarray(0, MAGIC.length).equals(MAGIC)) {
    return stored
  }
  const iv = stored.subarray(MAGIC.length, MAGIC.length + 12)
  const tag = stored.subarray(MAGIC.length + 12, MAGIC.length + 28)
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv)
  decipher.setAuthTag(tag)
  return Buffer.concat([
    decipher.update(stored.subarray(MAGIC.length + 28)),
    decipher.final(),
  ])
}
