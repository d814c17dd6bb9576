// Texts of a notification in one language, from its kind and parameters (messages.ts "notification.<kind>.*").
import { t, type Lang, type MessageKey } from "../../platform/messages.js";
import type { NotificationParams } from "./notify.js";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatParams(lang: Lang, params: NotificationParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(params)) {
    // "name_vi" / "name_en": the value of {{name}} in that language only
    const suffix = /_(vi|en)$/.exec(key)?.[1];
    if (suffix && suffix !== lang) continue;
    const k = suffix ? key.slice(0, -3) : key;
    const m = typeof v === "string" ? DAY_RE.exec(v) : null;
    // Vietnamese dates read dd/mm/yyyy; English texts keep the unambiguous ISO day.
    out[k] = m && lang === "vi" ? `${m[3]}/${m[2]}/${m[1]}` : (v ?? "");
  }
  return out;
}

export function renderNotification(lang: Lang, kind: string, params: NotificationParams): { title: string; body: string } {
  const titleKey = `notification.${kind}.title` as MessageKey;
  const bodyKey = `notification.${kind}.body` as MessageKey;
  const p = formatParams(lang, params);
  const title = t(lang, titleKey, p);
  if (title === titleKey) return { title: t(lang, "notification.generic.title"), body: t(lang, "notification.generic.body") };
  return { title, body: t(lang, bodyKey, p) };
}
