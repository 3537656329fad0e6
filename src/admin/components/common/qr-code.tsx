import { useMemo } from "react"

/**
 * The VietQR code the server rendered. It is shown through an <img> with a data: URL so that the
 * SVG can never run script or style the admin (an <img> renders SVG in its own sandbox), instead
 * of being injected as markup.
 */
export function QrCode({ svg, label }: { svg: string; label: string }) {
  const src = useMemo(
    () => `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`,
    [svg]
  )
  return (
    <img
      src={src}
      alt={label}
      data-testid="bt-qr"
      className="h-40 w-40 rounded-md border bg-white p-2"
      width={160}
      height={160}
    />
  )
}
