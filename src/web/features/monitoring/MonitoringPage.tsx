// Monitoring of tasks in progress (theo dõi, kiểm tra): the tasks with their overdue / at-risk flags, the progress
// reports and the inspections. Officers see every task; a PI or organisation representative sees their own.
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, Progress, Space, Tabs, Tooltip } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import {
  AT_RISK_END_DAYS,
  AT_RISK_GAP_POINTS,
  INSPECTION_STATUSES,
  REPORT_STATUSES,
  type InspectionSummary,
  type OverviewItem,
  type ReportSummary,
} from "../../../common/api/monitoring";
import { useSession } from "../../app/session";
import { formatDate } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { Deadline } from "../../components/deadline";
import { PageHeader } from "../../components/states";
import { ConclusionTag, FlagTags, ReportStatusTag, percent } from "./monitoring-ui";

export function MonitoringPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get("tab") ?? "tasks";
  const officer = !!me?.can?.inspection?.create;

  const tasks = useMemo<ListConfig<OverviewItem>>(
    () => ({
      resource: "monitoring-overview",
      endpoint: "/monitoring/overview",
      rowKey: (r) => r.taskId,
      searchLabel: t("monitoring.search"),
      filters: [
        {
          name: "flag",
          label: t("monitoring.flag"),
          kind: "options",
          options: [
            { value: "overdue", label: t("monitoring.flags.overdue") },
            { value: "at_risk", label: t("monitoring.flags.at_risk") },
          ],
        },
        { name: "year", label: t("monitoring.year"), kind: "year" },
      ],
      columns: [
        { title: t("monitoring.fields.code"), dataIndex: "code", sortKey: "code", render: (c: string, r) => <Link to={`/tasks/${r.taskId}`}>{c}</Link> },
        { title: t("monitoring.fields.title"), dataIndex: "titleVi", sortKey: "title" },
        { title: t("monitoring.fields.pi"), dataIndex: "piName" },
        { title: t("monitoring.fields.endDate"), dataIndex: "endDate", sortKey: "endDate", render: (d: string | null) => formatDate(d) },
        {
          title: t("monitoring.fields.progress"),
          key: "progress",
          render: (_: unknown, r) => (
            <Tooltip title={t("monitoring.progressTip", { planned: percent(r.plannedPercent), reported: percent(r.reportedPercent) })}>
              <Progress
                aria-label={t("monitoring.fields.progress")}
                percent={r.reportedPercent ?? 0}
                success={{ percent: 0 }}
                steps={undefined}
                size="small"
                format={() => `${percent(r.reportedPercent)} / ${percent(r.plannedPercent)}`}
                status={r.atRiskReasons.includes("behind") ? "exception" : "normal"}
              />
            </Tooltip>
          ),
        },
        { title: t("monitoring.fields.nextDue"), dataIndex: "nextDueOn", sortKey: "nextDue", render: (d: string | null) => formatDate(d) },
        { title: t("monitoring.fields.flags"), key: "flags", render: (_: unknown, r) => <FlagTags item={r} /> },
        {
          title: t("monitoring.fields.lastInspection"),
          dataIndex: "lastConclusion",
          render: (c: OverviewItem["lastConclusion"]) => <ConclusionTag conclusion={c} />,
        },
        {
          title: "",
          key: "links",
          render: (_: unknown, r) => (
            <Space size={4}>
              <Link to={`/monitoring?tab=reports&taskId=${r.taskId}`}>{t("monitoring.tabs.reports")}</Link>
            </Space>
          ),
        },
      ],
    }),
    [t],
  );

  const taskId = sp.get("taskId") ?? undefined;
  const reports = useMemo<ListConfig<ReportSummary>>(
    () => ({
      resource: "monitoring-reports",
      endpoint: taskId ? `/monitoring/reports?taskId=${taskId}` : "/monitoring/reports",
      rowKey: (r) => r.id,
      rowHref: (r) => `/monitoring/reports/${r.id}`,
      searchLabel: t("monitoring.search"),
      filters: [
        {
          name: "status",
          label: t("monitoring.fields.status"),
          kind: "options",
          options: REPORT_STATUSES.map((s) => ({ value: s, label: t(`monitoring.reportStatus.${s}`) })),
        },
        {
          name: "overdue",
          label: t("monitoring.flags.overdue"),
          kind: "options",
          options: [
            { value: "true", label: t("monitoring.yes") },
            { value: "false", label: t("monitoring.no") },
          ],
        },
      ],
      columns: [
        { title: t("monitoring.fields.code"), dataIndex: "taskCode", render: (c: string, r) => <Link to={`/monitoring/reports/${r.id}`}>{c}</Link> },
        { title: t("monitoring.fields.title"), dataIndex: "taskTitleVi" },
        {
          title: t("monitoring.fields.report"),
          key: "seq",
          render: (_: unknown, r) => (r.kind === "final" ? t("monitoring.finalReport") : t("monitoring.periodicReport", { n: r.sequence })),
        },
        { title: t("monitoring.fields.period"), key: "period", render: (_: unknown, r) => `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}` },
        { title: t("monitoring.fields.completion"), dataIndex: "overallPercent", render: (p: number | null) => percent(p) },
        {
          title: t("monitoring.fields.status"),
          dataIndex: "status",
          render: (s: ReportSummary["status"], r) => <ReportStatusTag status={s} overdue={r.overdue} />,
        },
        // since when the report waits and its due day (as the tasks' work queue)
        { title: t("list.waitingSince"), dataIndex: "waitingSince", render: (d: string | null) => formatDate(d) },
        { title: t("monitoring.fields.dueOn"), dataIndex: "dueOn", sortKey: "dueOn", render: (d: string, r) => <Deadline date={d} overdue={r.overdue} /> },
      ],
    }),
    [t, taskId],
  );

  const inspections = useMemo<ListConfig<InspectionSummary>>(
    () => ({
      resource: "monitoring-inspections",
      endpoint: "/monitoring/inspections",
      rowKey: (r) => r.id,
      rowHref: (r) => `/monitoring/inspections/${r.id}`,
      searchLabel: t("monitoring.search"),
      filters: [
        {
          name: "status",
          label: t("monitoring.fields.status"),
          kind: "options",
          options: INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`monitoring.inspectionStatus.${s}`) })),
        },
      ],
      columns: [
        { title: t("monitoring.fields.code"), dataIndex: "taskCode", render: (c: string, r) => <Link to={`/monitoring/inspections/${r.id}`}>{c}</Link> },
        { title: t("monitoring.fields.title"), dataIndex: "taskTitleVi" },
        { title: t("monitoring.fields.plannedOn"), dataIndex: "plannedOn", sortKey: "plannedOn", render: (d: string) => formatDate(d) },
        { title: t("monitoring.fields.status"), dataIndex: "status", render: (s: string) => t(`monitoring.inspectionStatus.${s}`) },
        { title: t("monitoring.fields.conclusion"), dataIndex: "conclusion", render: (c: InspectionSummary["conclusion"]) => <ConclusionTag conclusion={c} /> },
        { title: t("monitoring.fields.openActions"), dataIndex: "openActions" },
      ],
      actions: officer ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/monitoring/inspections/new")}>
          {t("monitoring.planInspection")}
        </Button>
      ) : undefined,
    }),
    [t, officer, navigate],
  );

  return (
    <>
      <PageHeader title={t("monitoring.title")} subtitle={t("monitoring.subtitle", { gap: AT_RISK_GAP_POINTS, days: AT_RISK_END_DAYS })} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === "tasks" ? {} : { tab: k })}
        items={[
          { key: "tasks", label: t("monitoring.tabs.tasks"), children: tab === "tasks" ? <ListView config={tasks} /> : null },
          { key: "reports", label: t("monitoring.tabs.reports"), children: tab === "reports" ? <ListView config={reports} /> : null },
          { key: "inspections", label: t("monitoring.tabs.inspections"), children: tab === "inspections" ? <ListView config={inspections} /> : null },
        ]}
      />
    </>
  );
}
