import { notFound } from "next/navigation"
import { createSdk, formatMoney } from "@/lib/config"
import { getRegion } from "@/lib/session"
import { ActionForm } from "@/components/ActionForm"
import { addToCart } from "@/app/actions"

export default async function Product({
  params,
}: {
  params: Promise<{ handle: string }>
}) {
  const { handle } = await params
  const region = await getRegion()
  const { products } = await createSdk().store.product.list({
    handle,
    region_id: region.id,
    fields: "*variants.calculated_price,*variants.options",
  })
  const product = products[0]
  if (!product) {
    notFound()
  }
  const variants = product.variants ?? []
  return (
    <article className="product">
      {product.thumbnail && <img src={product.thumbnail} alt="" />}
      <h1>{product.title}</h1>
      {product.description && <p>{product.description}</p>}
      <ActionForm action={addToCart} submit="Add to cart" testId="add-to-cart">
        <fieldset className="choices">
          <legend>Variant</legend>
          {variants.map((v, i) => (
            <label key={v.id} className="choice">
              <input
                type="radio"
                name="variant_id"
                value={v.id}
                defaultChecked={i === 0}
                required
              />
              {v.title}
              {v.calculated_price && (
                <span className="price">
                  {formatMoney(
                    v.calculated_price.calculated_amount,
                    v.calculated_price.currency_code ?? region.currency_code
                  )}
                </span>
              )}
            </label>
          ))}
        </fieldset>
        <label>
          Quantity
          <input
            type="number"
            name="quantity"
            min={1}
            defaultValue={1}
            inputMode="numeric"
          />
        </label>
      </ActionForm>
    </article>
  )
}
