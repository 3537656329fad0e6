import {
  createWorkflow,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { buildAdminFeedEntryStep } from "./steps/build-admin-feed-entry"
import type { AdminFeedEvent } from "./utils/admin-feed-entry"

/** What needs an accountant shows up in the admin's notification feed (Medusa's `feed` channel). */
export const notifyAdminFeedWorkflow = createWorkflow(
  "bank-transfer-notify-admin-feed",
  (input: AdminFeedEvent) => {
    const notifications = buildAdminFeedEntryStep(input)
    when(
      { notifications },
      ({ notifications }) => notifications.length > 0
    ).then(() => {
      sendNotificationsStep(notifications)
    })
    return new WorkflowResponse(notifications)
  }
)
