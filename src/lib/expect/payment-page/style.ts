/** The payment page's stylesheet: mobile first, system fonts, no external asset. */
export const PAGE_STYLE = `
[hidden]{display:none!important}
body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}
main{max-width:28rem;margin:0 auto;padding:1rem}
.top{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.card{background:#fff;border-radius:12px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px #0001}
.row{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.4rem 0;border-bottom:1px solid #eee;flex-wrap:wrap}
.row span{color:#52525b;font-size:.9rem}.row b{overflow-wrap:anywhere;margin-left:auto;text-align:right}
.copyable span,.long span{flex-basis:100%}.copyable b,.long b{margin-left:0;text-align:left}.copyable button{margin-left:auto}
.big b{font-size:1.3rem}
button,.btn{border:1px solid #a1a1aa;background:#fff;color:#18181b;border-radius:8px;padding:.4rem .8rem;cursor:pointer;font:inherit;text-decoration:none;display:inline-block}
button:disabled{opacity:.6;cursor:wait}
.status{font-weight:600;padding:.6rem;border-radius:8px;background:#fef3c7}.status.paid{background:#dcfce7}
.qr{text-align:center}.qr img{width:100%;max-width:18rem;display:block;margin:0 auto .5rem}
.howto{white-space:pre-line}
.paid h2{color:#166534}
label{display:block;margin:.6rem 0 .2rem;font-size:.9rem}
input,textarea{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #a1a1aa;border-radius:8px;font:inherit}
.submit{margin-top:.8rem;width:100%;background:#18181b;color:#fff;padding:.7rem}
.error{color:#b91c1c}
`
