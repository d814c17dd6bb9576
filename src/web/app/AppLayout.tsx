// The frame of every signed-in page: side menu (by role), header with language switch and account menu; after a
// navigation the focus goes to the new page's <h1> (page-heading.ts).
import { Suspense, useRef, useState } from "react";
import { LoadingState } from "../components/states";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { App, Avatar, Button, Dropdown, Flex, Layout, Menu, Spin, Typography, type MenuProps } from "antd";
import { DisconnectOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, QuestionCircleOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useSession, useSignOut } from "./session";
import { selectedNavPath, visibleNavigation } from "./navigation";
import { LanguageSwitch } from "./LanguageSwitch";
import { useFocusHeadingOnNavigation } from "./page-heading";
import { useFocusableScrollRegions } from "./scroll-regions";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { useNarrowerThan } from "./media";

const { Sider, Header, Content, Footer } = Layout;

// antd's App (the message, notification and modal hooks of the signed-in pages) lives here rather than around the
// whole app: the sign-in and public pages do not download it.
export function AppLayout() {
  return (
    <App>
      <Frame />
    </App>
  );
}

function Frame() {
  const { t } = useTranslation();
  const { me, loading, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const mobile = useNarrowerThan("lg");
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const isCollapsed = collapsed ?? mobile;
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(main);
  useFocusableScrollRegions();

  if (loading) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" description={t("common.loading")} />
      </Flex>
    );
  }
  if (!me || !signedIn) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }

  const groups = visibleNavigation(me);
  const items: MenuProps["items"] = groups.map((g) => ({
    type: "group" as const,
    key: g.key,
    label: t(g.labelKey),
    children: g.items.map((i) => ({ key: i.path, icon: i.icon, label: t(i.labelKey) })),
  }));

  // The person's full name from the registry when the account is linked to one, else the account's display name.
  const shownName = me.fullName ?? me.displayName;
  const accountItems: MenuProps["items"] = [
    {
      key: "who",
      label: (
        <span className="muted">
          {shownName} ({me.username})
          <br />
          {me.roles.map((r) => t(`roles.${r}`)).join(", ")}
        </span>
      ),
      disabled: true,
    },
    { type: "divider" },
    { key: "me", icon: <UserOutlined aria-hidden />, label: t("nav.myData") },
    { key: "guide", icon: <QuestionCircleOutlined aria-hidden />, label: t("guide.nav") },
    { key: "password", icon: <KeyOutlined aria-hidden />, label: t("auth.changePassword") },
    { key: "logout", icon: <LogoutOutlined aria-hidden />, label: t("auth.logout"), danger: true },
    { key: "logoutAll", icon: <DisconnectOutlined aria-hidden />, label: t("auth.logoutEverywhere"), danger: true },
  ];
  const onAccount: MenuProps["onClick"] = async ({ key }) => {
    if (key === "me") void navigate("/me");
    if (key === "guide") void navigate("/guide");
    if (key === "password") setPasswordOpen(true);
    if (key === "logout") {
      await signOut();
      void navigate("/login", { replace: true });
    }
    if (key === "logoutAll") {
      try {
        await signOut(true);
        void navigate("/login", { replace: true });
      } catch {
        // The other sessions may still be open: say so instead of pretending.
        message.error(t("auth.logoutEverywhereFailed"));
      }
    }
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Sider
        width={248}
        collapsible
        collapsed={isCollapsed}
        collapsedWidth={mobile ? 0 : 72}
        trigger={null}
        className="app-sider"
        style={mobile ? { position: "fixed", zIndex: 100, height: "100vh", left: 0, top: 0 } : { position: "sticky", top: 0, height: "100vh" }}
      >
        <div className="brand" title={t("app.department")}>
          <div className="brand-mark" aria-hidden>
            KH
          </div>
          {!isCollapsed && (
            <div className="brand-text">
              <div className="brand-name">{t("app.shortName")}</div>
              <div className="brand-sub">{t("app.city")}</div>
            </div>
          )}
        </div>
        <nav aria-label={t("nav.main")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedNavPath(location.pathname)]}
            items={items}
            onClick={({ key }) => {
              void navigate(key);
              if (mobile) setCollapsed(true);
            }}
          />
        </nav>
      </Sider>
      {mobile && !isCollapsed && <div className="sider-backdrop" onClick={() => setCollapsed(true)} aria-hidden />}
      <Layout>
        <Header className="app-header">
          <Flex align="center" justify="space-between" style={{ height: "100%" }} gap={12}>
            <Flex align="center" gap={12} style={{ minWidth: 0 }}>
              <Button
                type="text"
                aria-label={isCollapsed ? t("nav.open") : t("nav.close")}
                icon={isCollapsed ? <MenuUnfoldOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
                onClick={() => setCollapsed(!isCollapsed)}
              />
              <Typography.Text strong className="header-title" ellipsis>
                {t("app.department")}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={12}>
              <LanguageSwitch />
              <NotificationBell />
              <Dropdown menu={{ items: accountItems, onClick: onAccount }} trigger={["click"]} placement="bottomRight">
                <Button type="text" className="account-button" aria-label={mobile ? t("auth.accountMenu") : `${t("auth.accountMenu")}: ${shownName}`}>
                  <Avatar size="small" style={{ background: "#0b4f8a" }} icon={<UserOutlined aria-hidden />} />
                  {!mobile && <span className="account-name">{shownName}</span>}
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Header>
        <Content id="main" ref={main} tabIndex={-1} className="app-content">
          <Suspense fallback={<LoadingState rows={10} />}>
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="app-footer">{t("app.footer", { year: new Date().getFullYear() })}</Footer>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
