// i18next with Vietnamese as the default language and English beside it; the choice is kept in localStorage. Only the
// language in use is downloaded (texts-vi.ts / texts-en.ts, a chunk each); the other one arrives when the user
// switches. main.tsx renders once `i18nReady` has the texts.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Tree } from "./texts";

export type Lang = "vi" | "en";
export const LANG_STORAGE_KEY = "khcn.lang";

const loaders: Record<Lang, () => Promise<{ default: Tree }>> = {
  vi: () => import("./texts-vi"),
  en: () => import("./texts-en"),
};

async function loadTexts(lang: Lang) {
  if (i18n.hasResourceBundle(lang, "translation")) return;
  const { default: texts } = await loaders[lang]();
  i18n.addResourceBundle(lang, "translation", texts);
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

const initial = storedLang();
if (typeof document !== "undefined") document.documentElement.lang = initial;

// init() sets up the (empty) store at once; the texts are added to it when their chunk arrives.
const initialised = i18n.use(initReactI18next).init({
  resources: {},
  lng: initial,
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
  returnNull: false,
});
export const i18nReady: Promise<void> = Promise.all([initialised, loadTexts(initial)]).then(() => undefined);

export async function setLanguage(lang: Lang) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  await loadTexts(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export const currentLang = (): Lang => (i18n.language === "en" ? "en" : "vi");

export default i18n;
