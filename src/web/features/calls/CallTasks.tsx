// The tasks of a call on its page: what each task asks (objectives, duration, budget cap), where it stands, and the
// next step for the user — "Lập hồ sơ đăng ký" for whoever may apply now (or why not), their own dossier to open,
// the number of dossiers for the Department's staff; a proposal-collection call offers "new proposal" instead.
import { Link, useNavigate } from "react-router";
import { Button, Card, Space, Table, Tooltip, Typography } from "antd";
import { FileAddOutlined, FolderOpenOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Call } from "../../../common/api/call";
import type { CallTask, CallTasks as CallTasksData } from "../../../common/api/task";
import { api } from "../../app/api";
import { useSession } from "../../app/session";
import { ErrorState } from "../../components/states";
import { DossierStatusTag } from "../tasks/DossierStatusTag";
import { TaskStateTag, useMoney } from "../tasks/task-ui";
import { taskAccess } from "../tasks/task-access";
import { useCreateDossier } from "../tasks/tasks-api";

export const callTasksQuery = (callId: string) => ({
  queryKey: ["calls", "tasks", callId] as const,
  queryFn: () => api.get<CallTasksData>(`/calls/${callId}/tasks`),
});

export function CallTasks({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const money = useMoney();
  const q = useQuery(callTasksQuery(call.id));
  const en = i18n.language === "en";
  const selection = call.kind === "selection";
  const staff = taskAccess.all(me);
  const canPropose = !selection && call.acceptingSubmissions && taskAccess.propose(me);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card
      title={selection ? t("calls.tasks.title") : t("calls.tasks.proposalsTitle")}
      extra={
        canPropose && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate(`/proposals/new?callId=${call.id}`)}>
            {t("calls.tasks.propose")}
          </Button>
        )
      }
    >
      <Table<CallTask>
        size="small"
        rowKey="id"
        loading={q.isPending}
        pagination={false}
        dataSource={q.data?.items ?? []}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: selection ? t("calls.tasks.empty") : t("calls.tasks.proposalsEmpty") }}
        expandable={{
          rowExpandable: (r) => !!(r.objectives || r.expectedResults),
          expandedRowRender: (r) => (
            <Space orientation="vertical" size={4}>
              {r.objectives && <Typography.Text>{`${t("tasks.fields.objectives")}: ${r.objectives}`}</Typography.Text>}
              {r.expectedResults && <Typography.Text>{`${t("tasks.fields.expectedResults")}: ${r.expectedResults}`}</Typography.Text>}
            </Space>
          ),
        }}
        columns={[
          { title: t("tasks.fields.code"), dataIndex: "code", render: (c: string, r) => <Link to={`/tasks/${r.id}`}>{c}</Link> },
          { title: t("tasks.fields.titleVi"), key: "title", width: 320, render: (_, r) => (en && r.titleEn ? r.titleEn : r.titleVi) },
          // The user's next step (or, for the staff, the dossiers that came in) right after the title: visible at 1366 px.
          ...(selection && !staff ? [{ title: t("calls.tasks.next"), key: "next", render: (_: unknown, r: CallTask) => <NextStep task={r} /> }] : []),
          ...(staff && selection ? [{ title: t("calls.tasks.dossiers"), dataIndex: "dossierCount", align: "right" as const }] : []),
          { title: t("calls.tasks.budgetCap"), dataIndex: "proposedBudget", align: "right", render: (n: number | null) => money(n) },
          { title: t("calls.tasks.months"), dataIndex: "proposedMonths", align: "right", render: (m: number | null) => m ?? "" },
          {
            title: t("tasks.fields.state"),
            key: "state",
            render: (_, r) => <TaskStateTag state={r.state} labelVi={r.stateLabelVi} labelEn={r.stateLabelEn} />,
          },
        ]}
      />
    </Card>
  );
}

/** The applicant's next step on one task: their dossier, "Lập hồ sơ đăng ký", or the reason they cannot start one. */
function NextStep({ task }: { task: CallTask }) {
  const { t } = useTranslation();
  const create = useCreateDossier(task.id);
  if (task.myDossier) {
    return (
      <Space size={4}>
        <DossierStatusTag status={task.myDossier.status} />
        <Link to={`/tasks/${task.id}/dossiers/${task.myDossier.id}`}>
          <FolderOpenOutlined aria-hidden /> {t("calls.tasks.openMine")}
        </Link>
      </Space>
    );
  }
  if (task.abilities.createDossier) {
    return (
      <Button type="primary" size="small" icon={<FileAddOutlined aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
        {t("tasks.dossier.create")}
      </Button>
    );
  }
  if (task.abilities.createDossierRefusal) {
    return (
      <Tooltip title={task.abilities.createDossierRefusal}>
        <Space orientation="vertical" size={0}>
          <Button size="small" disabled icon={<FileAddOutlined aria-hidden />}>
            {t("tasks.dossier.create")}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 260, display: "inline-block" }}>
            {task.abilities.createDossierRefusal}
          </Typography.Text>
        </Space>
      </Tooltip>
    );
  }
  return null;
}
