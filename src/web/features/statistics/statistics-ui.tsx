// Shared bits of the statistical-reporting pages: status tags, the vi/en label of a configuration item, the queries
// every page shares (form versions, periods) (who may open which page: statistics-access.ts).
import { Space, Tag, Tooltip } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PeriodStatus, ReportStatus, Timeliness, ValidationMessage } from "../../../common/api/statistics";
import { currentLang } from "../../i18n/index";
import { formatNumber } from "../../../common/number-format";
import { statisticsApi, statisticsKeys } from "./statistics-api";

export { statisticsAccess } from "./statistics-access";

/** "vi" or "en" text of a configuration item ({labelVi, labelEn} / {titleVi, titleEn} …). */
export function useLang() {
  const { i18n } = useTranslation();
  void i18n.language; // re-render on language change
  return currentLang();
}
export const pick = (lang: "vi" | "en", vi: string | null | undefined, en: string | null | undefined) => (lang === "en" ? en || vi || "" : vi || en || "");
export const msgText = (lang: "vi" | "en", m: Pick<ValidationMessage, "messageVi" | "messageEn">) => (lang === "en" ? m.messageEn : m.messageVi);

const REPORT_COLOURS: Record<ReportStatus, string> = {
  assigned: "default",
  draft: "processing",
  submitted: "blue",
  returned: "warning",
  approved: "success",
};
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={REPORT_COLOURS[status]}>{t(`statistics.reportStatus.${status}`)}</Tag>;
}

const TIMELINESS_COLOURS: Record<Timeliness, string> = { on_time: "success", late: "warning", overdue: "error", pending: "default" };
export function TimelinessTag({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return <Tag color={TIMELINESS_COLOURS[timeliness]}>{t(`statistics.timeliness.${timeliness}`)}</Tag>;
}

export function ReportTags({ status, timeliness }: { status: ReportStatus; timeliness: Timeliness }) {
  return (
    <Space size={4} wrap>
      <ReportStatusTag status={status} />
      {timeliness !== "pending" && <TimelinessTag timeliness={timeliness} />}
    </Space>
  );
}

const PERIOD_COLOURS: Record<PeriodStatus, string> = { draft: "default", open: "processing", closed: "success" };
export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  const { t } = useTranslation();
  return <Tag color={PERIOD_COLOURS[status]}>{t(`statistics.periodStatus.${status}`)}</Tag>;
}

/** A form's official code with its title on hover. */
export function FormCodeTag({ code, titleVi, titleEn }: { code: string; titleVi: string; titleEn: string }) {
  const lang = useLang();
  return (
    <Tooltip title={pick(lang, titleVi, titleEn)}>
      <Tag>{code}</Tag>
    </Tooltip>
  );
}

/** The latest version of every form (for pickers). */
export function useFormList() {
  return useQuery({
    queryKey: statisticsKeys.forms,
    queryFn: () => statisticsApi.forms(),
    staleTime: 10 * 60_000,
  });
}

/** One stored form version (immutable, cached for the session). */
export function useFormVersion(key: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: statisticsKeys.formVersion(key, version),
    queryFn: () => statisticsApi.formVersion(key!, version!),
    enabled: !!key && !!version,
    staleTime: Infinity,
  });
}

export const pct = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : `${formatNumber(n, currentLang() === "en" ? "en-GB" : "vi-VN", 1)}%`;
