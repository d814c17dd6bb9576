// Providers around the whole app: server state, Ant Design (theme and vi_VN / en_US locale), dayjs locale, router.
import { useEffect } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import enUS from "antd/locale/en_US";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import "dayjs/locale/en";
import { RouterProvider } from "react-router";
import { useTranslation } from "react-i18next";
import { queryClient } from "./query-client";
import { router } from "./router";
import { theme } from "./theme";
import { SessionWatcher } from "./session";

export function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  dayjs.locale(en ? "en" : "vi");
  useEffect(() => {
    document.title = i18n.t("app.documentTitle");
  }, [i18n, i18n.language]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={en ? enUS : viVN} theme={theme}>
        <AntApp>
          <SessionWatcher />
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
