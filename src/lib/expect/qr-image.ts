import QRCode from "qrcode"

/** The QR code as an SVG string (scales without blur on any screen, and inlines in emails). */
export async function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  })
}
