import crypto from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"
import { proofKey, sealProof } from "../../../lib/expect/sealed-proof"

type ProofFile = { filename: string; mimeType: string; content: string }

/** The key proofs are sealed with on this shop (see `proofKey`). */
export async function shopProofKey(container: MedusaContainer) {
  const service: BankTransferModuleService =
    container.resolve(BANK_TRANSFER_MODULE)
  const configured = service.getOptions().proof_key
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return proofKey(
    configured ?? String(config.projectConfig.http.cookieSecret ?? "")
  )
}

/**
 * Proof files as they are handed to the File Module: sealed (AES-256-GCM, see `sealProof`) under a
 * random name (`<uuid>.bin`, application/octet-stream), so that whatever the provider does with a
 * "private" file (Medusa's local provider serves it under /static), it shows neither the image nor
 * the shopper's file name; only the admin download route opens it. Pure: nothing to undo.
 */
export const sealProofsStep = createStep(
  "bank-transfer-seal-proofs",
  async (files: ProofFile[], { container }) => {
    const key = await shopProofKey(container)
    return new StepResponse(
      files.map((f) => ({
        filename: `${crypto.randomUUID()}.bin`,
        mimeType: "application/octet-stream",
        content: sealProof(Buffer.from(f.content, "base64"), key).toString(
          "base64"
        ),
      }))
    )
  }
)
