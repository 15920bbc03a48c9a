import { defineRoute } from "#http/route";
import {
  MarkReadReply,
  MarkReadRequest,
  Notification,
  NotificationsEnvelope,
  NotificationsQuery,
} from "#schemas/notification";

export const listNotifications = defineRoute({
  operationId: "listNotifications",
  method: "GET",
  path: "/v1/notifications",
  tag: "Notifications",
  summary: "The caller's notifications (their role's, their own units'), newest first, with the unread count",
  access: "notifications.read",
  query: NotificationsQuery,
  page: { item: Notification, envelope: NotificationsEnvelope, defaultLimit: 50, maxLimit: 200 },
  fn: {
    name: "notificationsList",
    entry: "functions/handlers/notifications-list.ts",
    dynamodb: ["dynamodb:Query", "dynamodb:BatchGetItem"],
  },
});

export const markNotificationsRead = defineRoute({
  operationId: "markNotificationsRead",
  method: "POST",
  path: "/v1/notifications/read",
  tag: "Notifications",
  summary: "Mark the caller's notifications read (the ones named, or all) and answer the unread count",
  access: "notifications.read",
  body: MarkReadRequest,
  response: MarkReadReply,
  errors: [404],
  fn: {
    name: "notificationsRead",
    entry: "functions/handlers/notifications-read.ts",
    dynamodb: ["dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:UpdateItem"],
  },
});
