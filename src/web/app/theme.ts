// The look: a calm, official palette (deep blue of the Department), system fonts with Vietnamese glyphs.
// Every text colour meets WCAG 2.1 AA contrast (4.5:1 for normal text) on the backgrounds it is used on — white cards,
// the grey page (#f3f5f8) and table headers (#f0f3f7): Ant Design's defaults for secondary text, descriptions,
// placeholders and status backgrounds do not, so they are set here (the light preset tags: styles.css).
// tests/e2e/accessibility.test.ts measures the contrast of the text on the main pages.
import type { ThemeConfig } from "antd";

export const BRAND = "#0b4f8a";

/** Grey of secondary text: 5.8:1 on white, 5.2:1 on the table headers. */
export const TEXT_SECONDARY = "#5c6672";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorSuccess: "#2e7d32",
    colorWarning: "#9a5b00",
    colorError: "#c62828",
    // the light backgrounds of alerts and status tags (derived from the dark brand colours they would be greyish and
    // the text on them too faint)
    colorSuccessBg: "#edf7ed",
    colorSuccessBorder: "#a5d6a7",
    colorInfoBg: "#e8f1fb",
    colorInfoBorder: "#9cc3e6",
    colorWarningBg: "#fff4e0",
    colorWarningBorder: "#ffcc80",
    colorErrorBg: "#fdecea",
    colorErrorBorder: "#ef9a9a",
    colorTextSecondary: "#4a5563",
    colorTextTertiary: TEXT_SECONDARY,
    colorTextDescription: TEXT_SECONDARY,
    colorTextLabel: "#4a5563",
    colorTextPlaceholder: "#6b7480",
    // disabled controls are exempt from the contrast rule, but their text must stay legible
    colorTextDisabled: "#6b7480",
    colorIcon: TEXT_SECONDARY,
    // a link under the pointer stays at 4.5:1 on a hovered table row (#fafafa)
    colorLinkHover: "#1565a8",
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', system-ui, -apple-system, sans-serif",
    fontSize: 14,
    colorBgLayout: "#f3f5f8",
  },
  components: {
    Layout: { siderBg: "#0a2f52", headerBg: "#ffffff", headerPadding: "0 24px", headerHeight: 60 },
    Menu: {
      darkItemBg: "#0a2f52",
      darkSubMenuItemBg: "#08263f",
      darkItemSelectedBg: "#1565a8",
      darkGroupTitleColor: "rgba(255,255,255,0.72)",
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: "#f0f3f7", headerColor: "#1f2933" },
  },
};
