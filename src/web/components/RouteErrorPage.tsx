// Shown when a page fails while rendering (or its code cannot be loaded after an update): reload or go home. Part of
// the first download, so it is drawn from small pieces (not antd's Result, whose illustrations are large).
import { Button, Flex, Typography } from "antd";
import { CloseCircleFilled, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";

export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" gap={16} style={{ padding: "64px 24px", textAlign: "center" }}>
      <CloseCircleFilled aria-hidden style={{ fontSize: 64, color: "#c62828" }} />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t("states.crashTitle")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("states.crashText")}</Typography.Text>
      <Flex gap={8} justify="center">
        <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={() => window.location.reload()}>
          {t("states.reload")}
        </Button>
        <Button onClick={() => window.location.assign("/")}>{t("states.goHome")}</Button>
      </Flex>
    </Flex>
  );
}
