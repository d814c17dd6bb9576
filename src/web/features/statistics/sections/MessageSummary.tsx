// The errors and warnings of a whole report — the page's one list of them — each a link that moves the focus to its
// cell: the server's for the saved answers, the same engine's while the answers are being typed.
import { CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import type { ValidationMessage } from "../../../../common/api/statistics";
import { cellDomId, focusCell } from "../FormGrid";
import { msgText, useLang } from "../statistics-ui";

/** Errors and warnings of the whole report, each a link to its cell. */
export function MessageSummary({ messages, errors, warnings, live }: { messages: ValidationMessage[]; errors: number; warnings: number; live: boolean }) {
  const { t } = useTranslation();
  if (!messages.length)
    return (
      <Alert
        type="success"
        showIcon
        className="stat-summary"
        style={{ marginBottom: 16 }}
        title={live ? t("statistics.report.noMessagesLive") : t("statistics.report.noMessages")}
      />
    );
  return (
    <Alert
      className="stat-summary"
      type={errors ? "error" : "warning"}
      showIcon
      // the icon is decoration (Ant Design names it in English, "close-circle"): the title says it
      icon={errors ? <CloseCircleFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />}
      style={{ marginBottom: 16 }}
      title={t(live ? "statistics.report.summaryLive" : "statistics.report.summary", { errors, warnings })}
      description={<MessageList messages={messages} />}
    />
  );
}

/** The messages as one list, each a link that moves the focus to its cell (the first 50). */
export function MessageList({ messages }: { messages: ValidationMessage[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = messages.slice(0, 50);
  return (
    <ul className="stat-summary-list">
      {shown.map((m, i) => (
        <li key={i} className={`stat-msg stat-msg-${m.severity}`}>
          <a
            href={`#${cellDomId(m.cellKey)}`}
            onClick={(e) => {
              e.preventDefault();
              focusCell(m.cellKey);
            }}
          >
            {msgText(lang, m)}
          </a>
        </li>
      ))}
      {messages.length > shown.length && <li>{t("statistics.report.moreMessages", { count: messages.length - shown.length })}</li>}
    </ul>
  );
}
