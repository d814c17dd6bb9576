// A report's history: every step (saved, submitted, returned, approved, approval withdrawn…) with who and when, and
// the comment or reason given.
import { Card, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Report } from "../../../../common/api/statistics";
import { formatDateTime } from "../../../app/format";

export function ReportHistory({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  if (!r.history.length) return null;
  return (
    <Card title={t("statistics.report.history")} size="small">
      <Timeline
        items={r.history.map((h) => ({
          content: (
            <>
              <Typography.Text strong>{t(`statistics.actions.${h.action}`, { defaultValue: h.action })}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {formatDateTime(h.at)}
                {h.byName ? ` · ${h.byName}` : ""}
              </Typography.Text>
              {h.comment && <div>{h.comment}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
