import Link from "next/link"
import { createSdk, formatMoney } from "@/lib/config"
import { getRegion } from "@/lib/session"

export const dynamic = "force-dynamic"

export default async function Products() {
  const region = await getRegion()
  const { products } = await createSdk().store.product.list({
    region_id: region.id,
    fields: "*variants.calculated_price",
    limit: 50,
  })
  return (
    <>
      <h1>Products</h1>
      <ul className="grid">
        {products.map((p) => {
          const price = p.variants?.[0]?.calculated_price
          return (
            <li key={p.id}>
              <Link href={`/products/${p.handle}`} className="card">
                {p.thumbnail && <img src={p.thumbnail} alt="" />}
                <strong>{p.title}</strong>
                {price && (
                  <span>
                    {formatMoney(
                      price.calculated_amount,
                      price.currency_code ?? region.currency_code
                    )}
                  </span>
                )}
              </Link>
            </li>
          )
        })}
      </ul>
    </>
  )
}
