// The frame of the pages anyone may read without signing in (public results, published indicators): the
// Department's mark and the page family's title (the <h1> of the family's home page), links to the other public
// pages, the language switch and sign-in.
import type { ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
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
  // The family's title is the <h1> of its home page; a page inside the family (one result, one indicator) has its own.
  const atHome = useLocation().pathname === own.path;
  const navigate = useNavigate();
  return (
    <div style={{ maxWidth, margin: "0 auto", padding: "24px 16px" }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space>
          <div className="brand-mark" aria-hidden>
            KH
          </div>
          <div>
            {atHome ? (
              <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
                {t(own.titleKey)}
              </Typography.Title>
            ) : (
              <Typography.Text strong style={{ fontSize: 20, display: "block" }}>
                <Link to={own.path}>{t(own.titleKey)}</Link>
              </Typography.Text>
            )}
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
          {/* a link that looks like a button (a button inside a link would be two nested controls) */}
          <Button
            href="/login"
            icon={<LoginOutlined aria-hidden />}
            onClick={(e) => {
              if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // a new tab or window: the browser's
              e.preventDefault();
              void navigate("/login");
            }}
          >
            {t("auth.signIn")}
          </Button>
        </Space>
      </Flex>
      <main>{children}</main>
    </div>
  );
}
