/** The payment page speaks Vietnamese and English. */
export const TEXTS = {
  vi: {
    title: "Thanh toán chuyển khoản",
    order: "Đơn hàng",
    remaining: "Số tiền cần chuyển",
    bank: "Ngân hàng",
    account: "Số tài khoản",
    holder: "Chủ tài khoản",
    memo: "Nội dung chuyển khoản",
    copy: "Sao chép",
    copied: "Đã sao chép",
    scan: "Quét mã VietQR bằng ứng dụng ngân hàng",
    deadline: "Hạn thanh toán",
    status: {
      awaiting_transfer: "Đang chờ chuyển khoản",
      partially_paid: "Đã nhận một phần",
      paid: "Đã thanh toán. Cảm ơn bạn!",
      awaiting_customer_confirmation: "Vui lòng xác nhận thanh toán",
      customer_confirmed: "Đã nhận xác nhận của bạn, đang đối soát",
      tentatively_canceled: "Đơn hàng đang tạm giữ: vẫn có thể thanh toán",
      needs_attention: "Chúng tôi đang kiểm tra khoản thanh toán của bạn",
      canceled: "Đơn hàng đã huỷ",
      refunded: "Đã hoàn tiền",
    } as Record<string, string>,
    paidForm: "Tôi đã chuyển khoản",
    message: "Lời nhắn",
    paidOn: "Ngày chuyển",
    amount: "Số tiền đã chuyển",
    proof: "Ảnh hoặc PDF biên lai (PNG, JPEG, PDF)",
    send: "Gửi xác nhận",
    sent: "Đã gửi. Chúng tôi sẽ kiểm tra và báo lại cho bạn.",
    notFound: "Liên kết thanh toán không hợp lệ.",
    other: "English",
  },
  en: {
    title: "Pay by bank transfer",
    order: "Order",
    remaining: "Amount to transfer",
    bank: "Bank",
    account: "Account number",
    holder: "Account holder",
    memo: "Transfer memo",
    copy: "Copy",
    copied: "Copied",
    scan: "Scan the VietQR code with your banking app",
    deadline: "Pay by",
    status: {
      awaiting_transfer: "Waiting for your transfer",
      partially_paid: "Part of the amount has arrived",
      paid: "Paid. Thank you!",
      awaiting_customer_confirmation: "Please confirm your payment",
      customer_confirmed: "We got your confirmation and are checking",
      tentatively_canceled: "Order on hold: you can still pay",
      needs_attention: "We are checking your payment",
      canceled: "Order cancelled",
      refunded: "Refunded",
    } as Record<string, string>,
    paidForm: "I have paid",
    message: "Message",
    paidOn: "Date of transfer",
    amount: "Amount transferred",
    proof: "Receipt image or PDF (PNG, JPEG, PDF)",
    send: "Send",
    sent: "Sent. We will check and get back to you.",
    notFound: "This payment link is not valid.",
    other: "Tiếng Việt",
  },
}

export type Lang = keyof typeof TEXTS

export function pickLang(
  query: unknown,
  acceptLanguage: string | undefined
): Lang {
  if (query === "en" || query === "vi") {
    return query
  }
  return /^\s*vi\b/i.test(acceptLanguage ?? "") || !acceptLanguage ? "vi" : "en"
}
