/** The payment page speaks Vietnamese and English: every text it shows is here, in both. */
export const TEXTS = {
  vi: {
    title: "Thanh toán chuyển khoản",
    order: "Đơn hàng",
    total: "Tổng đơn hàng",
    received: "Đã nhận",
    remaining: "Số tiền cần chuyển",
    bank: "Ngân hàng",
    account: "Số tài khoản",
    holder: "Chủ tài khoản",
    memo: "Nội dung chuyển khoản",
    copy: "Sao chép",
    copied: "Đã sao chép",
    copyFailed: "Không sao chép được: hãy chọn và sao chép thủ công",
    scan: "Quét mã VietQR bằng ứng dụng ngân hàng: số tiền và nội dung đã được điền sẵn",
    saveQr: "Lưu mã QR",
    deadline: "Hạn thanh toán",
    deadlineText: (date: string, holdDay: string) =>
      `Hết ngày ${date} (đơn hàng được tạm giữ từ 00:00 ngày ${holdDay}, giờ Việt Nam)`,
    howTo: "Hướng dẫn",
    status: {
      awaiting_transfer: "Đang chờ chuyển khoản",
      partially_paid: "Đã nhận một phần: vui lòng chuyển số tiền còn lại",
      paid: "Đã thanh toán. Cảm ơn bạn!",
      awaiting_customer_confirmation: "Vui lòng xác nhận thanh toán",
      customer_confirmed: "Đã nhận xác nhận của bạn, đang đối soát",
      tentatively_canceled: "Đơn hàng đang tạm giữ: vẫn có thể thanh toán",
      needs_attention: "Chúng tôi đang kiểm tra khoản thanh toán của bạn",
      canceled: "Đơn hàng đã huỷ",
      refunded: "Đã hoàn tiền",
    } as Record<string, string>,
    paidTitle: "Đã thanh toán đủ",
    paidBody:
      "Chúng tôi đã nhận đủ tiền cho đơn hàng này. Bạn không cần chuyển thêm.",
    paidForm: "Tôi đã chuyển khoản",
    message: "Lời nhắn",
    paidOn: "Ngày chuyển",
    amount: "Số tiền đã chuyển",
    amountHint: "Ví dụ: 1.280.000",
    proof: "Ảnh hoặc PDF biên lai (PNG, JPEG, PDF; tối đa 3 tệp)",
    tooManyFiles: "Tối đa 3 tệp",
    send: "Gửi xác nhận",
    sending: "Đang gửi…",
    sent: "Đã nhận xác nhận của bạn. Chúng tôi đang kiểm tra khoản chuyển và sẽ báo lại cho bạn.",
    failed: "Không gửi được",
    network: "Không kết nối được máy chủ. Vui lòng thử lại.",
    backToShop: "Quay lại cửa hàng",
    notFound: "Liên kết thanh toán không hợp lệ.",
    other: "English",
  },
  en: {
    title: "Pay by bank transfer",
    order: "Order",
    total: "Order total",
    received: "Received",
    remaining: "Amount to transfer",
    bank: "Bank",
    account: "Account number",
    holder: "Account holder",
    memo: "Transfer memo",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy: select and copy it by hand",
    scan: "Scan the VietQR code with your banking app: amount and memo are filled in",
    saveQr: "Save QR code",
    deadline: "Pay by",
    deadlineText: (date: string, holdDay: string) =>
      `${date}, end of day (the order is put on hold at 00:00 on ${holdDay}, Vietnam time)`,
    howTo: "Instructions",
    status: {
      awaiting_transfer: "Waiting for your transfer",
      partially_paid:
        "Part of the amount has arrived: please transfer the rest",
      paid: "Paid. Thank you!",
      awaiting_customer_confirmation: "Please confirm your payment",
      customer_confirmed: "We got your confirmation and are checking",
      tentatively_canceled: "Order on hold: you can still pay",
      needs_attention: "We are checking your payment",
      canceled: "Order cancelled",
      refunded: "Refunded",
    } as Record<string, string>,
    paidTitle: "Paid in full",
    paidBody:
      "We have received the full amount for this order. There is nothing more to transfer.",
    paidForm: "I have paid",
    message: "Message",
    paidOn: "Date of transfer",
    amount: "Amount transferred",
    amountHint: "For example: 1,280,000",
    proof: "Receipt image or PDF (PNG, JPEG, PDF; up to 3 files)",
    tooManyFiles: "At most 3 files",
    send: "Send",
    sending: "Sending…",
    sent: "We received your confirmation. We are checking the transfer and will get back to you.",
    failed: "Could not send",
    network: "Could not reach the server. Please try again.",
    backToShop: "Back to the shop",
    notFound: "This payment link is not valid.",
    other: "Tiếng Việt",
  },
}

export type Lang = keyof typeof TEXTS

/** `?lang=` first, then the browser's first language; Vietnamese when the browser says nothing. */
export function pickLang(
  query: unknown,
  acceptLanguage: string | undefined
): Lang {
  if (query === "en" || query === "vi") {
    return query
  }
  return /^\s*vi\b/i.test(acceptLanguage ?? "") || !acceptLanguage ? "vi" : "en"
}
