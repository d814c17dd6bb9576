// All the signed-in user's notifications, newest first, with read / unread filtering.
import { useState } from "react";
import { useNavigate } from "react-router";
import { Button, Card, List, Segmented, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../app/format";
import { ErrorState, PageHeader } from "../../components/states";
import { useMarkAllRead, useMarkRead, useNotifications } from "./notifications-api";

export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useNotifications(page, 20, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        subtitle={t("notifications.unreadCount", { count: q.data?.unread ?? 0 })}
        extra={
          <Button disabled={!q.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t("notifications.markAllRead")}
          </Button>
        }
      />
      {q.error && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={unreadOnly ? "unread" : "all"}
          onChange={(v) => {
            setUnreadOnly(v === "unread");
            setPage(1);
          }}
          options={[
            { value: "all", label: t("notifications.all") },
            { value: "unread", label: t("notifications.unread") },
          ]}
        />
        <List
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: t("notifications.empty") }}
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.link ? (
                  <Button
                    key="open"
                    type="link"
                    onClick={() => {
                      if (!n.readAt) markRead.mutate(n.id);
                      void navigate(n.link!);
                    }}
                  >
                    {t("notifications.open")}
                  </Button>
                ) : null,
                !n.readAt ? (
                  <Button key="read" size="small" onClick={() => markRead.mutate(n.id)}>
                    {t("notifications.markRead")}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text> {!n.readAt && <Tag color="blue">{t("notifications.new")}</Tag>}
                  </>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
