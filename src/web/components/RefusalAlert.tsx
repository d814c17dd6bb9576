// A server refusal shown where the user acted (a dialog, a panel): the message in the UI language, the code, and the
// reasons when the answer carries them — a guard's reason (GUARD_FAILED, INVALID_STATE, LOCKED, TWO_PERSON_RULE…
// send `details.reason` in both languages; a guard joins several with "; "), missing documents, dossier problems.
import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "../app/api";

type Bilingual = { vi: string; en: string };
const isBilingual = (v: unknown): v is Bilingual =>
  !!v && typeof v === "object" && typeof (v as Bilingual).vi === "string" && typeof (v as Bilingual).en === "string";

/** The reasons of a refusal, one per line: `details.reason` (split at "; "), missing documents, dossier problems. */
export function refusalLines(e: unknown, en: boolean): string[] {
  if (!(e instanceof ApiError)) return [];
  const d = e.details as { reason?: unknown; missing?: unknown; problems?: unknown } | null;
  if (!d || typeof d !== "object") return [];
  if (e.code === "DOSSIER_INCOMPLETE" && Array.isArray(d.problems)) return d.problems.filter(isBilingual).map((p) => (en ? p.en : p.vi));
  if (e.code === "DOCUMENTS_MISSING" && Array.isArray(d.missing)) return d.missing.map(String);
  if (isBilingual(d.reason)) return (en ? d.reason.en : d.reason.vi).split(/;\s*/).filter(Boolean);
  if (typeof d.reason === "string" && d.reason) return [d.reason];
  return [];
}

export function RefusalAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const lines = refusalLines(error, i18n.language === "en");
  const code = error instanceof ApiError && error.status > 0 ? error.code : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="refusal"
      data-code={code ?? undefined}
      style={{ marginBottom: 12 }}
      title={errorMessage(error)}
      description={
        lines.length > 0 || code ? (
          <>
            {lines.length > 0 && (
              <>
                <Typography.Text>{t("command.reasons")}</Typography.Text>
                <ul className="plain-list refusal-list">
                  {lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </>
            )}
            {code && (
              <Typography.Text type="secondary" className="refusal-code">
                {t("command.code", { code })}
              </Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
}
