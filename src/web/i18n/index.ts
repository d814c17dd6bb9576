// i18next with Vietnamese as the default language and English beside it; the choice is kept in localStorage.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import vi from "./vi.json";
import en from "./en.json";
import { mergeTexts, type Tree } from "./texts";

const featureTexts = import.meta.glob<Tree>("../features/*/locales/*.json", { eager: true, import: "default" });
const texts = (lang: "vi" | "en", shared: Tree) =>
  mergeTexts([
    { source: `i18n/${lang}.json`, tree: shared },
    ...Object.entries(featureTexts)
      .filter(([file]) => file.endsWith(`/${lang}.json`))
      .map(([file, tree]) => ({ source: file, tree })),
  ]);

export type Lang = "vi" | "en";
export const LANG_STORAGE_KEY = "khcn.lang";

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: texts("vi", vi) }, en: { translation: texts("en", en) } },
  lng: storedLang(),
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export function setLanguage(lang: Lang) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

export const currentLang = (): Lang => (i18n.language === "en" ? "en" : "vi");

export default i18n;
