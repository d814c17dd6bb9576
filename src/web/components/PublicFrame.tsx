// The frame of the pages anyone may read without signing in (public results, published indicators): the
// Department's mark and the page family's title, links to the other public pages, the language switch and sign-in.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Button, Flex, Space, Typography } from "antd";
import { LoginOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../app/LanguageSwitch";

/** The public page families, each linked from the others' frame. */
const PUBLIC_PAGES = [
  { path: "/results", titleKey: "results.public.title" },
  { path: "/public/indicators", titleKey: "publicIndicators.title" },
] as const;

export function PublicFrame({ home, maxWidth = 1200, children }: { home: (typeof PUBLIC_PAGES)[number]["path"]; maxWidth?: number; children: ReactNode }) {
  const { t } = useTranslation();
  const own = PUBLIC_PAGES.find((p) => p.path === home)!;
  return (
    <div style={{ maxWidth, margin: "0 auto", padding: "24px 16px" }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space>
          <div className="brand-mark">KH</div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              <Link to={own.path}>{t(own.titleKey)}</Link>
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.department")}</Typography.Text>
          </div>
        </Space>
        <Space wrap>
          {PUBLIC_PAGES.filter((p) => p.path !== home).map((p) => (
            <Link key={p.path} to={p.path}>
              {t(p.titleKey)}
            </Link>
          ))}
          <LanguageSwitch />
          <Link to="/login">
            <Button icon={<LoginOutlined />}>{t("auth.signIn")}</Button>
          </Link>
        </Space>
      </Flex>
      <main>{children}</main>
    </div>
  );
}
