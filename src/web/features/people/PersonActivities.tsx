// A person's S&T activities on their page: tasks led or joined, councils sat on, registered results — as the server
// lets the viewer know them (a council membership only to those inside the council), each linked to its page when
// the viewer may open it — and the scientific CV (.docx, form B1-4-LLCN) to download.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Table, Tabs, Tag } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PersonActivities as Activities, PersonCouncilItem, PersonResultItem, PersonTaskItem } from "../../../common/api/person-activities";
import { api, download, errorMessage } from "../../app/api";
import { formatDate, formatDateTime } from "../../app/format";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";

export const personActivitiesQuery = (id: string) => ({
  queryKey: ["people", "activities", id],
  queryFn: () => api.get<Activities>(`/people/${id}/activities`),
});

/** Downloads the person's scientific CV; the server names the file and audits the download. */
export function DownloadCvButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(`/people/${personId}/cv.docx`, undefined, "ly-lich-khoa-hoc.docx");
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()} title={t("people.cv.hint")}>
      {t("people.cv.download")}
    </Button>
  );
}

const period = (start: string | null, end: string | null, year: number) => (start || end ? `${formatDate(start)} – ${formatDate(end)}` : String(year));

export function PersonActivities({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery(personActivitiesQuery(personId));
  const en = i18n.language.startsWith("en");
  if (q.isPending)
    return (
      <Card>
        <LoadingState rows={4} />
      </Card>
    );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const a = q.data;
  const taskTitle = (x: { id: string; titleVi: string; titleEn?: string | null }, open: boolean) => {
    const title = en && x.titleEn ? x.titleEn : x.titleVi;
    return open ? <Link to={`/tasks/${x.id}`}>{title}</Link> : title;
  };
  const tasks = (
    <Table<PersonTaskItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={a.tasks}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <EmptyState description={t("people.activities.noTasks")} /> }}
      columns={[
        { title: t("people.activities.code"), dataIndex: "code" },
        { title: t("people.activities.task"), key: "title", render: (_, x) => taskTitle(x, x.canOpen) },
        {
          title: t("people.activities.role"),
          dataIndex: "role",
          render: (r: PersonTaskItem["role"]) => <Tag color={r === "pi" ? "blue" : undefined}>{t(`tasks.teamRole.${r}`)}</Tag>,
        },
        { title: t("people.activities.period"), key: "period", render: (_, x) => period(x.startDate, x.endDate, x.year) },
        {
          title: t("people.activities.status"),
          key: "status",
          render: (_, x) => (
            <>
              {en ? x.stateLabelEn : x.stateLabelVi}
              {x.resultGrade && <Tag style={{ marginInlineStart: 8 }}>{t(`tasks.grade.${x.resultGrade}`)}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
  const councils = (
    <Table<PersonCouncilItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={a.councils}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <EmptyState description={t("people.activities.noCouncils")} /> }}
      columns={[
        // Listed only to those inside the council, who may open it.
        { title: t("people.activities.council"), dataIndex: "title", render: (title: string, c) => <Link to={`/councils/${c.id}`}>{title}</Link> },
        { title: t("people.activities.kind"), dataIndex: "kind", render: (k: PersonCouncilItem["kind"]) => t(`councils.kind.${k}`) },
        {
          title: t("people.activities.councilTasks"),
          key: "tasks",
          render: (_, c) => c.tasks.map((x) => <div key={x.id}>{`${x.code} — ${x.titleVi}`}</div>),
        },
        { title: t("people.activities.role"), dataIndex: "role", render: (r: PersonCouncilItem["role"]) => t(`councils.role.${r}`) },
        { title: t("people.activities.meetingAt"), dataIndex: "meetingAt", render: (d: string | null) => (d ? formatDateTime(d) : "") },
        { title: t("people.activities.status"), dataIndex: "status", render: (s: PersonCouncilItem["status"]) => t(`councils.status.${s}`) },
      ]}
    />
  );
  const resultLink = (r: PersonResultItem) =>
    r.published ? <Link to={`/results/${r.id}`}>{r.titleVi}</Link> : r.canOpenTask ? <Link to={`/tasks/${r.id}`}>{r.titleVi}</Link> : r.titleVi;
  const results = (
    <Table<PersonResultItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={a.results}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <EmptyState description={t("people.activities.noResults")} /> }}
      columns={[
        { title: t("people.activities.registrationCode"), dataIndex: "registrationCode" },
        { title: t("people.activities.task"), key: "title", render: (_, r) => resultLink(r) },
        { title: t("people.activities.code"), dataIndex: "code" },
        { title: t("people.activities.registeredAt"), dataIndex: "registeredAt", render: (d: string) => formatDate(d) },
        { title: t("people.activities.grade"), dataIndex: "resultGrade", render: (g: PersonResultItem["resultGrade"]) => (g ? t(`tasks.grade.${g}`) : "") },
      ]}
    />
  );
  return (
    <Card title={t("people.activities.title")}>
      <Tabs
        items={[
          { key: "tasks", label: t("people.activities.tasksTab", { n: a.tasks.length }), children: tasks },
          { key: "councils", label: t("people.activities.councilsTab", { n: a.councils.length }), children: councils },
          { key: "results", label: t("people.activities.resultsTab", { n: a.results.length }), children: results },
        ]}
      />
    </Card>
  );
}
