// Shared bits of the statistical-reporting pages: status tags, the vi/en label of a configuration item, the queries
// every page shares (form versions, periods) and who may open which page (from the server's abilities in `me.can`).
import { Space, Tag, Tooltip } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PeriodStatus, ReportStatus, Timeliness, ValidationMessage } from "../../../common/api/statistics";
import type { Me } from "../../app/session";
import { ability } from "../../app/permissions";
import { currentLang } from "../../i18n/index";
import { statisticsApi, statisticsKeys } from "./statistics-api";

/** What the UI offers; the same abilities answer 403 on the server (modules/statistics/statistics.policy.ts). */
export const statisticsAccess = {
  /** staff and leaders: periods, completeness and the city's consolidated tables */
  periods: ability("statisticsPeriod", "list"),
  createPeriod: ability("statisticsPeriod", "create"),
  /** every report of every organisation (staff, leaders) */
  allReports: ability("statisticsPeriod", "list"),
  /** the reports of the user's own organisation (organisation representative) */
  myReports: (me: Me | null) => ability("statisticsReport", "list")(me) && !!me?.organisationId && me.roles.includes("org_rep"),
  /** the form templates: whoever takes part in statistical reporting */
  forms: (me: Me | null) => ability("statisticsPeriod", "list")(me) || ability("statisticsReport", "list")(me),
};

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
  n === null || n === undefined ? "—" : `${n.toLocaleString(currentLang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 })}%`;
