"use client"
// A namespace import: this module then also loads where React has no hooks (a server
// component bundle without a "use client" step); the hooks are only read when rendering.
import * as React from "react"
import QRCode from "qrcode"
import type { BankTransferLabels } from "./labels.ts"
import { styles } from "./styles.ts"

const { useEffect, useState } = React

/**
 * The VietQR `payload` (EMVCo string) drawn in the browser with `qrcode` into a PNG data URL, and
 * a "save QR" link that downloads it as `fileName` (an `<a download>` with the data URL, which
 * phones save too). Server-rendered as an empty square of the same size.
 */
export function BankTransferQr({
  payload,
  fileName,
  labels,
}: {
  payload: string
  fileName: string
  labels: Pick<BankTransferLabels, "qrTitle" | "qrHelp" | "qrAlt" | "saveQr">
}) {
  const [drawn, setDrawn] = useState<{ payload: string; url: string } | null>(
    null
  )
  useEffect(() => {
    let current = true
    QRCode.toDataURL(payload, {
      errorCorrectionLevel: "M",
      margin: 2,
      width: 480,
    }).then(
      (url) => {
        if (current) {
          setDrawn({ payload, url })
        }
      },
      () => {}
    )
    return () => {
      current = false
    }
  }, [payload])
  const url = drawn?.payload === payload ? drawn.url : null

  return (
    <div style={styles.qr} data-testid="bt-qr" data-qr-payload={payload}>
      <p style={{ ...styles.subtitle, margin: 0 }}>{labels.qrTitle}</p>
      {url ? (
        <img
          src={url}
          alt={labels.qrAlt}
          width={240}
          height={240}
          style={styles.qrImage}
        />
      ) : (
        <div
          style={styles.qrPlaceholder}
          role="img"
          aria-label={labels.qrAlt}
        />
      )}
      <p style={{ ...styles.muted, textAlign: "center" }}>{labels.qrHelp}</p>
      <a
        data-testid="bt-save-qr"
        href={url ?? undefined}
        download={fileName}
        aria-disabled={url ? undefined : true}
        style={styles.button}
      >
        {labels.saveQr}
      </a>
    </div>
  )
}
