// Vietnamese / English switch; the choice is kept in localStorage and sent to the API as Accept-Language.
import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { setLanguage, type Lang } from "../i18n/index";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t("app.language")}
      value={i18n.language === "en" ? "en" : "vi"}
      onChange={(v) => void setLanguage(v)}
      options={[
        {
          value: "vi",
          label: (
            <span lang="vi" title="Tiếng Việt">
              VI
            </span>
          ),
        },
        {
          value: "en",
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
