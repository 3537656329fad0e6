import QRCode from "qrcode"

/** The QR code as an SVG string (scales without blur on any screen, and inlines in emails). */
export async function renderQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  })
}

/** The QR code as a PNG image (what a phone saves to its photos and a banking app opens). */
export async function renderQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 4,
    width: 720,
  })
}
