// The bell in the header: unread count and the latest notifications in a dropdown.
import { Badge, Button, Dropdown, Empty, Flex, List, Typography } from "antd";
import { BellOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import type { NotificationItem } from "../../../common/api/notification";
import { formatDateTime } from "../../app/format";
import { useMarkAllRead, useMarkRead, useNotifications } from "./notifications-api";

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = useNotifications(1, 8);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = q.data?.unread ?? 0;
  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    void navigate(n.link ?? "/notifications");
  };
  const panel = (
    <div
      className="notification-panel"
      style={{ width: 360, maxWidth: "90vw", background: "var(--ant-color-bg-elevated, #fff)", borderRadius: 8, boxShadow: "0 6px 16px rgba(0,0,0,.12)" }}
    >
      <Flex justify="space-between" align="center" style={{ padding: "8px 12px" }}>
        <Typography.Text strong>{t("notifications.title")}</Typography.Text>
        <Button type="link" size="small" disabled={!unread} onClick={() => markAll.mutate()}>
          {t("notifications.markAllRead")}
        </Button>
      </Flex>
      {q.data?.items.length ? (
        <List
          size="small"
          style={{ maxHeight: 420, overflowY: "auto" }}
          dataSource={q.data.items}
          renderItem={(n) => (
            <List.Item style={{ cursor: "pointer", padding: "8px 12px", background: n.readAt ? undefined : "rgba(11,79,138,.06)" }} onClick={() => open(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
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
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notifications.empty")} />
      )}
      <Flex justify="center" style={{ padding: 8 }}>
        <Button type="link" onClick={() => navigate("/notifications")}>
          {t("notifications.viewAll")}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Dropdown popupRender={() => panel} trigger={["click"]} placement="bottomRight">
      <Button type="text" aria-label={t("notifications.bell", { count: unread })}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined aria-hidden style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
