import type { Lang } from "./texts"
import { TEXTS } from "./texts"

/**
 * The payment page's only script (inline, under the page's CSP nonce): copy buttons, the status
 * poll that keeps the status, amounts and QR current (and hides everything to pay once paid), and
 * the "I have paid" form, sent once (the button is disabled while it is being sent).
 */
export function pageScript(base: string, lang: Lang): string {
  const t = TEXTS[lang]
  const texts = {
    status: t.status,
    copied: t.copied,
    copy: t.copy,
    copyFailed: t.copyFailed,
    sent: t.sent,
    sending: t.sending,
    send: t.send,
    failed: t.failed,
    network: t.network,
    tooManyFiles: t.tooManyFiles,
  }
  // JSON in a script: "</" is written "<\/" so that no text closes the element.
  const json = (v: unknown) => JSON.stringify(v).replace(/<\//g, "<\\/")
  return `(function(){
var base=${json(base)},lang=${json(lang)},T=${json(texts)};
function $(id){return document.getElementById(id)}
function copyText(v){if(navigator.clipboard&&window.isSecureContext){return navigator.clipboard.writeText(v)}
 var a=document.createElement("textarea");a.value=v;a.setAttribute("readonly","");a.style.position="fixed";a.style.opacity="0";
 document.body.appendChild(a);a.select();var ok=false;try{ok=document.execCommand("copy")}catch(e){}document.body.removeChild(a);
 return ok?Promise.resolve():Promise.reject(new Error("copy"))}
document.querySelectorAll("[data-copy]").forEach(function(b){b.addEventListener("click",function(){
 copyText(b.getAttribute("data-copy")).then(function(){b.textContent=T.copied;setTimeout(function(){b.textContent=T.copy},2000)},
 function(){b.textContent=T.copyFailed})})});
var el=$("status");
function setStatus(s){el.setAttribute("data-status",s);el.textContent=T.status[s]||s;el.className="status"+(s==="paid"?" paid":"")}
function show(s){
 if(s.status!==el.getAttribute("data-status")){setStatus(s.status)}
 var pay=$("pay"),form=$("confirm"),paid=$("paid");
 if(!s.owing){if(pay)pay.hidden=true;if(form)form.hidden=true;if(paid&&s.status==="paid")paid.hidden=false;return false}
 var rem=$("remaining");
 if(rem&&rem.getAttribute("data-amount")!==s.amount_remaining){
  rem.setAttribute("data-amount",s.amount_remaining);rem.querySelector("b").textContent=s.display.amount_remaining;
  var c=rem.querySelector("[data-copy]");if(c)c.setAttribute("data-copy",s.amount_remaining);
  var img=$("qr-img");if(img)img.src=base+"/qr?amount="+encodeURIComponent(s.amount_remaining);
  var save=$("qr-save");if(save)save.href=base+"/qr?format=png&amount="+encodeURIComponent(s.amount_remaining)}
 var rec=$("received");if(rec&&s.display.amount_received){rec.hidden=false;rec.querySelector("b").textContent=s.display.amount_received}
 return true}
function poll(){fetch(base+"/status?lang="+lang,{cache:"no-store"}).then(function(r){return r.json()}).then(function(s){
 if(show(s)){setTimeout(poll,5000)}}).catch(function(){setTimeout(poll,10000)})}
setTimeout(poll,5000);
var form=$("confirm"),out=$("result"),btn=form&&form.querySelector("button[type=submit]"),files=$("f");
if(files){files.addEventListener("change",function(){if(files.files.length>3){files.setCustomValidity(T.tooManyFiles)}else{files.setCustomValidity("")}})}
if(form){form.addEventListener("submit",function(e){e.preventDefault();
 if(btn.disabled){return}
 if(files&&files.files.length>3){out.textContent=T.tooManyFiles;out.className="error";return}
 btn.disabled=true;btn.textContent=T.sending;out.textContent="";out.className="";
 var data=new FormData(form);if(files&&!files.files.length){data.delete("file")}
 fetch(base+"/confirm",{method:"POST",body:data}).then(function(r){return r.json().catch(function(){return{}}).then(function(b){
  if(r.ok){form.hidden=true;out.textContent=T.sent;setStatus("customer_confirmed");return}
  out.className="error";out.textContent=T.failed+": "+(b.message||r.status);btn.disabled=false;btn.textContent=T.send})})
 .catch(function(){out.className="error";out.textContent=T.network;btn.disabled=false;btn.textContent=T.send})})}
})();`
}
