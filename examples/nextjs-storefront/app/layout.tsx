import type { Metadata, Viewport } from "next"
import Link from "next/link"
import { getCart, getCustomer } from "@/lib/session"
import { logout } from "./actions"
import "./globals.css"

export const metadata: Metadata = {
  title: "Demo shop",
  description:
    "A Medusa storefront that takes payment by bank transfer (VietQR)",
}
export const viewport: Viewport = { width: "device-width", initialScale: 1 }

export default async function RootLayout({
  children,
}: {
  children: React.ReactNode
}) {
  const [customer, cart] = await Promise.all([getCustomer(), getCart()])
  const count = cart?.items?.reduce((n, i) => n + i.quantity, 0) ?? 0
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">
            Demo shop
          </Link>
          <nav>
            {customer ? (
              <>
                <Link href="/account">{customer.first_name || "Account"}</Link>
                <form action={logout}>
                  <button type="submit" className="link">
                    Log out
                  </button>
                </form>
              </>
            ) : (
              <Link href="/login">Log in</Link>
            )}
            <Link href="/cart" data-testid="nav-cart">
              Cart{count ? ` (${count})` : ""}
            </Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
