import type { BankTransferLocale } from "./types.ts"

/**
 * Every text the kit shows. Pass a part of it as the components' `labels` prop to change some;
 * `status` may be given in part too (keys are BankTransferStatus values).
 */
export type BankTransferLabels = {
  /** Checkout payment step (BankTransferPaymentOption) */
  optionTitle: string
  optionText: string
  optionUnpaid: string
  /** Order page (BankTransferOrderPayment) */
  title: string
  preparing: string
  unavailable: string
  orderNumber: string
  amountToPay: string
  amountStillOwed: string
  bank: string
  accountNumber: string
  accountHolder: string
  memo: string
  memoHelp: string
  reference: string
  deadline: string
  instructions: string
  qrTitle: string
  qrHelp: string
  qrAlt: string
  saveQr: string
  copy: string
  copied: string
  copyFailed: string
  statusLabel: string
  /** Before the first status answer. */
  statusLoading: string
  status: Record<string, string>
  paidText: string
  paymentPage: string
  /** "I have paid" form */
  confirmTitle: string
  confirmIntro: string
  confirmMessage: string
  confirmPaidOn: string
  confirmAmount: string
  confirmFiles: string
  confirmFilesHelp: string
  confirmTooManyFiles: string
  confirmSubmit: string
  confirmSending: string
  confirmSent: string
  confirmError: string
  confirmNetworkError: string
}

