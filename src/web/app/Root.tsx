// Providers around the whole app: server state, Ant Design (theme, vi_VN / en_US locale, no animations when the user
// asks for reduced motion), dayjs locale, router; the tab's title follows the page's <h1>.
import { useEffect, useMemo, type ReactNode } from "react";
import { ConfigProvider } from "antd";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { StyleProvider, type createCache } from "@ant-design/cssinjs";
import viVN from "antd/locale/vi_VN";
import enUS from "antd/locale/en_US";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import "dayjs/locale/en";
import { useTranslation } from "react-i18next";
import { queryClient } from "./query-client";
import { theme } from "./theme";
import { SessionWatcher } from "./session";
import { useReducedMotion } from "./reduced-motion";
import { useDocumentTitleFromHeading } from "./page-heading";
import { NarrowWindow } from "./media";

/**
 * `client`: the browser's query client unless a page rendered on the server brings its own (prerender.tsx). `narrow`:
 * whether the page is, or was rendered on the server, for a phone's width (media.ts `NarrowWindow`).
 */
export function Root({
  styles,
  client = queryClient,
  narrow = false,
  children,
}: {
  styles: ReturnType<typeof createCache>;
  client?: QueryClient;
  narrow?: boolean;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  const reducedMotion = useReducedMotion();
  const themed = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  dayjs.locale(en ? "en" : "vi");
  useDocumentTitleFromHeading();
  return (
    <NarrowWindow.Provider value={narrow}>
      <QueryClientProvider client={client}>
        <StyleProvider cache={styles}>
          <ConfigProvider locale={en ? enUS : viVN} theme={themed}>
            <SessionWatcher />
            <Live />
            {children}
          </ConfigProvider>
        </StyleProvider>
      </QueryClientProvider>
    </NarrowWindow.Provider>
  );
}

/**
 * A page rendered ahead of time is `inert` until React has taken it over (main.tsx): from here on it answers, and the
 * field it asks for first gets the focus that `inert` kept from it.
 */
function Live() {
  useEffect(() => {
    const root = document.getElementById("root");
    if (!root?.hasAttribute("inert")) return;
    root.removeAttribute("inert");
    if (document.activeElement === document.body) root.querySelector<HTMLElement>("[autofocus]")?.focus();
  }, []);
  return null;
}
