// A dossier for a task (hồ sơ đăng ký tuyển chọn / giao trực tiếp). Its owner (the PI or the lead organisation's
// representative) edits it while it is a draft and the call takes dossiers: the text sections, the expected
// products, the timeline, the team, the budget by year × source × category, and the documents the call asks for;
// then submits it before the deadline (the server's clock decides; the countdown starts from its answer). Once
// submitted the dossier is locked and shown read-only with the submission time.
import { useState, type ReactNode } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormItemProps,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { DeleteOutlined, LockOutlined, PlusOutlined, SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import {
  BUDGET_CATEGORIES,
  BUDGET_SOURCES,
  OUTPUT_TYPES,
  TEAM_ROLES,
  dossierBudgetLine,
  dossierMilestone,
  dossierProduct,
  dossierUpdate,
  type BudgetCategory,
  type BudgetSource,
  type Dossier,
  type DossierProduct,
  type OutputType,
  type Task,
  type TeamRole,
} from "../../../common/api/task";
import { api } from "../../app/api";
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber } from "../../app/format";
import { cleanValues, rules } from "../../components/form-rules";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { Section } from "../../components/RecordView";
import { PersonSelect } from "../../components/entity-select";
import { PageHeader, RecordLoading } from "../../components/states";
import { Countdown } from "../calls/call-ui";
import { BudgetMatrix } from "./BudgetMatrix";
import { DossierStatusTag } from "./DossierStatusTag";
import { RefusalAlert } from "../../components/RefusalAlert";
import { RequiredDocuments, TaskDocuments } from "./TaskDocuments";
import { callOfTaskQuery, dossierQuery, refreshTasks, taskQuery } from "./task-queries";
import { MoneyInput, useMoney } from "./task-ui";

interface MilestoneValues {
  content?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  deliverable?: string | null;
}
interface TeamValues {
  personId?: string | null;
  role?: TeamRole;
  months?: number | null;
}
interface BudgetValues {
  year?: number;
  source?: BudgetSource;
  category?: BudgetCategory;
  amount?: number;
}
export interface DossierValues {
  objectives?: string | null;
  content?: string | null;
  methods?: string | null;
  novelty?: string | null;
  applicationPlan?: string | null;
  durationMonths?: number | null;
  startDate?: Dayjs | null;
  products?: Partial<DossierProduct>[];
  milestones?: MilestoneValues[];
  team?: TeamValues[];
  budget?: BudgetValues[];
}

const TEXT_SECTIONS = ["objectives", "content", "methods", "novelty", "applicationPlan"] as const;
const shape = dossierUpdate.shape;

function toValues(d: Dossier): DossierValues {
  return {
    objectives: d.objectives,
    content: d.content,
    methods: d.methods,
    novelty: d.novelty,
    applicationPlan: d.applicationPlan,
    durationMonths: d.durationMonths,
    startDate: d.startDate ? dayjs(d.startDate) : null,
    products: d.products,
    milestones: d.milestones.map((m) => ({ ...m, startsOn: dayjs(m.startsOn), endsOn: dayjs(m.endsOn) })),
    // a new dossier starts with its PI in the team
    team: d.team.length ? d.team.map(({ personId, role, months }) => ({ personId, role, months })) : [{ personId: d.piPersonId, role: "pi", months: null }],
    budget: d.budget,
  };
}

function toBody(v: DossierValues): object {
  const body = cleanValues(v as Record<string, unknown>) as Record<string, unknown>;
  for (const k of ["products", "milestones", "team", "budget"] as const) body[k] = (body[k] as unknown[] | undefined) ?? [];
  body.team = (body.team as TeamValues[]).map((m) => ({ ...m, months: m.months ?? null }));
  return body;
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`tasks.dossier.fields.${name}`), display });
  const count = (v: unknown) => t("tasks.dossier.rows", { count: Array.isArray(v) ? v.length : 0 });
  return [
    ...TEXT_SECTIONS.map((n) => f(n)),
    f("durationMonths"),
    f("startDate", (v) => formatDate((v as Dayjs).toDate())),
    f("products", count),
    f("milestones", count),
    f("team", count),
    f("budget", count),
  ];
}

