// Notifications of the signed-in user: the list (polled for the bell) and the read commands.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationList } from "../../../common/api/notification";
import { api } from "../../app/api";

export const NOTIFICATIONS_KEY = ["/notifications"];

export function useNotifications(page = 1, pageSize = 10, unread = false) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, page, pageSize, unread],
    queryFn: () => api.get<NotificationList>("/notifications", { page, pageSize, unread: unread ? "true" : undefined }),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${id}/read`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/notifications/read-all", {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
