// Statistical reports as a list: the organisation representative's own ("Báo cáo thống kê của tôi": every form its
// organisation must file, with deadline, status and validation counts) and, for staff and leaders, every report
// with filters by period, form, status, timeliness and organisation (the review queue: status = submitted).
import { useMemo } from "react";
import { Link } from "react-router";
import { Flex, Space, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REPORT_STATUSES, TIMELINESS, type ReportItem } from "../../../common/api/statistics";
import { formatDate, formatDateTime } from "../../app/format";
import { ListView, type FilterDef, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { statisticsApi, statisticsEndpoints, statisticsKeys } from "./statistics-api";
import { pick, ReportTags, useFormList, useLang } from "./statistics-ui";

function useReportList(mine: boolean): ListConfig<ReportItem> {
  const { t } = useTranslation();
  const lang = useLang();
  const forms = useFormList();
  const periods = useQuery({
    queryKey: statisticsKeys.periodOptions,
    queryFn: statisticsApi.periodOptions,
    enabled: !mine,
    staleTime: 60_000,
  });
  return useMemo<ListConfig<ReportItem>>(() => {
    const filters: FilterDef[] = [
      {
        name: "status",
        label: t("statistics.fields.status"),
        kind: "options",
        options: REPORT_STATUSES.map((s) => ({ value: s, label: t(`statistics.reportStatus.${s}`) })),
      },
      {
        name: "timeliness",
        label: t("statistics.fields.timeliness"),
        kind: "options",
        options: TIMELINESS.map((s) => ({ value: s, label: t(`statistics.timeliness.${s}`) })),
      },
      {
        name: "formKey",
        label: t("statistics.fields.form"),
        kind: "options",
        options: (forms.data?.items ?? []).map((f) => ({ value: f.key, label: f.code })),
      },
    ];
    if (!mine) {
      filters.unshift({
        name: "periodId",
        label: t("statistics.fields.period"),
        kind: "options",
        options: (periods.data?.items ?? []).map((p) => ({ value: p.id, label: pick(lang, p.nameVi, p.nameEn) })),
      });
      filters.push({ name: "organisationId", label: t("statistics.fields.organisation"), kind: "organisation" });
    }
    return {
      resource: "statistics-reports",
      endpoint: mine ? statisticsEndpoints.myReports : statisticsEndpoints.reports,
      rowKey: (r) => r.id,
      rowHref: (r) => `/statistics/reports/${r.id}`,
      searchLabel: t("statistics.reports.search"),
      filters,
      columns: [
        {
          title: t("statistics.fields.form"),
          dataIndex: "formCode",
          sortKey: "form",
          render: (code: string, r) => (
            <Flex vertical>
              <Link to={`/statistics/reports/${r.id}`}>{code}</Link>
              <Typography.Text type="secondary">{pick(lang, r.formTitleVi, r.formTitleEn)}</Typography.Text>
            </Flex>
          ),
        },
        ...(mine ? [] : [{ title: t("statistics.fields.organisation"), dataIndex: "organisationName", sortKey: "organisation" }]),
        { title: t("statistics.fields.period"), key: "period", sortKey: "year", render: (_: unknown, r) => pick(lang, r.periodNameVi, r.periodNameEn) },
        { title: t("statistics.fields.deadline"), dataIndex: "deadline", render: (d: string) => formatDate(d) },
        {
          title: t("statistics.fields.status"),
          dataIndex: "status",
          sortKey: "status",
          render: (_: unknown, r) => <ReportTags status={r.status} timeliness={r.timeliness} />,
        },
        {
          title: t("statistics.fields.checks"),
          key: "checks",
          render: (_: unknown, r) =>
            r.status === "assigned" ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Space size={2}>
                {r.errorCount > 0 && <Tag color="error">{t("statistics.reports.errors", { count: r.errorCount })}</Tag>}
                {r.warningCount > 0 && <Tag color="warning">{t("statistics.reports.warnings", { count: r.warningCount })}</Tag>}
                {!r.errorCount && !r.warningCount && <Tag color="success">{t("statistics.reports.clean")}</Tag>}
              </Space>
            ),
        },
        { title: t("statistics.fields.submittedAt"), dataIndex: "submittedAt", sortKey: "submittedAt", render: (d: string | null) => formatDateTime(d) },
        { title: t("statistics.fields.updatedAt"), dataIndex: "updatedAt", sortKey: "updatedAt", render: (d: string) => formatDateTime(d) },
      ],
    };
  }, [t, lang, mine, forms.data, periods.data]);
}

export function MyReportsPage() {
  const { t } = useTranslation();
  const config = useReportList(true);
  return (
    <>
      <PageHeader title={t("statistics.reports.myTitle")} subtitle={t("statistics.reports.mySubtitle")} />
      <ListView config={config} />
    </>
  );
}

export function ReportsListPage() {
  const { t } = useTranslation();
  const config = useReportList(false);
  return (
    <>
      <PageHeader title={t("statistics.reports.title")} subtitle={t("statistics.reports.subtitle")} />
      <ListView config={config} />
    </>
  );
}
