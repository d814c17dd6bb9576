// API schema of in-app notifications: each is stored as a kind with parameters and rendered in the reader's language.
import { z } from "zod";
import { uuid } from "./shared.js";

/** Kinds with their own texts (messages.ts "notification.<kind>.title" / ".body"); any other kind shows a generic text. */
export const NOTIFICATION_KINDS = [
  "report_due_soon",
  "report_overdue",
  "report_submitted",
  "report_accepted",
  "report_needs_revision",
  "report_scheduled",
  "inspection_planned",
  "inspection_concluded",
] as const;
export const NOTIFICATION_KIND_RE = /^[a-z][a-z0-9_.]{1,59}$/;

export const notificationListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unread: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationItem = z.object({
  id: uuid,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const readAllResult = z.object({ updated: z.number().int(), unread: z.number().int() });
