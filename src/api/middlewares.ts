import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  ConfirmSuggestionBody,
  IgnoreTransactionBody,
  ListTransactionsQuery,
  MatchTransactionBody,
  RejectSuggestionBody,
  SimulateTransferBody,
  UndoAllocationBody,
} from "./admin/bank-transfer/validators"

export default defineMiddlewares({
  routes: [
    {
      // Signatures are computed over the exact bytes received; bank notifications are small.
      matcher: "/hooks/bank-transfer/*",
      method: ["POST"],
      bodyParser: { preserveRawBody: true, sizeLimit: "256kb" },
    },
    {
      matcher: "/store/bank-transfer/orders*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/admin/bank-transfer/transactions",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(ListTransactionsQuery, {})],
    },
    { matcher: "/admin/bank-transfer/transactions/:id/match", method: ["POST"], middlewares: [validateAndTransformBody(MatchTransactionBody)] },
    { matcher: "/admin/bank-transfer/transactions/:id/ignore", method: ["POST"], middlewares: [validateAndTransformBody(IgnoreTransactionBody)] },
    { matcher: "/admin/bank-transfer/suggestions/:id/confirm", method: ["POST"], middlewares: [validateAndTransformBody(ConfirmSuggestionBody)] },
    { matcher: "/admin/bank-transfer/suggestions/:id/reject", method: ["POST"], middlewares: [validateAndTransformBody(RejectSuggestionBody)] },
    { matcher: "/admin/bank-transfer/allocations/:id/undo", method: ["POST"], middlewares: [validateAndTransformBody(UndoAllocationBody)] },
    { matcher: "/admin/bank-transfer/simulate", method: ["POST"], middlewares: [validateAndTransformBody(SimulateTransferBody)] },
  ],
})
