import crypto from "crypto"
import {
  AbstractPaymentProvider,
  PaymentSessionStatus,
  PaymentActions,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { BankTransferOptions, parseOptions } from "../../lib/options"
import { publicAccounts } from "../../lib/expect/public-accounts"
import { instructionsText } from "../../lib/expect/instructions-text"

/**
 * Bank transfer as a Medusa payment provider. Like Medusa's manual provider, authorising needs no
 * money: the order is placed unpaid and the payment stays authorised. The plugin's reconciliation
 * captures it through Medusa's capture workflow once the transfer has arrived.
 */
class BankTransferProviderService extends AbstractPaymentProvider<BankTransferOptions> {
  static identifier = "bank-transfer"

  protected readonly options_: BankTransferOptions

  // Medusa passes undefined when the provider is registered without options.
  static validateOptions(options: Record<string, unknown> = {}) {
    parseOptions(options)
  }

  constructor(
    container: Record<string, unknown>,
    options: BankTransferOptions
  ) {
    super(container, options)
    this.options_ = parseOptions(options)
  }

  /**
   * A bank keeps no record of the shop's customers, so there is no account holder to create: the
   * answer is empty, which Medusa's payment module reads as "none created" (no `account_holder` row,
   * no link to the customer). Declaring the method stops Medusa's warning "does not support creating
   * account holders" on every logged-in checkout; answering an id instead would have two concurrent
   * checkouts of one customer collide on Medusa's unique (provider_id, external_id).
   */
  async createAccountHolder(
    _input: CreateAccountHolderInput
  ): Promise<CreateAccountHolderOutput> {
    return {} as CreateAccountHolderOutput
  }

  /** What the storefront needs before the order exists; the reference comes with the order. */
  async initiatePayment(
    input: InitiatePaymentInput
  ): Promise<InitiatePaymentOutput> {
    const currency = input.currency_code.toUpperCase()
    return {
      id: crypto.randomUUID(),
      status: PaymentSessionStatus.PENDING,
      data: {
        amount: String(input.amount),
        currency_code: currency,
        instructions: instructionsText(this.options_.instructions, currency),
        qr: this.options_.qr,
        accounts: publicAccounts(this.options_.accounts, currency),
      },
    }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return {
      status: PaymentSessionStatus.PENDING,
      data: {
        ...input.data,
        amount: String(input.amount),
        currency_code: input.currency_code.toUpperCase(),
      },
    }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  /** The order is placed before the money arrives, exactly like the manual provider. */
  async authorizePayment(
    input: AuthorizePaymentInput
  ): Promise<AuthorizePaymentOutput> {
    return {
      status: PaymentSessionStatus.AUTHORIZED,
      data: { ...input.data, authorized_at: new Date().toISOString() },
    }
  }

  async capturePayment(
    input: CapturePaymentInput
  ): Promise<CapturePaymentOutput> {
    return { data: { ...input.data, captured_at: new Date().toISOString() } }
  }

  /**
   * No bank API sends money back: a refund records what the merchant must transfer to the
   * shopper, so that the accountant sees it in the payment's data.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const refunds = Array.isArray(input.data?.refunds)
      ? (input.data!.refunds as unknown[])
      : []
    return {
      data: {
        ...input.data,
        refunds: [
          ...refunds,
          {
            amount: String(input.amount),
            recorded_at: new Date().toISOString(),
            status: "to_transfer_back",
            note: "Transfer this amount back to the shopper's bank account; no bank API does it.",
          },
        ],
      },
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...input.data, canceled_at: new Date().toISOString() } }
  }

  async retrievePayment(
    input: RetrievePaymentInput
  ): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  async getPaymentStatus(
    input: GetPaymentStatusInput
  ): Promise<GetPaymentStatusOutput> {
    const data = input.data ?? {}
    if (data.canceled_at) {
      return { status: PaymentSessionStatus.CANCELED, data }
    }
    if (data.captured_at) {
      return { status: PaymentSessionStatus.CAPTURED, data }
    }
    if (data.authorized_at) {
      return { status: PaymentSessionStatus.AUTHORIZED, data }
    }
    return { status: PaymentSessionStatus.PENDING, data }
  }

  /** Banks notify the plugin's own signed webhook routes, not Medusa's provider webhook. */
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default BankTransferProviderService
