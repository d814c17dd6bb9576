// Shared bits of the monitoring pages: status and flag tags.
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { InspectionConclusion, OverviewItem, ReportStatus } from "../../../common/api/monitoring";
import { formatNumber } from "../../../common/number-format";

const REPORT_COLOURS: Record<ReportStatus, string> = {
  scheduled: "default",
  draft: "processing",
  submitted: "blue",
  accepted: "success",
  needs_revision: "warning",
};

export function ReportStatusTag({ status, overdue }: { status: ReportStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={REPORT_COLOURS[status]}>{t(`monitoring.reportStatus.${status}`)}</Tag>
      {overdue && <Tag color="error">{t("monitoring.flags.overdue")}</Tag>}
    </Space>
  );
}

const CONCLUSION_COLOURS: Record<InspectionConclusion, string> = { on_track: "success", behind: "warning", serious: "error" };
export function ConclusionTag({ conclusion }: { conclusion: InspectionConclusion | null }) {
  const { t } = useTranslation();
  return conclusion ? <Tag color={CONCLUSION_COLOURS[conclusion]}>{t(`monitoring.conclusion.${conclusion}`)}</Tag> : null;
}

export function FlagTags({ item }: { item: Pick<OverviewItem, "overdue" | "atRisk" | "atRiskReasons"> }) {
  const { t } = useTranslation();
  if (!item.overdue && !item.atRisk) return <Tag color="success">{t("monitoring.flags.ok")}</Tag>;
  return (
    <Space size={4} wrap>
      {item.overdue && <Tag color="error">{t("monitoring.flags.overdue")}</Tag>}
      {item.atRiskReasons.map((r) => (
        <Tag key={r} color="warning">
          {t(`monitoring.flags.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}

export const percent = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${formatNumber(n, "vi-VN", 1)}%`);
