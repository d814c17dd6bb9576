// The signed-in frame as it looks before anything is known of the user or the page: the side bar with the brand, the
// header with the Department's name and a loading page. The build renders it ahead (prerender.tsx `renderShell`) and
// the server sends it for the addresses inside the frame (platform/web-app.ts), so that a phone shows the frame at
// once instead of a blank screen while the app's scripts arrive; main.tsx then draws the app in its place.
import { Layout } from "antd";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../components/states";

const { Sider, Header, Content } = Layout;

export function FrameShell() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Sider width={248} className="app-sider shell-sider" style={{ position: "sticky", top: 0, height: "100vh" }}>
        <div className="brand" title={t("app.department")}>
          <div className="brand-mark" aria-hidden>
            KH
          </div>
          <div className="brand-text">
            <div className="brand-name">{t("app.shortName")}</div>
            <div className="brand-sub">{t("app.city")}</div>
          </div>
        </div>
      </Sider>
      <Layout>
        <Header className="app-header">
          <span className="header-title shell-title">{t("app.department")}</span>
        </Header>
        <Content className="app-content">
          <LoadingState rows={10} />
        </Content>
      </Layout>
    </Layout>
  );
}
