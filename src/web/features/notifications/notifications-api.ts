// The notifications API as the web app uses it: the endpoints, the query key, the signed-in user's list (polled for
// the bell) and the read commands. Marking read is not a command on a versioned record (no version, no refusal the
// user could act on; marking twice is harmless), so it is a plain mutation here rather than useRecordCommand: its
// answer refreshes every notification query (the bell, the page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import type { NotificationList } from "../../../common/api/notification";
import { api, errorMessage } from "../../app/api";

export const notificationEndpoints = {
  list: "/notifications",
  read: (id: string) => `/notifications/${id}/read`,
  readAll: "/notifications/read-all",
} as const;

export const notificationKeys = {
  all: ["/notifications"] as const,
  list: (page: number, pageSize: number, unread: boolean) => ["/notifications", page, pageSize, unread] as const,
};

export const notificationsApi = {
  list: (page: number, pageSize: number, unread: boolean) =>
    api.get<NotificationList>(notificationEndpoints.list, { page, pageSize, unread: unread ? "true" : undefined }),
  markRead: (id: string) => api.post(notificationEndpoints.read(id), {}),
  markAllRead: () => api.post(notificationEndpoints.readAll, {}),
};

export function useNotifications(page = 1, pageSize = 10, unread = false) {
  return useQuery({
    queryKey: notificationKeys.list(page, pageSize, unread),
    queryFn: () => notificationsApi.list(page, pageSize, unread),
    refetchInterval: 60_000,
  });
}

/** Marks one notification read; a failure is said in a message. */
export function useMarkRead() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: notificationsApi.markRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
    onError: (e) => message.error(errorMessage(e)),
  });
}

/** Marks every notification of the user read; a failure is said in a message. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: notificationsApi.markAllRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
    onError: (e) => message.error(errorMessage(e)),
  });
}