export const LABELS: Record<BankTransferLocale, BankTransferLabels> = {
  vi: {
    optionTitle: "Chuyển khoản ngân hàng",
    optionText:
      "Sau khi đặt hàng, bạn sẽ nhận được số tài khoản, nội dung chuyển khoản và mã QR để chuyển tiền bằng ứng dụng ngân hàng.",
    optionUnpaid:
      "Đơn hàng sẽ ở trạng thái chưa thanh toán cho đến khi chúng tôi nhận được tiền.",
    title: "Thanh toán bằng chuyển khoản",
    preparing: "Đang chuẩn bị thông tin thanh toán…",
    unavailable:
      "Chưa có thông tin thanh toán. Vui lòng tải lại trang sau ít phút.",
    orderNumber: "Đơn hàng",
    amountToPay: "Số tiền cần chuyển",
    amountStillOwed: "Số tiền còn thiếu",
    bank: "Ngân hàng",
    accountNumber: "Số tài khoản",
    accountHolder: "Chủ tài khoản",
    memo: "Nội dung chuyển khoản",
    memoHelp: "Nhập đúng nội dung này để đơn hàng được xác nhận tự động.",
    reference: "Mã thanh toán",
    deadline: "Thanh toán trước khi hết ngày",
    instructions: "Hướng dẫn",
    qrTitle: "Quét mã VietQR",
    qrHelp:
      "Mở ứng dụng ngân hàng và quét mã: số tài khoản, số tiền và nội dung được điền sẵn.",
    qrAlt: "Mã VietQR để chuyển khoản",
    saveQr: "Lưu mã QR",
    copy: "Sao chép",
    copied: "Đã sao chép",
    copyFailed: "Không sao chép được",
    statusLabel: "Trạng thái",
    statusLoading: "Đang kiểm tra…",
    status: {
      awaiting_transfer: "Đang chờ chuyển khoản",
      partially_paid: "Đã nhận một phần, còn thiếu",
      paid: "Đã thanh toán",
      awaiting_customer_confirmation:
        "Chưa nhận được tiền: nếu bạn đã chuyển, hãy báo cho chúng tôi",
      customer_confirmed: "Đang kiểm tra khoản thanh toán của bạn",
      tentatively_canceled:
        "Đơn hàng tạm giữ: bạn vẫn có thể chuyển khoản để tiếp tục",
      needs_attention: "Đang kiểm tra khoản thanh toán của bạn",
      canceled: "Đơn hàng đã hủy",
      refunded: "Đã hoàn tiền",
    },
    paidText: "Chúng tôi đã nhận đủ tiền. Cảm ơn bạn!",
    paymentPage: "Mở trang thanh toán",
    confirmTitle: "Tôi đã chuyển khoản",
    confirmIntro:
      "Đã chuyển mà đơn hàng chưa được xác nhận? Gửi cho chúng tôi thông tin và ảnh chụp biên lai.",
    confirmMessage: "Lời nhắn",
    confirmPaidOn: "Ngày chuyển",
    confirmAmount: "Số tiền đã chuyển",
    confirmFiles: "Biên lai (ảnh hoặc PDF)",
    confirmFilesHelp: "Tối đa 3 tệp PNG, JPEG hoặc PDF.",
    confirmTooManyFiles: "Chỉ gửi được tối đa 3 tệp.",
    confirmSubmit: "Gửi xác nhận",
    confirmSending: "Đang gửi…",
    confirmSent:
      "Đã gửi. Chúng tôi sẽ kiểm tra và xác nhận đơn hàng khi tìm thấy khoản tiền.",
    confirmError: "Không gửi được:",
    confirmNetworkError: "Không kết nối được. Vui lòng thử lại.",
  },
  en: {
    optionTitle: "Bank transfer",
    optionText:
      "After placing the order you'll get the account number, the payment reference and a QR code to pay from your banking app.",
    optionUnpaid: "The order stays unpaid until the money arrives.",
    title: "Pay by bank transfer",
    preparing: "Preparing payment details…",
    unavailable:
      "The payment details are not ready yet. Please reload the page in a moment.",
    orderNumber: "Order",
    amountToPay: "Amount to transfer",
    amountStillOwed: "Amount still owed",
    bank: "Bank",
    accountNumber: "Account number",
    accountHolder: "Account holder",
    memo: "Transfer memo",
    memoHelp:
      "Type exactly this memo so that your order is confirmed automatically.",
    reference: "Payment reference",
    deadline: "Pay by the end of",
    instructions: "Instructions",
    qrTitle: "Scan the VietQR code",
    qrHelp:
      "Open your banking app and scan: the account, amount and memo are filled in.",
    qrAlt: "VietQR code for the transfer",
    saveQr: "Save QR code",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy",
    statusLabel: "Status",
    statusLoading: "Checking…",
    status: {
      awaiting_transfer: "Waiting for your transfer",
      partially_paid: "Partly paid, some is still owed",
      paid: "Paid",
      awaiting_customer_confirmation:
        "Not received yet: if you have paid, please tell us",
      customer_confirmed: "We are checking your payment",
      tentatively_canceled: "On hold: you can still pay to continue",
      needs_attention: "We are checking your payment",
      canceled: "Order cancelled",
      refunded: "Refunded",
    },
    paidText: "We have received your payment in full. Thank you!",
    paymentPage: "Open the payment page",
    confirmTitle: "I have paid",
    confirmIntro:
      "Paid but the order is not confirmed yet? Send us the details and a picture of the receipt.",
    confirmMessage: "Message",
    confirmPaidOn: "Paid on",
    confirmAmount: "Amount paid",
    confirmFiles: "Receipt (image or PDF)",
    confirmFilesHelp: "Up to 3 PNG, JPEG or PDF files.",
    confirmTooManyFiles: "You can send at most 3 files.",
    confirmSubmit: "Send",
    confirmSending: "Sending…",
    confirmSent:
      "Sent. We will check and confirm your order when we find the money.",
    confirmError: "Could not send:",
    confirmNetworkError: "Could not connect. Please try again.",
  },
}

/** The built-in texts of `locale` with `overrides` on top (`status` merged key by key). */
export function labelsFor(
  locale: BankTransferLocale,
  overrides?: Partial<BankTransferLabels>
): BankTransferLabels {
  const base = LABELS[locale] ?? LABELS.en
  return {
    ...base,
    ...overrides,
    status: { ...base.status, ...overrides?.status },
  }
}
