// Every page has one <h1> (PageHeader for the signed-in pages, the sign-in card, the public frame, the 403/404/error
// pages); from it come the tab's title and, after a navigation, the keyboard and screen-reader focus.
import { useEffect, useRef, type RefObject } from "react";
import { useLocation } from "react-router";
import { useTranslation } from "react-i18next";

/** The tab's title follows the page's <h1>: "<heading> · KHCN Hải Phòng", the app's name alone while none is shown. */
export function useDocumentTitleFromHeading() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const suffix = t("app.shortName");
    const update = () => {
      const heading = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
      const title = heading && heading !== suffix ? `${heading} · ${suffix}` : t("app.documentTitle");
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [t, i18n.language]);
}

/**
 * After a navigation inside `container` (not on the first page shown), focus moves to the new page's <h1> once it is
 * shown (a lazy page or its record may still be loading: a heading marked `data-loading` is waited past), so that a
 * screen reader reads the new page's name and the next Tab starts from there. Gives up after 10 s.
 */
export function useFocusHeadingOnNavigation(container: RefObject<HTMLElement | null>) {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = container.current;
    if (!root) return;
    const tryFocus = () => {
      const h1 = root.querySelector<HTMLElement>("h1:not([data-loading])");
      if (!h1) return false;
      if (!h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
      h1.focus({ preventScroll: true });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const timer = window.setTimeout(() => stop(), 10_000);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-loading"] });
    return stop;
  }, [location.pathname, container]);
}
