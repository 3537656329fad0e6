import { BankTransferEvents } from "../../../lib/events"
import { formatMoney } from "../../../lib/money/minor-units"

export type AdminFeedEvent = {
  name: string
  data: {
    id?: string
    order_id?: string
    transaction_id?: string
    confirmation_id?: string
    expectation_ids?: string[]
    by_step?: Record<string, number>
    reason?: string
    amount_to_return?: string
  }
}

/** The language feed entries are written in (Medusa's dashboard shows `title` and `description` as they are). */
export type AdminFeedLanguage = "en" | "vi"

/** What an entry is about, loaded from the module: the order (by its display id) and the money. */
export type AdminFeedContext = {
  /** The order the event concerns (an expectation of the module). */
  order?: {
    id: string
    display_id: string
    currency_code: string
    /** Minor units. */
    amount_due: bigint
    amount_remaining: bigint
    amount_to_return: bigint
  } | null
  /** The confirmation the shopper filled in, when the event is theirs. */
  confirmation?: {
    /** Minor units, null when the shopper did not say how much. */
    amount: bigint | null
    /** The day the shopper says they paid, as they wrote it. */
    paid_on: string | null
  } | null
  /** The incoming transfer the event concerns. */
  transaction?: {
    id: string
    currency_code: string
    /** Minor units. */
    amount: bigint
    counterparty_name: string | null
  } | null
  /** The orders a transfer is suggested for (display ids). */
  suggested_orders?: string[]
}

export type AdminFeedEntry = {
  title: string
  description: string
  /**
   * Where the entry leads in the admin, relative to the dashboard (e.g. "/orders/order_…"). Medusa's
   * dashboard (2.21) does not render links in its feed; the path is kept in the notification's data
   * for any reader that does (and for people reading the data).
   */
  url: string
  key: string | undefined
}

const STEP_LABELS: Record<AdminFeedLanguage, Record<string, string>> = {
  en: {
    confirmation_1: "asked to confirm their payment",
    confirmation_2: "asked again to confirm their payment",
    tentative_cancel: "put on hold",
    final_cancel: "cancelled",
  },
  vi: {
    confirmation_1: "được nhắc xác nhận thanh toán",
    confirmation_2: "được nhắc lại xác nhận thanh toán",
    tentative_cancel: "tạm giữ",
    final_cancel: "đã huỷ",
  },
}

/** A bank-transfer page tab. */
const tab = (name: string) => `/bank-transfers?tab=${name}`
const orderUrl = (id: string) => `/orders/${id}`

type Texts = {
  order: (n: string) => string
  unknownOrder: string
  customerConfirmed: {
    title: string
    says: (amount: string) => string
    paidOn: (day: string) => string
    due: (amount: string) => string
  }
  suggested: {
    title: string
    body: (money: string, from: string | null, orders: string) => string
    noOrder: string
  }
  attention: { title: string }
  toReturn: { title: string; body: (order: string, money: string) => string }
  escalated: { title: string; nothing: string }
}

const TEXTS: Record<AdminFeedLanguage, Texts> = {
  en: {
    order: (n) => `Order #${n}`,
    unknownOrder: "An order",
    customerConfirmed: {
      title: "Shopper says they paid",
      says: (amount) => `says they sent ${amount}`,
      paidOn: (day) => `on ${day}`,
      due: (amount) => `${amount} awaited`,
    },
    suggested: {
      title: "Transfer waiting for confirmation",
      body: (money, from, orders) =>
        `${from ? `${money} from ${from}` : money} may pay ${orders}`,
      noOrder: "an order",
    },
    attention: { title: "Order needs attention: Medusa refused the capture" },
    toReturn: {
      title: "Money to return",
      body: (order, money) =>
        `${order} was cancelled: ${money} received for it must go back`,
    },
    escalated: { title: "Unpaid orders moved along", nothing: "No order" },
  },
  vi: {
    order: (n) => `Đơn hàng #${n}`,
    unknownOrder: "Một đơn hàng",
    customerConfirmed: {
      title: "Khách báo đã chuyển khoản",
      says: (amount) => `khách báo đã chuyển ${amount}`,
      paidOn: (day) => `ngày ${day}`,
      due: (amount) => `còn chờ ${amount}`,
    },
    suggested: {
      title: "Giao dịch chờ xác nhận",
      body: (money, from, orders) =>
        `${from ? `${money} từ ${from}` : money} có thể thanh toán cho ${orders}`,
      noOrder: "một đơn hàng",
    },
    attention: {
      title: "Đơn hàng cần xử lý: Medusa từ chối ghi nhận thanh toán",
    },
    toReturn: {
      title: "Tiền cần hoàn lại",
      body: (order, money) =>
        `${order} đã bị huỷ: ${money} đã nhận cho đơn này cần được hoàn lại`,
    },
    escalated: {
      title: "Đơn chưa thanh toán đã được chuyển bước",
      nothing: "Không có đơn nào",
    },
  },
}

