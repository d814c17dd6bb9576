// The look: a calm, official palette (deep blue of the Department), system fonts with Vietnamese glyphs.
import type { ThemeConfig } from "antd";

export const BRAND = "#0b4f8a";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorSuccess: "#2e7d32",
    colorWarning: "#b26a00",
    colorError: "#c62828",
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
      darkGroupTitleColor: "rgba(255,255,255,0.55)",
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: "#f0f3f7" },
  },
};
