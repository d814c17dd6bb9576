// Providers around the whole app: server state, Ant Design (theme, vi_VN / en_US locale, no animations when the user
// asks for reduced motion), dayjs locale, router; the tab's title follows the page's <h1>.
import { useMemo } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
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
import { useReducedMotion } from "./reduced-motion";
import { useDocumentTitleFromHeading } from "./page-heading";

export function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  const reducedMotion = useReducedMotion();
  const themed = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  dayjs.locale(en ? "en" : "vi");
  useDocumentTitleFromHeading();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={en ? enUS : viVN} theme={themed}>
        <SessionWatcher />
        <RouterProvider router={router} />
      </ConfigProvider>
    </QueryClientProvider>
  );
}
