import http from "node:http"
import type { AddressInfo } from "node:net"
import Medusa from "@medusajs/js-sdk"
import {
  fetchBankTransferStatus,
  retrieveBankTransferDetails,
  sendBankTransferConfirmation,
} from "../index.ts"
import { bankTransferData, order, partlyPaid } from "./fixtures.ts"

type Seen = {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

/** A stand-in Medusa server: records each request and answers with `reply`. */
async function server(reply: (r: Seen) => { status: number; json: unknown }) {
  const seen: Seen[] = []
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const r = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("latin1"),
      }
      seen.push(r)
      const { status, json } = reply(r)
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(json))
    })
  })
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve))
  const { port } = srv.address() as AddressInfo
  return {
    seen,
    sdk: new Medusa({
      baseUrl: `http://127.0.0.1:${port}`,
      publishableKey: "pk_test",
    }),
    close: () => new Promise((resolve) => srv.close(resolve)),
  }
}

describe("storefront kit: store routes through @medusajs/js-sdk", () => {
  it("asks the status route with the payment token and publishable key", async () => {
    const s = await server(() => ({
      status: 200,
      json: { bank_transfer: partlyPaid },
    }))
    try {
      const view = await fetchBankTransferStatus(
        s.sdk,
        "order_01",
        "tok_abc123"
      )
      expect(view).toEqual(partlyPaid)
      expect(s.seen[0]).toMatchObject({
        method: "GET",
        url: "/store/bank-transfer/orders/order_01",
      })
      expect(s.seen[0].headers["x-bank-transfer-token"]).toBe("tok_abc123")
      expect(s.seen[0].headers["x-publishable-api-key"]).toBe("pk_test")
    } finally {
      await s.close()
    }
  })

  it("sends the confirmation as multipart (not JSON) with the token, files included", async () => {
    const s = await server(() => ({
      status: 201,
      json: { confirmation: { id: "btconf_1", files: 2 } },
    }))
    try {
      const png = new File(
        [new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
        "receipt.png",
        {
          type: "image/png",
        }
      )
      const pdf = new File(["%PDF-1.4"], "receipt.pdf", {
        type: "application/pdf",
      })
      const answer = await sendBankTransferConfirmation(
        s.sdk,
        "order_01",
        "tok_abc123",
        {
          message: "Đã chuyển lúc 9 giờ",
          paid_on: "2026-12-01",
          amount: "1.280.000",
          files: [png, pdf],
          locale: "vi",
        }
      )
      expect(answer).toEqual({ confirmation: { id: "btconf_1", files: 2 } })
      const r = s.seen[0]
      expect(r.method).toBe("POST")
      expect(r.url).toBe("/store/bank-transfer/orders/order_01/confirm")
      expect(r.headers["content-type"]).toMatch(
        /^multipart\/form-data; boundary=/
      )
      expect(r.headers["x-bank-transfer-token"]).toBe("tok_abc123")
      expect(r.headers["x-publishable-api-key"]).toBe("pk_test")
      const body = Buffer.from(r.body, "latin1").toString("utf8")
      expect(body).toContain('name="amount"\r\n\r\n1.280.000\r\n')
      expect(body).toContain('name="paid_on"\r\n\r\n2026-12-01\r\n')
      expect(body).toContain('name="lang"\r\n\r\nvi\r\n')
      expect(body).toContain("Đã chuyển lúc 9 giờ")
      expect(body).toContain('name="file"; filename="receipt.png"')
      expect(body).toContain('name="file"; filename="receipt.pdf"')
      // empty fields are left out (the route's schema is strict)
      expect(body).not.toContain('name="message"\r\n\r\n\r\n')
    } finally {
      await s.close()
    }
  })

  it("throws the server's message and status on 4xx", async () => {
    const s = await server(() => ({
      status: 400,
      json: {
        message: '"abc" is not an amount such as "1.280.000" or "1280000"',
      },
    }))
    try {
      await expect(
        sendBankTransferConfirmation(s.sdk, "order_01", "tok", {
          amount: "abc",
        })
      ).rejects.toMatchObject({
        status: 400,
        message: '"abc" is not an amount such as "1.280.000" or "1280000"',
      })
    } finally {
      await s.close()
    }
  })

  it("fetches the order again with its payments to find the details", async () => {
    const answers = [
      { order: { id: "order_01", payment_collections: [] } },
      { order },
    ]
    const s = await server(() => ({ status: 200, json: answers.shift() }))
    try {
      expect(await retrieveBankTransferDetails(s.sdk, "order_01")).toBeNull()
      expect(await retrieveBankTransferDetails(s.sdk, "order_01")).toEqual(
        bankTransferData
      )
      const url = new URL(s.seen[0].url, "http://x")
      expect(url.pathname).toBe("/store/orders/order_01")
      expect(url.searchParams.get("fields")).toBe(
        "*payment_collections.payments"
      )
    } finally {
      await s.close()
    }
  })
})
