// The guide's texts in the language in use (content/<lang>.ts, a chunk each, loaded on first use), and how a text
// naming the app's controls ("[[calls.create]]") is shown: each name as the control's label, in bold.
import { Fragment } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../i18n";
import type { GuideTexts } from "./content/types";

const loaders: Record<Lang, () => Promise<{ default: GuideTexts }>> = {
  vi: () => import("./content/vi"),
  en: () => import("./content/en"),
};

export function useGuideTexts() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  return useQuery({
    queryKey: ["guide-texts", lang],
    queryFn: async () => (await loaders[lang]()).default,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** A guide text with the controls it names shown by their labels. */
export function GuideText({ text }: { text: string }) {
  const { t } = useTranslation();
  // split() with a capturing group: the odd parts are the keys
  const parts = text.split(/\[\[([a-zA-Z0-9_.]+)\]\]/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <strong key={i} className="guide-ui">
            {t(p)}
          </strong>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