/**
 * The feed entry for an event: what needs an accountant, and one summary per escalation run. Each
 * names the order by its display id ("Order #1042") and the money formatted ("1.280.000 ₫"), in the
 * store's chosen language, with the admin path it concerns.
 */
export function adminFeedEntry(
  event: AdminFeedEvent,
  context: AdminFeedContext = {},
  language: AdminFeedLanguage = "en"
): AdminFeedEntry | null {
  const t = TEXTS[language] ?? TEXTS.en
  const order = context.order ?? null
  const orderName = order ? t.order(order.display_id) : t.unknownOrder
  const orderId = order?.id ?? event.data.order_id
  const money = (amount: bigint, currency: string) =>
    formatMoney(amount, currency)
  const joinLine = (parts: (string | null | undefined | false)[]) =>
    parts.filter(Boolean).join(", ")
  switch (event.name) {
    case BankTransferEvents.CUSTOMER_CONFIRMED: {
      const c = context.confirmation
      return {
        title: t.customerConfirmed.title,
        description: joinLine([
          orderName,
          [
            c?.amount != null && order
              ? t.customerConfirmed.says(money(c.amount, order.currency_code))
              : null,
            c?.paid_on ? t.customerConfirmed.paidOn(c.paid_on) : null,
          ]
            .filter(Boolean)
            .join(" "),
          order && order.amount_remaining > 0n
            ? t.customerConfirmed.due(
                money(order.amount_remaining, order.currency_code)
              )
            : null,
        ]),
        url: orderId ? orderUrl(orderId) : tab("attention"),
        key: event.data.confirmation_id ?? event.data.order_id,
      }
    }
    case BankTransferEvents.TRANSACTION_SUGGESTED: {
      const tx = context.transaction
      const orders = (context.suggested_orders ?? []).map(t.order)
      return {
        title: t.suggested.title,
        description: tx
          ? t.suggested.body(
              money(tx.amount, tx.currency_code),
              tx.counterparty_name,
              orders.length ? orders.join(", ") : t.suggested.noOrder
            )
          : orders.join(", "),
        url: tab("suggestions"),
        key: event.data.transaction_id ?? event.data.id,
      }
    }
    case BankTransferEvents.ORDER_NEEDS_ATTENTION:
      return {
        title: t.attention.title,
        description: `${orderName}: ${event.data.reason ?? ""}`
          .trim()
          .replace(/:$/, ""),
        url: orderId ? orderUrl(orderId) : tab("attention"),
        key: `${event.data.order_id}:${event.data.reason ?? ""}`,
      }
    case BankTransferEvents.MONEY_TO_RETURN: {
      const amount =
        order && order.amount_to_return > 0n
          ? money(order.amount_to_return, order.currency_code)
          : String(event.data.amount_to_return ?? "")
      return {
        title: t.toReturn.title,
        description: t.toReturn.body(orderName, amount),
        url: orderId ? orderUrl(orderId) : tab("attention"),
        key: `${event.data.order_id}:to-return`,
      }
    }
    case BankTransferEvents.ESCALATION_RUN_COMPLETED: {
      const labels = STEP_LABELS[language] ?? STEP_LABELS.en
      const parts = Object.entries(event.data.by_step ?? {}).map(
        ([step, n]) => `${n} ${labels[step] ?? step}`
      )
      return {
        title: t.escalated.title,
        description: parts.length ? parts.join(", ") : t.escalated.nothing,
        url: tab("incoming"),
        key: event.data.id,
      }
    }
    default:
      return null
  }
}
