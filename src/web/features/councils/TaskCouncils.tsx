// The councils of one task, on the task's page: kind, status, date and a link to each council the signed-in user may
// read (staff and leaders all; members those they sit on; an applicant those considering their own dossier or proposal).
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskCouncil } from "../../../common/api/council";
import { taskCouncilsQuery } from "./councils-api";
import { formatDate, formatDateTime } from "../../app/format";
import { ErrorState } from "../../components/states";
import { CouncilStatusTag } from "./council-ui";

export function TaskCouncils({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const q = useQuery(taskCouncilsQuery(taskId));
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<TaskCouncil>
      size="small"
      rowKey="id"
      loading={q.isPending}
      pagination={false}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: t("councils.taskCouncils.empty") }}
      scroll={{ x: "max-content" }}
      columns={[
        { title: t("councils.fields.kind"), dataIndex: "kind", render: (k: string) => t(`councils.kind.${k}`) },
        { title: t("councils.fields.title"), dataIndex: "title", render: (v: string, r) => <Link to={`/councils/${r.id}`}>{v}</Link> },
        { title: t("councils.fields.status"), dataIndex: "status", render: (_: string, r) => <CouncilStatusTag status={r.status} /> },
        {
          title: t("councils.taskCouncils.date"),
          key: "date",
          render: (_, r) => (r.meetingAt ? formatDateTime(r.meetingAt) : formatDate(r.concludedAt ?? r.decisionDate)),
        },
        {
          title: t("councils.fields.decisionNumber"),
          key: "decision",
          render: (_, r) => [r.decisionNumber, formatDate(r.decisionDate)].filter(Boolean).join(" — "),
        },
        { title: t("councils.fields.legalBasis"), dataIndex: "legalBasis" },
      ]}
    />
  );
}
