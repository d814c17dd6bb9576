// Task proposals (đề xuất đặt hàng): the tasks still at the proposal steps. Ordinary users see their own (the server
// filters), the Department's staff every proposal. A new proposal goes into a proposal-collection call that is open.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { TASK_TYPES, type TaskListItem } from "../../../common/api/task";
import { useSession } from "../../app/session";
import { formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { TaskStateTag, taskAccess, useCallOptions, useMoney } from "../tasks/task-ui";

export function ProposalsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const money = useMoney();
  const staff = taskAccess.all(me);
  const calls = useCallOptions({ kind: "proposal_collection" });
  const config = useMemo<ListConfig<TaskListItem>>(
    () => ({
      resource: "proposals",
      endpoint: "/proposals",
      rowKey: (r) => r.id,
      rowHref: (r) => `/tasks/${r.id}`,
      searchLabel: t("proposals.search"),
      searchPlaceholder: t("tasks.searchPlaceholder"),
      filters: [
        { name: "callId", label: t("proposals.fields.call"), kind: "options", options: calls.options },
        { name: "year", label: t("tasks.fields.year"), kind: "year" },
        { name: "taskType", label: t("tasks.fields.taskType"), kind: "options", options: TASK_TYPES.map((k) => ({ value: k, label: t(`tasks.type.${k}`) })) },
      ],
      columns: [
        { title: t("tasks.fields.code"), dataIndex: "code", sortKey: "code", render: (c: string, r) => <Link to={`/tasks/${r.id}`}>{c}</Link> },
        { title: t("tasks.fields.titleVi"), dataIndex: "titleVi", sortKey: "title", width: 360 },
        { title: t("tasks.fields.taskType"), dataIndex: "taskType", render: (k: string) => t(`tasks.type.${k}`) },
        { title: t("tasks.fields.proposingOrganisation"), dataIndex: "proposingOrganisationName" },
        {
          title: t("tasks.fields.proposedBudget"),
          dataIndex: "proposedBudget",
          sortKey: "proposedBudget",
          align: "right",
          render: (n: number | null) => money(n),
        },
        {
          title: t("tasks.fields.state"),
          dataIndex: "state",
          sortKey: "state",
          render: (_: string, r) => <TaskStateTag state={r.state} labelVi={r.stateLabelVi} labelEn={r.stateLabelEn} />,
        },
        { title: t("common.updatedAt"), dataIndex: "updatedAt", sortKey: "updatedAt", render: (d: string) => formatDateTime(d) },
      ],
      actions: taskAccess.propose(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/proposals/new")}>
          {t("proposals.create")}
        </Button>
      ) : undefined,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, me, navigate, calls.options.length],
  );
  return (
    <>
      <PageHeader title={t("proposals.title")} subtitle={staff ? t("proposals.subtitleStaff") : t("proposals.subtitle")} />
      <ListView config={config} />
    </>
  );
}
