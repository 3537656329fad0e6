import { TEXTS, Lang } from "./texts"
import { formatMoney, toMinorUnits } from "../../money/minor-units"

type Instructions = {
  order_number: string
  status: string
  currency_code: string
  amount_remaining: string
  memo: string
  deadline: string | null
  accounts: {
    bank_name: string | null
    bank_bin: string | null
    swift: string | null
    account_number: string
    account_holder: string
  }[]
  qr: { svg: string | null } | null
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ]!
  )

/**
 * The hosted payment page: mobile-first, only what payment needs (no items, no address). Its
 * status polls the JSON endpoint and turns to "paid" without a reload.
 */
export function renderPaymentPage(
  i: Instructions,
  lang: Lang,
  token: string
): string {
  const t = TEXTS[lang]
  const account = i.accounts[0]
  const money = formatMoney(
    toMinorUnits(i.amount_remaining, i.currency_code),
    i.currency_code
  )
  const row = (label: string, value: string, copy = false) =>
    `<div class="row"><span>${escape(label)}</span><b>${escape(value)}</b>${
      copy
        ? `<button type="button" data-copy="${escape(value)}">${escape(t.copy)}</button>`
        : ""
    }</div>`
  const base = `/bank-transfer/pay/${encodeURIComponent(token)}`
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}
main{max-width:28rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px #0001}
.row{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.4rem 0;border-bottom:1px solid #eee;flex-wrap:wrap}
.row span{color:#71717a;font-size:.9rem}.row b{word-break:break-all}
button{border:1px solid #d4d4d8;background:#fff;border-radius:8px;padding:.3rem .7rem;cursor:pointer}
.status{font-weight:600;padding:.6rem;border-radius:8px;background:#fef3c7}.status.paid{background:#dcfce7}
.qr img{width:100%;max-width:18rem;display:block;margin:0 auto}
label{display:block;margin:.5rem 0 .2rem;font-size:.9rem}input,textarea{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #d4d4d8;border-radius:8px}
.submit{margin-top:.8rem;width:100%;background:#18181b;color:#fff;padding:.7rem}
</style></head><body><main>
<p style="text-align:right"><a href="${base}?lang=${lang === "vi" ? "en" : "vi"}">${escape(t.other)}</a></p>
<h1>${escape(t.title)}</h1>
<div class="card"><div id="status" class="status${i.status === "paid" ? " paid" : ""}" data-status="${escape(i.status)}">${escape(t.status[i.status] ?? i.status)}</div>
${row(t.order, `#${i.order_number}`)}
<div id="due">${row(t.remaining, money)}</div>
${i.deadline ? row(t.deadline, new Date(i.deadline).toLocaleDateString(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" })) : ""}
</div>
<div class="card" id="pay"${i.status === "paid" ? " hidden" : ""}>
${row(t.bank, account.bank_name ?? account.swift ?? account.bank_bin ?? "")}
${row(t.account, account.account_number, true)}
${row(t.holder, account.account_holder)}
${row(t.memo, i.memo, true)}
${i.qr?.svg ? `<p>${escape(t.scan)}</p><div class="qr"><img alt="VietQR" src="data:image/svg+xml;base64,${Buffer.from(i.qr.svg).toString("base64")}"></div>` : ""}
</div>
<form class="card" id="confirm"${i.status === "paid" ? " hidden" : ""}>
<h2>${escape(t.paidForm)}</h2>
<label for="m">${escape(t.message)}</label><textarea id="m" name="message" maxlength="2000"></textarea>
<label for="d">${escape(t.paidOn)}</label><input id="d" name="paid_on" type="date">
<label for="a">${escape(t.amount)}</label><input id="a" name="amount" inputmode="numeric" pattern="[0-9]+(\\.[0-9]+)?">
<label for="f">${escape(t.proof)}</label><input id="f" name="file" type="file" accept="image/png,image/jpeg,application/pdf">
<button class="submit" type="submit">${escape(t.send)}</button><p id="result" role="status"></p>
</form>
<script>
(function(){
var base=${JSON.stringify(base)}, texts=${JSON.stringify({ status: t.status, copied: t.copied, sent: t.sent })};
document.querySelectorAll("[data-copy]").forEach(function(b){b.addEventListener("click",function(){navigator.clipboard&&navigator.clipboard.writeText(b.getAttribute("data-copy"));b.textContent=texts.copied;});});
var el=document.getElementById("status");
function poll(){fetch(base+"/status").then(function(r){return r.json()}).then(function(s){
 if(s.status!==el.getAttribute("data-status")){el.setAttribute("data-status",s.status);el.textContent=texts.status[s.status]||s.status;}
 if(s.status==="paid"){el.className="status paid";document.getElementById("pay").hidden=true;document.getElementById("confirm").hidden=true;return;}
 setTimeout(poll,5000);}).catch(function(){setTimeout(poll,10000);});}
setTimeout(poll,5000);
document.getElementById("confirm").addEventListener("submit",function(e){e.preventDefault();
 var out=document.getElementById("result");
 var data=new FormData(e.target);var f=data.get("file");if(f&&!f.size){data.delete("file");}
 fetch(base+"/confirm",{method:"POST",body:data}).then(function(r){return r.json().then(function(b){out.textContent=r.ok?texts.sent:(b.message||"Error");});}).catch(function(){out.textContent="Error";});});
})();
</script>
</main></body></html>`
}

export function renderNotFound(lang: Lang): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>404</title></head><body style="font-family:system-ui;padding:2rem"><p>${escape(TEXTS[lang].notFound)}</p></body></html>`
}
