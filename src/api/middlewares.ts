import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  CalendarOverrideBody,
  ListImportsQuery,
  CommitImportBody,
  SaveColumnMappingBody,
  ConfirmSuggestionBody,
  RequestConfirmationBody,
  IgnoreTransactionBody,
  ResolveDuplicateBody,
  ListSuggestionsQuery,
  ListTransactionsQuery,
  MatchTransactionBody,
  RejectSuggestionBody,
  SimulateTransferBody,
  UndoAllocationBody,
  RotatePageTokenBody,
  ExportTransactionsQuery,
  ListCandidatesQuery,
} from "./admin/bank-transfer/validators"
import { runtimeSettingsSchema } from "../lib/options"
import { ListWaitingOrdersQuery } from "./admin/bank-transfer/waiting-orders/validators"
import {
  KeepReturnBody,
  ListReturnsQuery,
  MatchReturnBody,
  RecordReturnRefundBody,
} from "./admin/bank-transfer/returns/validators"
import { proofUpload } from "./confirmation-upload"
import { statementUpload } from "./admin/bank-transfer/imports/upload"
import { refuseUnstorableInput } from "./unstorable-input"
import { StoreOrderQuery } from "./store/bank-transfer/validators"
import { authoriseShopper } from "./store/bank-transfer/shopper-access"
import { blockUnpaidFulfilment } from "./admin/block-unpaid-fulfilment"
import {
  hardenPaymentPage,
  limitShopperRequests,
  redactLoggedUrl,
} from "./shopper-guard"
import { authorisePaymentPageConfirm } from "./bank-transfer/pay/[token]/page-expectation"

export default defineMiddlewares({
  routes: [
    {
      // Signatures are computed over the exact bytes received; bank notifications are small.
      matcher: "/hooks/bank-transfer/*",
      method: ["POST"],
      bodyParser: { preserveRawBody: true, sizeLimit: "256kb" },
    },
    // Shopper routes: rate-limited first (429), before any lookup or upload.
    { matcher: "/store/bank-transfer*", middlewares: [limitShopperRequests] },
    { matcher: "/bank-transfer/pay*", middlewares: [limitShopperRequests] },
    {
      // A guest reads and confirms their order with its payment token instead (see shopper-access).
      matcher: "/store/bank-transfer/orders/:id",
      method: ["GET"],
      middlewares: [
        validateAndTransformQuery(StoreOrderQuery, {}),
        authenticate("customer", ["session", "bearer"], {
          allowUnauthenticated: true,
        }),
      ],
    },
    {
      matcher: "/store/bank-transfer/orders/:id/confirm",
      method: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], {
          allowUnauthenticated: true,
        }),
        authoriseShopper,
      ],
    },
    // Text PostgreSQL cannot hold (NUL, unpaired surrogates) is refused before any handler uses it.
    { matcher: "/store/bank-transfer*", middlewares: [refuseUnstorableInput] },
    { matcher: "/admin/bank-transfer*", middlewares: [refuseUnstorableInput] },
    { matcher: "/bank-transfer/pay*", middlewares: [refuseUnstorableInput] },
    // Frame, sniff and referrer headers on every payment-page answer; the token kept out of the request log.
    { matcher: "/bank-transfer/pay*", middlewares: [hardenPaymentPage] },
    { matcher: "/store/bank-transfer*", middlewares: [redactLoggedUrl] },
    {
      // authoriseShopper (above) has run: the upload is read only for an allowed shopper.
      matcher: "/store/bank-transfer/orders/:id/confirm",
      method: ["POST"],
      middlewares: [proofUpload],
    },
    {
      // The token, the order's state and its cap are checked before the upload is read.
      matcher: "/bank-transfer/pay/:token/confirm",
      method: ["POST"],
      middlewares: [authorisePaymentPageConfirm, proofUpload],
    },
    {
      matcher: "/admin/bank-transfer/transactions",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListTransactionsQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/waiting-orders",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListWaitingOrdersQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/returns",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListReturnsQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/returns/:id/refund",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RecordReturnRefundBody)],
    },
    {
      matcher: "/admin/bank-transfer/returns/:id/keep",
      method: ["POST"],
      middlewares: [validateAndTransformBody(KeepReturnBody)],
    },
    {
      matcher: "/admin/bank-transfer/returns/:id/match",
      method: ["POST"],
      middlewares: [validateAndTransformBody(MatchReturnBody)],
    },
    {
      matcher: "/admin/bank-transfer/exports/transactions",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ExportTransactionsQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/suggestions",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListSuggestionsQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/transactions/:id/candidates",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListCandidatesQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/transactions/:id/match",
      method: ["POST"],
      middlewares: [validateAndTransformBody(MatchTransactionBody)],
    },
    {
      matcher: "/admin/bank-transfer/transactions/:id/ignore",
      method: ["POST"],
      middlewares: [validateAndTransformBody(IgnoreTransactionBody)],
    },
    {
      matcher: "/admin/bank-transfer/duplicates/:sighting_id/resolve",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ResolveDuplicateBody)],
    },
    {
      matcher: "/admin/bank-transfer/suggestions/:id/confirm",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ConfirmSuggestionBody)],
    },
    {
      matcher: "/admin/bank-transfer/suggestions/:id/reject",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RejectSuggestionBody)],
    },
    {
      matcher: "/admin/bank-transfer/allocations/:id/undo",
      method: ["POST"],
      middlewares: [validateAndTransformBody(UndoAllocationBody)],
    },
    {
      matcher: "/admin/bank-transfer/settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(runtimeSettingsSchema)],
    },
    {
      matcher: "/admin/bank-transfer/calendar-overrides",
      method: ["POST"],
      middlewares: [validateAndTransformBody(CalendarOverrideBody)],
    },
    {
      matcher: "/admin/bank-transfer/orders/:order_id/request-confirmation",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RequestConfirmationBody)],
    },
    {
      matcher: "/admin/bank-transfer/orders/:order_id/rotate-page-token",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RotatePageTokenBody)],
    },
    {
      // Medusa's admin authentication runs before every plugin middleware: the file is read only
      // for an admin.
      matcher: "/admin/bank-transfer/imports",
      method: ["POST"],
      middlewares: [statementUpload],
    },
    {
      matcher: "/admin/bank-transfer/imports/:id/commit",
      method: ["POST"],
      middlewares: [validateAndTransformBody(CommitImportBody)],
    },
    {
      matcher: "/admin/bank-transfer/imports",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListImportsQuery, {})],
    },
    {
      matcher: "/admin/bank-transfer/column-mappings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(SaveColumnMappingBody)],
    },
    {
      // Medusa's own route: refused while the order waits for its transfer (block_unpaid_fulfillment).
      matcher: "/admin/orders/:id/fulfillments",
      method: ["POST"],
      middlewares: [blockUnpaidFulfilment],
    },
    {
      matcher: "/admin/bank-transfer/simulate",
      method: ["POST"],
      middlewares: [validateAndTransformBody(SimulateTransferBody)],
    },
  ],
})
