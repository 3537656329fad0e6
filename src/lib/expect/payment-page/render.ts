import { TEXTS, Lang } from "./texts"
import { pageAmounts } from "./amounts"
import { lastDayToPay } from "./deadline"
import { PAGE_STYLE } from "./style"
import { pageScript } from "./script"

/** What the page needs from buildInstructions() (plus the amounts it already carries). */
export type PageInstructions = {
  order_number: string
  status: string
  currency_code: string
  amount_due: string
  amount_received: string
  amount_remaining: string
  memo: string
  /** The merchant's text, already in the page's language (buildInstructions' `lang`). */
  instructions?: string | null
  deadline: string | null
  accounts: {
    bank_name: string | null
    bank_bin: string | null
    swift: string | null
    account_number: string
    account_holder: string
  }[]
  qr: { payload?: string; svg?: string | null } | null
}

export type PageSettings = {
  /** The payment-page token (the page's address). */
  token: string
  /** The shop's calendar time zone (options.calendar.time_zone): the deadline is shown in it. */
  timeZone: string
  /** The shop's address (options.storefront_url): a link back is shown when set. */
  storefrontUrl?: string | null
  /** The CSP nonce of the page's inline style and script. */
  nonce: string
}

export const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ]!
  )

/**
 * The hosted payment page: mobile-first, only what payment needs (no items, no address). While
 * money is owed it shows what is still owed (amount, copy button, QR for that amount, a link to
 * save the QR) and the "I have paid" form; once paid, a paid notice instead. Its status polls the
 * JSON endpoint and updates the amounts, QR and status without a reload.
 */
export function renderPaymentPage(
  i: PageInstructions,
  lang: Lang,
  settings: PageSettings
): string {
  const t = TEXTS[lang]
  const account = i.accounts[0]
  const amounts = pageAmounts(i, lang)
  const base = `/bank-transfer/pay/${encodeURIComponent(settings.token)}`
  const row = (
    label: string,
    value: string,
    opts: { copy?: string; id?: string; hidden?: boolean; cls?: string } = {}
  ) =>
    `<div class="row${opts.copy !== undefined ? " copyable" : ""}${opts.cls ? ` ${opts.cls}` : ""}"${opts.id ? ` id="${opts.id}"` : ""}${
      opts.id === "remaining"
        ? ` data-amount="${escape(amounts.amount_remaining)}"`
        : ""
    }${opts.hidden ? " hidden" : ""}><span>${escape(label)}</span><b>${escape(value)}</b>${
      opts.copy !== undefined
        ? `<button type="button" data-copy="${escape(opts.copy)}" aria-label="${escape(`${t.copy}: ${label}`)}">${escape(t.copy)}</button>`
        : ""
    }</div>`
  const deadline =
    i.deadline && amounts.owing
      ? lastDayToPay(i.deadline, settings.timeZone, lang)
      : null
  const howTo = i.instructions ?? null
  const qrQuery = `amount=${encodeURIComponent(amounts.amount_remaining)}`
  const shop = settings.storefrontUrl
    ? `<a href="${escape(settings.storefrontUrl)}">← ${escape(t.backToShop)}</a>`
    : "<span></span>"
  const isPaid = i.status === "paid"
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t.title)}</title>
<style nonce="${settings.nonce}">${PAGE_STYLE}</style></head><body><main>
<nav class="top">${shop}<a href="${base}?lang=${lang === "vi" ? "en" : "vi"}" lang="${lang === "vi" ? "en" : "vi"}">${escape(t.other)}</a></nav>
<h1>${escape(t.title)}</h1>
<div class="card"><div id="status" role="status" aria-live="polite" class="status${isPaid ? " paid" : ""}" data-status="${escape(i.status)}">${escape(t.status[i.status] ?? i.status)}</div>
${row(t.order, `#${i.order_number}`)}
${row(t.total, amounts.display.amount_due)}
${row(t.received, amounts.display.amount_received ?? "", { id: "received", hidden: !amounts.display.amount_received })}
${deadline ? `<div class="row long"><span>${escape(t.deadline)}</span><b><time datetime="${deadline.iso}">${escape(t.deadlineText(deadline.date, deadline.holdDay))}</time></b></div>` : ""}
</div>
<div class="card paid" id="paid"${isPaid ? "" : " hidden"}><h2>${escape(t.paidTitle)}</h2><p>${escape(t.paidBody)}</p></div>
${
  amounts.owing
    ? `<div class="card" id="pay">
${row(t.remaining, amounts.display.amount_remaining, { copy: amounts.amount_remaining, id: "remaining", cls: "big" })}
${row(t.bank, account.bank_name ?? account.swift ?? account.bank_bin ?? "")}
${row(t.account, account.account_number, { copy: account.account_number })}
${row(t.holder, account.account_holder)}
${row(t.memo, i.memo, { copy: i.memo })}
${
  i.qr
    ? `<p>${escape(t.scan)}</p><div class="qr"><img id="qr-img" alt="VietQR" width="288" height="288" src="${base}/qr?${qrQuery}">
<a id="qr-save" class="btn" href="${base}/qr?format=png&amp;${qrQuery}" download="vietqr-${escape(i.order_number)}.png">${escape(t.saveQr)}</a></div>`
    : ""
}
${howTo ? `<h2>${escape(t.howTo)}</h2><p class="howto">${escape(howTo)}</p>` : ""}
</div>
<form class="card" id="confirm" novalidate>
<h2>${escape(t.paidForm)}</h2>
<label for="m">${escape(t.message)}</label><textarea id="m" name="message" maxlength="2000"></textarea>
<label for="d">${escape(t.paidOn)}</label><input id="d" name="paid_on" type="date">
<label for="a">${escape(t.amount)}</label><input id="a" name="amount" inputmode="decimal" autocomplete="off" placeholder="${escape(t.amountHint)}" maxlength="40">
<input type="hidden" name="lang" value="${lang}">
<label for="f">${escape(t.proof)}</label><input id="f" name="file" type="file" multiple accept="image/png,image/jpeg,application/pdf">
<button class="submit" type="submit">${escape(t.send)}</button>
</form>`
    : ""
}
<p id="result" role="status" aria-live="polite"></p>
<script nonce="${settings.nonce}">${pageScript(base, lang)}</script>
</main></body></html>`
}

/** The page for a wrong or unknown token (404). */
export function renderNotFound(lang: Lang): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>404</title></head><body><p>${escape(TEXTS[lang].notFound)}</p></body></html>`
}

/** The page's Content-Security-Policy: its own inline style and script (by nonce), images from itself. */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ")
}