export function DossierPage() {
  const { id = "", dossierId = "" } = useParams();
  const { t } = useTranslation();
  const task = useQuery(taskQuery(id));
  const q = useQuery(dossierQuery(id, dossierId));
  const back = `/tasks/${id}?tab=dossiers`;
  if (q.isPending || q.isError || task.isPending || task.isError) {
    return <RecordLoading title={t("tasks.dossier.title")} back={back} query={q.isError ? q : task} rows={10} />;
  }
  return <DossierBody task={task.data} dossier={q.data} back={back} />;
}

function DossierBody({ task, dossier: d, back }: { task: Task; dossier: Dossier; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<DossierValues>();
  const [saves, setSaves] = useState(0);
  const editing = d.abilities.update;
  const title = t("tasks.dossier.titleOf", { code: task.code });
  return (
    <>
      <PageHeader
        title={title}
        back={back}
        subtitle={
          <Space size={4} wrap>
            <DossierStatusTag status={d.status} />
            <span>{`${d.piName} · ${d.leadOrganisationName}`}</span>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {d.submittedAt && (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined aria-hidden />}
            className="dossier-locked"
            title={t("tasks.dossier.locked", { at: formatDateTime(d.submittedAt) })}
            description={d.submissionHash ? t("tasks.dossier.hash", { hash: d.submissionHash.slice(0, 16) }) : undefined}
          />
        )}
        {(d.abilities.submit || d.abilities.withdraw) && <SubmitCard task={task} dossier={d} dirty={() => form.isFieldsTouched()} />}
        {editing ? (
          <RecordForm<Dossier, DossierValues>
            key={saves}
            form={form}
            record={d}
            toValues={toValues}
            toBody={toBody}
            update={(_, body) => api.put<Dossier>(`/tasks/${task.id}/dossiers/${d.id}`, body)}
            compare={compareFields(t)}
            resource="tasks"
            onSaved={(saved) => {
              qc.setQueryData(dossierQuery(task.id, d.id).queryKey, saved);
              refreshTasks(qc);
              setSaves((n) => n + 1);
            }}
            onCancel={() => navigate(back)}
          >
            <DossierFields />
          </RecordForm>
        ) : (
          <DossierReadOnly dossier={d} />
        )}
        <Card title={t("tasks.dossier.documents")}>
          <RequiredDocuments documents={d.documents} />
          <div style={{ marginTop: 16 }}>
            <TaskDocuments
              taskId={task.id}
              dossierId={d.id}
              stage="dossier"
              canUpload={d.abilities.uploadDocument}
              codeOptions={d.documents.map((x) => ({ value: x.code, label: `${x.code} · ${x.labelVi}` }))}
              onChanged={() => void qc.invalidateQueries({ queryKey: dossierQuery(task.id, d.id).queryKey })}
            />
          </div>
        </Card>
      </Space>
    </>
  );
}

/** Submit (or withdraw) with the deadline countdown from the call; the server's completeness errors are listed. */
function SubmitCard({ task, dossier: d, dirty }: { task: Task; dossier: Dossier; dirty: () => boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const call = useQuery({ ...callOfTaskQuery(task.selectionCallId ?? ""), enabled: !!task.selectionCallId });
  const [unsaved, setUnsaved] = useState(false);
  const act = useMutation({
    mutationFn: (action: "submit" | "withdraw") => api.post<Dossier>(`/tasks/${task.id}/dossiers/${d.id}/${action}`, { version: d.version }),
    onSuccess: (saved, action) => {
      qc.setQueryData(dossierQuery(task.id, d.id).queryKey, saved);
      refreshTasks(qc);
      message.success(t(`tasks.dossier.done.${action}`));
    },
    onError: () => void qc.invalidateQueries({ queryKey: ["calls", "one", task.selectionCallId] }),
  });
  const c = call.data;
  return (
    <Card
      title={t("tasks.dossier.submission")}
      className="dossier-submit"
      extra={
        c && c.secondsToDeadline !== null ? (
          <Countdown
            seconds={c.secondsToDeadline}
            fetchedAt={call.dataUpdatedAt}
            label={t("tasks.dossier.deadlineIn")}
            onElapsed={() => void call.refetch()}
            urgentBelow={86400}
          />
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {c && (
          <Typography.Text>
            {t("tasks.dossier.deadline", { at: formatDateTime(c.closesAt) })}{" "}
            {c.acceptingSubmissions ? <Tag color="green">{t("tasks.callAccepting")}</Tag> : <Tag color="red">{t("tasks.callNotAccepting")}</Tag>}
          </Typography.Text>
        )}
        {d.abilities.submit && <Typography.Text type="secondary">{t("tasks.dossier.submitHint")}</Typography.Text>}
        {unsaved && <Alert type="warning" showIcon title={t("tasks.dossier.saveFirst")} />}
        {act.isError && <RefusalAlert error={act.error} />}
        <Flex gap={8} wrap>
          {d.abilities.submit && (
            <Popconfirm
              title={t("tasks.dossier.confirmSubmit")}
              okText={t("tasks.dossier.submit")}
              cancelText={t("common.cancel")}
              onConfirm={() => {
                if (dirty()) {
                  setUnsaved(true);
                  return;
                }
                setUnsaved(false);
                return act.mutateAsync("submit").catch(() => undefined);
              }}
            >
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={act.isPending && act.variables === "submit"}>
                {t("tasks.dossier.submit")}
              </Button>
            </Popconfirm>
          )}
          {d.abilities.withdraw && (
            <Popconfirm
              title={t("tasks.dossier.confirmWithdraw")}
              okText={t("tasks.dossier.withdraw")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => act.mutateAsync("withdraw").catch(() => undefined)}
            >
              <Button danger loading={act.isPending && act.variables === "withdraw"}>
                {t("tasks.dossier.withdraw")}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Space>
    </Card>
  );
}

function DossierFields() {
  const { t } = useTranslation();
  const label = (n: string) => t(`tasks.dossier.fields.${n}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("tasks.dossier.sections.description")} className="form-section">
        {TEXT_SECTIONS.map((n) => (
          <Form.Item key={n} name={n} label={label(n)} rules={rules(shape, n)}>
            <Input.TextArea id={`dossier-${n}`} autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="durationMonths" label={label("durationMonths")} rules={rules(shape, "durationMonths")}>
              <InputNumber id="dossier-durationMonths" min={1} max={120} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startDate" label={label("startDate")}>
              <DatePicker id="dossier-startDate" format={DATE_FORMAT} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <ProductsTable />
      <MilestonesTable />
      <TeamTable />
      <BudgetEditor />
    </Space>
  );
}

type ListField = { key: number; name: number };

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t("common.remove")} onClick={onClick} />;
}

/** One column of an editable list: a form field per row (name, rules and the input, labelled by the column title). */
interface ListColumn {
  key: string;
  title: string;
  width?: number;
  rules?: FormItemProps["rules"];
  dependencies?: (row: number) => FormItemProps["dependencies"];
  input: (label: string) => ReactNode;
}

/** A Form.List shown as a table: one row per item, a field per column, a remove button, and an add button. */
function EditableList({
  name,
  title,
  className,
  columns,
  addLabel,
  newRow,
}: {
  name: string;
  title: string;
  className: string;
  columns: ListColumn[] | ((row: number) => ListColumn[]);
  addLabel: string;
  newRow: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const columnsOf = (row: number) => (typeof columns === "function" ? columns(row) : columns);
  return (
    <Card title={title} className={`form-section ${className}`}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            <Table<ListField>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("tasks.dossier.noRows") }}
              columns={[
                ...columnsOf(0).map((c, i) => ({
                  title: c.title,
                  key: c.key,
                  width: c.width,
                  render: (_: unknown, f: ListField) => {
                    const col = columnsOf(f.name)[i];
                    return (
                      <Form.Item name={[f.name, col.key]} rules={col.rules} dependencies={col.dependencies?.(f.name)} style={{ margin: 0 }}>
                        {col.input(col.title)}
                      </Form.Item>
                    );
                  },
                })),
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "remove",
                  render: (_: unknown, f: ListField) => <RemoveButton onClick={() => remove(f.name)} />,
                },
              ]}
            />
            <Button style={{ marginTop: 8 }} icon={<PlusOutlined aria-hidden />} onClick={() => add(newRow)}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function ProductsTable() {
  const { t } = useTranslation();
  const s = dossierProduct.shape;
  const label = (k: string) => t(`tasks.dossier.product.${k}`);
  return (
    <EditableList
      name="products"
      title={t("tasks.dossier.sections.products")}
      className="dossier-products"
      addLabel={label("add")}
      newRow={{ outputType: "product", quantity: 1 }}
      columns={[
        { key: "name", title: label("name"), width: 280, rules: rules(s, "name", true), input: (l) => <Input aria-label={l} /> },
        {
          key: "outputType",
          title: label("outputType"),
          width: 200,
          rules: [{ required: true, message: t("validation.required") }],
          input: (l) => <Select aria-label={l} options={OUTPUT_TYPES.map((o: OutputType) => ({ value: o, label: t(`tasks.outputType.${o}`) }))} />,
        },
        {
          key: "quantity",
          title: label("quantity"),
          width: 110,
          rules: rules(s, "quantity", true),
          input: (l) => <InputNumber aria-label={l} min={0} style={{ width: "100%" }} />,
        },
        { key: "unit", title: label("unit"), width: 120, rules: rules(s, "unit", true), input: (l) => <Input aria-label={l} /> },
        { key: "qualityTarget", title: label("qualityTarget"), width: 280, rules: rules(s, "qualityTarget", true), input: (l) => <Input aria-label={l} /> },
      ]}
    />
  );
}

function MilestonesTable() {
  const { t } = useTranslation();
  const s = dossierMilestone.shape;
  const label = (k: string) => t(`tasks.dossier.milestone.${k}`);
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <EditableList
      name="milestones"
      title={t("tasks.dossier.sections.milestones")}
      className="dossier-milestones"
      addLabel={label("add")}
      newRow={{}}
      columns={(row) => [
        { key: "content", title: label("content"), width: 320, rules: rules(s, "content", true), input: (l) => <Input aria-label={l} /> },
        { key: "startsOn", title: label("startsOn"), width: 150, rules: required, input: (l) => <DatePicker aria-label={l} format={DATE_FORMAT} /> },
        {
          key: "endsOn",
          title: label("endsOn"),
          width: 150,
          dependencies: (r) => [["milestones", r, "startsOn"]],
          rules: [
            ...required,
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs | null) => {
                const from = getFieldValue(["milestones", row, "startsOn"]) as Dayjs | null;
                if (v && from && v.isBefore(from, "day")) throw new Error(label("endBeforeStart"));
              },
            }),
          ],
          input: (l) => <DatePicker aria-label={l} format={DATE_FORMAT} />,
        },
        { key: "deliverable", title: label("deliverable"), width: 260, rules: rules(s, "deliverable"), input: (l) => <Input aria-label={l} /> },
      ]}
    />
  );
}

function TeamTable() {
  const { t } = useTranslation();
  const label = (k: string) => t(`tasks.dossier.team.${k}`);
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <EditableList
      name="team"
      title={t("tasks.dossier.sections.team")}
      className="dossier-team"
      addLabel={label("add")}
      newRow={{ role: "member" }}
      columns={[
        { key: "personId", title: label("person"), width: 360, rules: required, input: (l) => <PersonSelect aria-label={l} style={{ width: "100%" }} /> },
        {
          key: "role",
          title: label("role"),
          width: 200,
          rules: required,
          input: (l) => <Select aria-label={l} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`tasks.teamRole.${r}`) }))} />,
        },
        {
          key: "months",
          title: label("months"),
          width: 130,
          rules: [{ type: "number", min: 0.1, max: 120 }],
          input: (l) => <InputNumber aria-label={l} min={0.1} max={120} step={0.5} style={{ width: "100%" }} />,
        },
      ]}
    />
  );
}

function BudgetEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DossierValues>();
  const lines = (Form.useWatch("budget", form) ?? []) as BudgetValues[];
  const start = Form.useWatch("startDate", form) as Dayjs | null | undefined;
  const s = dossierBudgetLine.shape;
  const defaultYear = start?.year() ?? new Date().getFullYear();
  return (
    <Card title={t("tasks.dossier.sections.budget")} className="form-section dossier-budget">
      <Form.List
        name="budget"
        rules={[
          {
            validator: async (_r, v: BudgetValues[] | undefined) => {
              const keys = (v ?? []).map((b) => `${b?.year}|${b?.source}|${b?.category}`);
              if (new Set(keys).size !== keys.length) throw new Error(t("tasks.budget.duplicate"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table<ListField>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("tasks.dossier.noRows") }}
              columns={[
                {
                  title: t("tasks.budget.year"),
                  key: "year",
                  width: 110,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "year"]} rules={rules(s, "year", true)} style={{ margin: 0 }}>
                      <InputNumber aria-label={t("tasks.budget.year")} min={1990} max={2100} controls={false} style={{ width: "100%" }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("tasks.budget.source"),
                  key: "source",
                  width: 200,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "source"]} rules={[{ required: true, message: t("validation.required") }]} style={{ margin: 0 }}>
                      <Select aria-label={t("tasks.budget.source")} options={BUDGET_SOURCES.map((x) => ({ value: x, label: t(`tasks.budgetSource.${x}`) }))} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("tasks.budget.category"),
                  key: "category",
                  width: 220,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "category"]} rules={[{ required: true, message: t("validation.required") }]} style={{ margin: 0 }}>
                      <Select
                        aria-label={t("tasks.budget.category")}
                        options={BUDGET_CATEGORIES.map((x) => ({ value: x, label: t(`tasks.budgetCategory.${x}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: `${t("tasks.budget.amount")} (${t("tasks.dong")})`,
                  key: "amount",
                  width: 200,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "amount"]} rules={rules(s, "amount", true)} style={{ margin: 0 }}>
                      <MoneyInput aria-label={t("tasks.budget.amount")} />
                    </Form.Item>
                  ),
                },
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "remove",
                  render: (_, f) => <RemoveButton onClick={() => remove(f.name)} />,
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Button
              style={{ marginTop: 8, marginBottom: 16 }}
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ year: defaultYear, source: "city", category: "labour" })}
            >
              {t("tasks.budget.add")}
            </Button>
          </>
        )}
      </Form.List>
      <BudgetMatrix lines={lines} />
    </Card>
  );
}

