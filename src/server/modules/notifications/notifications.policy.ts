import { definePolicy } from "../../platform/policy.js";

type NotificationRef = { userId: string };

// Notifications: every signed-in user reads and marks their own; nobody sees another user's (404).
export const notificationPolicy = definePolicy<NotificationRef, "markRead", "notification">({
  resource: "notification",
  general: {
    list: () => true,
    markRead: () => true,
  },
  record: {
    read: (a, n) => n.userId === a.userId,
    markRead: (a, n) => n.userId === a.userId,
  },
});
