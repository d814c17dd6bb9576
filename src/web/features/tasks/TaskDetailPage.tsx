// One S&T task: code, title, type, method and state; the path through its own template version; the workflow actions
// the record's abilities offer; tabs for the proposal, the dossiers, the documents and the approval decision.
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Row, Space, Table, Tabs, Tag, Typography } from "antd";
import { EditOutlined, FileAddOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { DossierSummary, Task } from "../../../common/api/task";
import { formatDate, formatDateTime } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { CodeLabel } from "../../components/reference";
import { TaskActions, TaskBlockers } from "./TaskActions";
import { TaskDocuments } from "./TaskDocuments";
import { TaskPath } from "./TaskPath";
import { TaskHistory } from "./TaskHistory";
import { TaskResultsTab } from "../results/TaskResultsTab";
import { SUMMARY_STATES } from "../../../common/api/result";
import { TaskStateTag, useMoney } from "./task-ui";
import { taskQuery, useCreateDossier } from "./tasks-api";
import { DossierStatusTag } from "./DossierStatusTag";
import { TaskDocumentButtons } from "../documents/DocumentButton";
import { TaskCouncils } from "../councils/TaskCouncils";

export function TaskDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const q = useQuery(taskQuery(id));
  const [sp, setSp] = useSearchParams();
  const tab = sp.get("tab") ?? "proposal";
  return (
    <RecordView<Task>
      query={q}
      back="/tasks"
      title={(r) => `${r.code} · ${en && r.titleEn ? r.titleEn : r.titleVi}`}
      subtitle={(r) => (
        <Space size={4} wrap>
          <TaskStateTag state={r.state} labelVi={r.stateLabelVi} labelEn={r.stateLabelEn} />
          <Tag>{t(`tasks.type.${r.taskType}`)}</Tag>
          {r.method && <Tag>{t(`tasks.method.${r.method}`)}</Tag>}
          <Tag variant="outlined">
            {t("tasks.templateVersion", { name: (en ? r.templateNameEn : r.templateNameVi) ?? r.templateKey, version: r.templateVersion })}
          </Tag>
        </Space>
      )}
      actions={(r) => (
        <>
          {r.abilities.edit && <EditProposalButton id={r.id} />}
          {r.abilities.createDossier && <CreateDossierButton task={r} />}
          <TaskDocumentButtons task={r} />
          <TaskActions task={r} />
        </>
      )}
    >
      {(r) => (
        <Row gutter={[16, 16]}>
          {/* On a phone the task comes first, its process path after it. */}
          <Col xs={{ span: 24, order: 2 }} lg={{ span: 7, order: 1 }}>
            <Card title={t("tasks.path.title")} size="small">
              <TaskPath task={r} />
            </Card>
          </Col>
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 17, order: 2 }}>
            <TaskBlockers task={r} />
            <Card style={{ marginTop: r.abilities.actions.some((a) => a.blocked) ? 16 : 0 }}>
              <Tabs
                activeKey={tab}
                onChange={(k) =>
                  setSp(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      next.set("tab", k);
                      return next;
                    },
                    { replace: true },
                  )
                }
                items={[
                  { key: "proposal", label: t("tasks.tabs.proposal"), children: <ProposalTab task={r} /> },
                  { key: "dossiers", label: t("tasks.tabs.dossiers", { count: r.dossiers.length }), children: <DossiersTab task={r} /> },
                  {
                    key: "documents",
                    label: t("tasks.tabs.documents"),
                    children: <TaskDocuments taskId={r.id} canUpload={r.abilities.uploadDocument} onChanged={() => void q.refetch()} />,
                  },
                  { key: "councils", label: t("councils.taskCouncils.tab"), children: <TaskCouncils taskId={r.id} /> },
                  ...((SUMMARY_STATES as readonly string[]).includes(r.state)
                    ? [{ key: "results", label: t("results.tab"), children: <TaskResultsTab taskId={r.id} /> }]
                    : []),
                  ...(r.decisionNumber || r.startDate ? [{ key: "decision", label: t("tasks.tabs.decision"), children: <DecisionTab task={r} /> }] : []),
                  { key: "history", label: t("tasks.tabs.history", { count: r.history.length }), children: <TaskHistory task={r} /> },
                ]}
              />
            </Card>
            <div className="record-meta">
              {t("record.meta", { created: formatDateTime(r.createdAt), updated: formatDateTime(r.updatedAt), version: r.version })}
            </div>
          </Col>
        </Row>
      )}
    </RecordView>
  );
}

function EditProposalButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/proposals/${id}/edit`)}>
      {t("proposals.edit")}
    </Button>
  );
}

/** Starts this user's dossier for the task (their person as PI, their organisation as lead) and opens it. */
function CreateDossierButton({ task }: { task: Task }) {
  const { t } = useTranslation();
  const create = useCreateDossier(task.id);
  return (
    <Button type="primary" icon={<FileAddOutlined aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
      {t("tasks.dossier.create")}
    </Button>
  );
}

function Paragraphs({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <Card size="small" title={title}>
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{text}</Typography.Paragraph>
    </Card>
  );
}

function ProposalTab({ task: r }: { task: Task }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Section
        title={t("tasks.sections.general")}
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "code", label: t("tasks.fields.code"), children: r.code },
          { key: "year", label: t("tasks.fields.year"), children: r.year },
          { key: "type", label: t("tasks.fields.taskType"), children: t(`tasks.type.${r.taskType}`) },
          { key: "level", label: t("tasks.fields.level"), children: t(`tasks.level.${r.level}`) },
          { key: "field", label: t("tasks.fields.field"), children: r.fieldCode && <CodeLabel list="field" code={r.fieldCode} /> },
          { key: "sector", label: t("tasks.fields.sector"), children: r.sectorCode && <CodeLabel list="sector" code={r.sectorCode} /> },
          {
            key: "programme",
            label: t("tasks.fields.programme"),
            children: r.programmeId && <Link to={`/programmes/${r.programmeId}`}>{r.programmeCode}</Link>,
          },
          {
            key: "proposalCall",
            label: t("tasks.fields.proposalCall"),
            children: r.proposalCallId && <Link to={`/calls/${r.proposalCallId}`}>{r.proposalCallCode}</Link>,
          },
          {
            key: "selectionCall",
            label: t("tasks.fields.selectionCall"),
            children: r.selectionCallId && (
              <>
                <Link to={`/calls/${r.selectionCallId}`}>{r.selectionCallCode}</Link>{" "}
                {r.selectionCallAccepting && <Tag color="green">{t("tasks.callAccepting")}</Tag>}
                {r.selectionCallClosesAt && (
                  <Typography.Text type="secondary">{t("tasks.closesAt", { at: formatDateTime(r.selectionCallClosesAt) })}</Typography.Text>
                )}
              </>
            ),
          },
          { key: "proposer", label: t("tasks.fields.proposer"), children: r.proposerName },
          {
            key: "proposingOrg",
            label: t("tasks.fields.proposingOrganisation"),
            children: r.proposingOrganisationId && <Link to={`/organisations/${r.proposingOrganisationId}`}>{r.proposingOrganisationName}</Link>,
          },
          { key: "budget", label: t("tasks.fields.proposedBudget"), children: money(r.proposedBudget) },
          { key: "months", label: t("tasks.fields.proposedMonths"), children: r.proposedMonths && t("tasks.months", { count: r.proposedMonths }) },
          { key: "pi", label: t("tasks.fields.pi"), children: r.piPersonId && <Link to={`/people/${r.piPersonId}`}>{r.piName}</Link> },
          {
            key: "lead",
            label: t("tasks.fields.leadOrganisation"),
            children: r.leadOrganisationId && <Link to={`/organisations/${r.leadOrganisationId}`}>{r.leadOrganisationName}</Link>,
          },
        ]}
      />
      <Paragraphs title={t("tasks.fields.rationale")} text={r.rationale} />
      <Paragraphs title={t("tasks.fields.objectives")} text={r.objectives} />
      <Paragraphs title={t("tasks.fields.expectedResults")} text={r.expectedResults} />
    </Space>
  );
}

function DecisionTab({ task: r }: { task: Task }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Section
      title={t("tasks.tabs.decision")}
      column={{ xs: 1, md: 2 }}
      items={[
        { key: "number", label: t("tasks.fields.decisionNumber"), children: r.decisionNumber },
        { key: "date", label: t("tasks.fields.decisionDate"), children: formatDate(r.decisionDate) },
        { key: "start", label: t("tasks.fields.startDate"), children: formatDate(r.startDate) },
        { key: "end", label: t("tasks.fields.endDate"), children: formatDate(r.endDate) },
        { key: "city", label: t("tasks.fields.approvedBudgetCity"), children: money(r.approvedBudgetCity) },
        { key: "other", label: t("tasks.fields.approvedBudgetOther"), children: money(r.approvedBudgetOther) },
        { key: "grade", label: t("tasks.fields.resultGrade"), children: r.resultGrade && t(`tasks.grade.${r.resultGrade}`) },
        { key: "registration", label: t("tasks.fields.registrationCode"), children: r.registrationCode },
      ]}
    />
  );
}

function DossiersTab({ task: r }: { task: Task }) {
  const { t } = useTranslation();
  const money = useMoney();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {r.abilities.createDossier && r.dossiers.length === 0 && (
        <Alert type="info" showIcon title={t("tasks.dossier.createHint")} action={<CreateDossierButton task={r} />} />
      )}
      <Table<DossierSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.dossiers}
        scroll={{ x: "max-content" }}
        className="task-dossiers"
        columns={[
          { title: t("tasks.dossier.pi"), dataIndex: "piName", render: (n: string, d) => <Link to={`/tasks/${r.id}/dossiers/${d.id}`}>{n}</Link> },
          { title: t("tasks.dossier.leadOrganisation"), dataIndex: "leadOrganisationName" },
          { title: t("tasks.dossier.status"), dataIndex: "status", render: (s: DossierSummary["status"]) => <DossierStatusTag status={s} /> },
          { title: t("tasks.dossier.submittedAt"), dataIndex: "submittedAt", render: (d: string | null) => formatDateTime(d) },
          { title: t("tasks.dossier.totalBudget"), dataIndex: "totalBudget", align: "right", render: (n: number) => money(n) },
          { title: t("tasks.dossier.revision"), dataIndex: "revision" },
          {
            title: <span className="sr-only">{t("list.actions")}</span>,
            key: "open",
            render: (_, d) => (
              <Button size="small" onClick={() => navigate(`/tasks/${r.id}/dossiers/${d.id}`)}>
                {t("tasks.dossier.open")}
              </Button>
            ),
          },
        ]}
        locale={{ emptyText: t("tasks.dossier.none") }}
      />
    </Space>
  );
}