function DossierReadOnly({ dossier: d }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const money = useMoney();
  const label = (n: string) => t(`tasks.dossier.fields.${n}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Section
        title={t("tasks.dossier.sections.description")}
        column={1}
        items={[
          ...TEXT_SECTIONS.map((n) => ({ key: n, label: label(n), children: d[n] && <span style={{ whiteSpace: "pre-wrap" }}>{d[n]}</span> })),
          { key: "duration", label: label("durationMonths"), children: d.durationMonths && t("tasks.months", { count: d.durationMonths }) },
          { key: "start", label: label("startDate"), children: formatDate(d.startDate) },
          { key: "total", label: t("tasks.budget.total"), children: money(d.totals.total) },
          ...(d.validityCheck
            ? [
                {
                  key: "validity",
                  label: t("tasks.validity.title"),
                  children: d.validityCheck.valid ? <Tag color="green">{t("tasks.validity.valid")}</Tag> : <Tag color="red">{t("tasks.validity.invalid")}</Tag>,
                },
              ]
            : []),
          ...(d.validityNote ? [{ key: "validityNote", label: t("tasks.validity.note"), children: d.validityNote }] : []),
        ]}
      />
      <Card title={t("tasks.dossier.sections.products")}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={d.products}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.product.name"), dataIndex: "name" },
            { title: t("tasks.dossier.product.outputType"), dataIndex: "outputType", render: (o: string) => t(`tasks.outputType.${o}`) },
            { title: t("tasks.dossier.product.quantity"), dataIndex: "quantity", align: "right", render: (n: number) => formatNumber(n) },
            { title: t("tasks.dossier.product.unit"), dataIndex: "unit" },
            { title: t("tasks.dossier.product.qualityTarget"), dataIndex: "qualityTarget" },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.milestones")}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={d.milestones}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.milestone.content"), dataIndex: "content" },
            { title: t("tasks.dossier.milestone.startsOn"), dataIndex: "startsOn", render: (v: string) => formatDate(v) },
            { title: t("tasks.dossier.milestone.endsOn"), dataIndex: "endsOn", render: (v: string) => formatDate(v) },
            { title: t("tasks.dossier.milestone.deliverable"), dataIndex: "deliverable" },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.team")}>
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={d.team}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.team.person"), dataIndex: "personName" },
            { title: t("tasks.dossier.team.role"), dataIndex: "role", render: (r: string) => t(`tasks.teamRole.${r}`) },
            { title: t("tasks.dossier.team.months"), dataIndex: "months", align: "right", render: (n: number | null) => formatNumber(n, 1) },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.budget")}>
        <BudgetMatrix lines={d.budget} />
      </Card>
    </Space>
  );
}
