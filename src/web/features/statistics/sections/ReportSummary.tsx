// What a report is and where it stands: year, deadline, form version, who submitted and approved it and when; the
// officer's comment when it was returned, the reason when an approval was withdrawn, the lock once approved.
import { Alert, Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { Report } from "../../../../common/api/statistics";
import { formatDate, formatDateTime } from "../../../app/format";

export function ReportSummary({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t("statistics.fields.year")}>{r.year}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.deadline")}>{formatDate(r.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.formVersion")}>{t("statistics.fields.versionN", { n: r.formVersion })}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.submittedAt")}>
          {r.submittedAt ? `${formatDateTime(r.submittedAt)}${r.submittedByName ? ` · ${r.submittedByName}` : ""}` : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.approvedAt")}>
          {r.approvedAt ? `${formatDateTime(r.approvedAt)}${r.approvedByName ? ` · ${r.approvedByName}` : ""}` : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.updatedAt")}>{formatDateTime(r.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {r.status === "returned" && r.reviewComment && (
        <Alert type="warning" showIcon title={t("statistics.report.returnedWith")} description={r.reviewComment} style={{ marginTop: 8 }} />
      )}
      {r.unapproveReason && r.status !== "approved" && (
        <Alert
          type="info"
          showIcon
          title={t("statistics.report.unapprovedWith", { at: formatDateTime(r.unapprovedAt) })}
          description={r.unapproveReason}
          style={{ marginTop: 8 }}
        />
      )}
      {r.status === "approved" && <Alert type="success" showIcon title={t("statistics.report.lockedNote")} style={{ marginTop: 8 }} />}
    </Card>
  );
}
