// The result of a task on its page: the internal acceptance (nghiệm thu cơ sở) held by the lead organisation, the
// public summary of the result (public once the result is registered) and the application reports with their review.
// Files (minutes, evidence) are task documents: picked from the task's documents or uploaded here.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import { APPLICATION_FORMS, type ApplicationReport, type InternalAcceptance, type ResultSummary, type TaskResults } from "../../../common/api/result";
import type { TaskDocument } from "../../../common/api/task";
import { api, errorMessage } from "../../app/api";
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber } from "../../app/format";
import { documentsQuery, refreshTasks, uploadTaskDocument } from "../tasks/tasks-api";

export const taskResultsQuery = (taskId: string) => ({
  queryKey: ["tasks", "results", taskId],
  queryFn: () => api.get<TaskResults>(`/tasks/${taskId}/results`),
});

const STATUS_COLOR: Record<string, string> = { submitted: "processing", accepted: "success", needs_revision: "warning" };
const toDay = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);

export function TaskResultsTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const q = useQuery(taskResultsQuery(taskId));
  if (q.isPending) return <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const r = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {r.registrationCode && <Alert type="success" showIcon title={t("results.registered", { code: r.registrationCode, date: formatDate(r.registeredAt) })} />}
      <InternalAcceptanceCard taskId={taskId} results={r} />
      <SummaryCard taskId={taskId} results={r} />
      <ApplicationsCard taskId={taskId} results={r} />
    </Space>
  );
}

function useRefresh(taskId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: taskResultsQuery(taskId).queryKey });
    void qc.invalidateQueries({ queryKey: documentsQuery(taskId).queryKey });
    refreshTasks(qc);
  };
}

/** A select over the task's documents of one stage, with an upload button that adds one and selects it. */
function DocumentPicker({
  taskId,
  stage,
  code,
  multiple,
  value,
  onChange,
}: {
  taskId: string;
  stage: "acceptance" | "application";
  code: string;
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const docs = useQuery(documentsQuery(taskId));
  const [busy, setBusy] = useState(false);
  const options = (docs.data ?? [])
    .filter((d: TaskDocument) => d.stage === stage && !d.dossierId)
    .map((d: TaskDocument) => ({ value: d.id, label: `${d.code} · ${d.fileName}` }));
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Select
        allowClear
        mode={multiple ? "multiple" : undefined}
        options={options}
        value={value ?? (multiple ? [] : undefined)}
        onChange={(v) => onChange?.(v ?? null)}
        placeholder={t("results.pickDocument")}
        style={{ width: "100%" }}
      />
      <Upload
        showUploadList={false}
        accept=".pdf,.docx,.xlsx,.zip,.jpg,.png"
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            const d = await uploadTaskDocument(taskId, { code, stage }, file as File, () => undefined);
            await qc.invalidateQueries({ queryKey: documentsQuery(taskId).queryKey });
            const cur = Array.isArray(value) ? value : [];
            onChange?.(multiple ? [...cur, d.id] : d.id);
          } catch (e) {
            void message.error(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t("results.upload")}
        </Button>
      </Upload>
    </Space.Compact>
  );
}

// ─── internal acceptance ───
function InternalAcceptanceCard({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ia = results.internalAcceptance;
  if (!ia && !results.abilities.recordInternalAcceptance) return null;
  return (
    <Card
      size="small"
      title={t("results.internal.title")}
      extra={
        results.abilities.recordInternalAcceptance && (
          <Button icon={ia ? <EditOutlined /> : <PlusOutlined />} onClick={() => setOpen(true)}>
            {ia ? t("common.edit") : t("results.internal.record")}
          </Button>
        )
      }
    >
      {ia ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "heldOn", label: t("results.internal.heldOn"), children: formatDate(ia.heldOn) },
            {
              key: "conclusion",
              label: t("results.internal.conclusion"),
              children: <Tag color={ia.conclusion === "pass" ? "success" : "error"}>{t(`results.internal.${ia.conclusion}`)}</Tag>,
            },
            {
              key: "members",
              label: t("results.internal.members"),
              span: 2,
              children: ia.members.map((m, i) => (
                <div key={i}>
                  {m.name}
                  {m.position ? ` — ${m.position}` : ""}
                </div>
              )),
            },
            { key: "remarks", label: t("results.internal.remarks"), span: 2, children: ia.remarks ?? "—" },
            { key: "minutes", label: t("results.internal.minutes"), span: 2, children: ia.minutes ? ia.minutes.fileName : "—" },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t("results.internal.optional")}</Typography.Paragraph>
      )}
      {open && <InternalAcceptanceForm taskId={taskId} current={ia} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function InternalAcceptanceForm({ taskId, current, onClose }: { taskId: string; current: InternalAcceptance | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const refresh = useRefresh(taskId);
  const save = useMutation({
    mutationFn: (v: {
      heldOn: Dayjs;
      members: { name: string; position?: string }[];
      conclusion: string;
      remarks?: string;
      minutesDocumentId?: string | null;
    }) =>
      api.put<InternalAcceptance>(`/tasks/${taskId}/internal-acceptance`, {
        heldOn: toDay(v.heldOn),
        members: v.members.map((m) => ({ name: m.name, position: m.position || null })),
        conclusion: v.conclusion,
        remarks: v.remarks || null,
        minutesDocumentId: v.minutesDocumentId || null,
        ...(current ? { version: current.version } : {}),
      }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t("results.internal.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      okText={t("common.save")}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          heldOn: current ? dayjs(current.heldOn) : undefined,
          members: current?.members ?? [{ name: "", position: "" }],
          conclusion: current?.conclusion ?? "pass",
          remarks: current?.remarks ?? "",
          minutesDocumentId: current?.minutes?.documentId ?? null,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="heldOn" label={t("results.internal.heldOn")} rules={[{ required: true, message: t("validation.required") }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label={t("results.internal.members")} required>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                    <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: t("validation.required") }]}>
                      <Input placeholder={t("results.internal.memberName")} style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, "position"]}>
                      <Input placeholder={t("results.internal.memberPosition")} style={{ width: 240 }} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="link" onClick={() => remove(f.name)}>
                        {t("common.remove")}
                      </Button>
                    )}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", position: "" })}>
                  {t("results.internal.addMember")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="conclusion" label={t("results.internal.conclusion")}>
          <Radio.Group
            options={[
              { value: "pass", label: t("results.internal.pass") },
              { value: "fail", label: t("results.internal.fail") },
            ]}
          />
        </Form.Item>
        <Form.Item name="remarks" label={t("results.internal.remarks")}>
          <Input.TextArea rows={3} maxLength={10000} />
        </Form.Item>
        <Form.Item name="minutesDocumentId" label={t("results.internal.minutes")}>
          <DocumentPicker taskId={taskId} stage="acceptance" code="BB-NT-CO-SO" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ─── result summary ───
function SummaryCard({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const s = results.summary;
  if (!s && !results.abilities.editSummary) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("results.summary.title")}
          {s && <Tag color={s.published ? "success" : "default"}>{s.published ? t("results.summary.published") : t("results.summary.notPublished")}</Tag>}
        </Space>
      }
      extra={
        results.abilities.editSummary && (
          <Button icon={s ? <EditOutlined /> : <PlusOutlined />} onClick={() => setOpen(true)}>
            {s ? t("common.edit") : t("results.summary.write")}
          </Button>
        )
      }
    >
      {s ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "abstractVi", label: t("results.summary.abstractVi"), children: <span style={{ whiteSpace: "pre-wrap" }}>{s.abstractVi}</span> },
            { key: "abstractEn", label: t("results.summary.abstractEn"), children: s.abstractEn ?? "—" },
            { key: "keywords", label: t("results.summary.keywords"), children: s.keywords.length ? s.keywords.map((k) => <Tag key={k}>{k}</Tag>) : "—" },
            { key: "outputs", label: t("results.summary.outputsSummary"), children: <span style={{ whiteSpace: "pre-wrap" }}>{s.outputsSummary}</span> },
            { key: "field", label: t("results.summary.applicationField"), children: s.applicationField ?? "—" },
            { key: "contact", label: t("results.summary.contactOrganisation"), children: s.contactOrganisation ?? "—" },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t("results.summary.hint")}</Typography.Paragraph>
      )}
      {open && <SummaryForm taskId={taskId} current={s} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function SummaryForm({ taskId, current, onClose }: { taskId: string; current: ResultSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const refresh = useRefresh(taskId);
  const save = useMutation({
    mutationFn: (v: {
      abstractVi: string;
      abstractEn?: string;
      keywords?: string[];
      outputsSummary: string;
      applicationField?: string;
      contactOrganisation?: string;
    }) =>
      api.put<ResultSummary>(`/tasks/${taskId}/result-summary`, {
        abstractVi: v.abstractVi,
        abstractEn: v.abstractEn || null,
        keywords: (v.keywords ?? []).map((k) => k.replace(/;/g, ",").trim()).filter(Boolean),
        outputsSummary: v.outputsSummary,
        applicationField: v.applicationField || null,
        contactOrganisation: v.contactOrganisation || null,
        ...(current ? { version: current.version } : {}),
      }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <Modal
      open
      title={t("results.summary.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      okText={t("common.save")}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t("results.summary.publicNote")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={current ?? { keywords: [] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="abstractVi" label={t("results.summary.abstractVi")} rules={required}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="abstractEn" label={t("results.summary.abstractEn")}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="keywords" label={t("results.summary.keywords")}>
          <Select mode="tags" tokenSeparators={[",", ";"]} maxCount={20} open={false} />
        </Form.Item>
        <Form.Item name="outputsSummary" label={t("results.summary.outputsSummary")} rules={required}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="applicationField" label={t("results.summary.applicationField")}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="contactOrganisation" label={t("results.summary.contactOrganisation")}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ─── application reports ───
function ApplicationsCard({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ApplicationReport | "new" | null>(null);
  const [reviewing, setReviewing] = useState<ApplicationReport | null>(null);
  if (!results.applications.length && !results.abilities.fileApplication) return null;
  return (
    <Card
      size="small"
      title={t("results.applications.title")}
      extra={
        results.abilities.fileApplication && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("results.applications.file")}
          </Button>
        )
      }
    >
      {results.applications.length ? (
        <Table<ApplicationReport>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={results.applications}
          expandable={{
            expandedRowRender: (a) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "scale", label: t("results.applications.scale"), children: a.scale ?? "—" },
                  { key: "eco", label: t("results.applications.economicEffect"), children: a.economicEffect ?? "—" },
                  {
                    key: "ecoValue",
                    label: t("results.applications.economicValue"),
                    children: a.economicValue === null ? "—" : `${formatNumber(a.economicValue, 0)} ${t("results.dong")}`,
                  },
                  { key: "social", label: t("results.applications.socialEffect"), children: a.socialEffect ?? "—" },
                  { key: "benef", label: t("results.applications.beneficiaries"), children: a.beneficiaries === null ? "—" : formatNumber(a.beneficiaries, 0) },
                  {
                    key: "evidence",
                    label: t("results.applications.evidence"),
                    children: a.evidence.length ? a.evidence.map((e) => <div key={e.documentId}>{e.fileName}</div>) : "—",
                  },
                  { key: "review", label: t("results.applications.reviewComment"), children: a.reviewComment ?? "—" },
                ]}
              />
            ),
          }}
          columns={[
            { title: "#", dataIndex: "sequence", width: 48 },
            { title: t("results.applications.place"), dataIndex: "place" },
            { title: t("results.applications.form"), dataIndex: "form", render: (f: string) => t(`results.form.${f}`) },
            { title: t("results.applications.startedOn"), dataIndex: "startedOn", render: (d: string) => formatDate(d) },
            {
              title: t("results.applications.status"),
              dataIndex: "status",
              render: (s: string, a) => (
                <Tag color={STATUS_COLOR[s]} title={formatDateTime(a.reviewedAt ?? a.submittedAt)}>
                  {t(`results.status.${s}`)}
                </Tag>
              ),
            },
            {
              title: "",
              key: "actions",
              render: (_: unknown, a) => (
                <Space>
                  {a.abilities.edit && (
                    <Button size="small" onClick={() => setEditing(a)}>
                      {t("common.edit")}
                    </Button>
                  )}
                  {a.abilities.review && (
                    <Button size="small" type="primary" onClick={() => setReviewing(a)}>
                      {t("results.applications.review")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty description={t("results.applications.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {editing && (
        <ApplicationForm
          taskId={taskId}
          current={editing === "new" ? null : editing}
          offerTransition={editing === "new" && results.state === "registered"}
          onClose={() => setEditing(null)}
        />
      )}
      {reviewing && <ReviewForm taskId={taskId} report={reviewing} onClose={() => setReviewing(null)} />}
    </Card>
  );
}

interface ApplicationValues {
  place: string;
  form: string;
  scale?: string;
  startedOn: Dayjs;
  economicEffect?: string;
  economicValue?: number | null;
  socialEffect?: string;
  beneficiaries?: number | null;
  evidenceDocumentIds?: string[];
  moveTask?: boolean;
}

function ApplicationForm({
  taskId,
  current,
  offerTransition,
  onClose,
}: {
  taskId: string;
  current: ApplicationReport | null;
  offerTransition: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplicationValues>();
  const refresh = useRefresh(taskId);
  const save = useMutation({
    mutationFn: async (v: ApplicationValues) => {
      const body = {
        place: v.place,
        form: v.form,
        scale: v.scale || null,
        startedOn: toDay(v.startedOn),
        economicEffect: v.economicEffect || null,
        economicValue: v.economicValue ?? null,
        socialEffect: v.socialEffect || null,
        beneficiaries: v.beneficiaries ?? null,
        evidenceDocumentIds: v.evidenceDocumentIds ?? [],
      };
      const saved = current
        ? await api.put<ApplicationReport>(`/tasks/${taskId}/applications/${current.id}`, { ...body, version: current.version })
        : await api.post<ApplicationReport>(`/tasks/${taskId}/applications`, body);
      // The first report may go with the task's own step "report the application" (registered → applied).
      if (v.moveTask) {
        const task = await api.get<{ version: number }>(`/tasks/${taskId}`);
        await api.post(`/tasks/${taskId}/report_application`, { version: task.version });
      }
      return saved;
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
    onError: () => refresh(),
  });
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <Modal
      open
      title={t("results.applications.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={760}
      okText={t("results.applications.submit")}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      {current?.status === "needs_revision" && current.reviewComment && (
        <Alert type="warning" showIcon title={t("results.applications.returned", { comment: current.reviewComment })} style={{ marginBottom: 12 }} />
      )}
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        initialValues={
          current
            ? ({
                ...current,
                startedOn: dayjs(current.startedOn),
                evidenceDocumentIds: current.evidence.map((e) => e.documentId),
              } as unknown as ApplicationValues)
            : ({ form: "production", evidenceDocumentIds: [], moveTask: offerTransition } as unknown as ApplicationValues)
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="place" label={t("results.applications.place")} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="form" label={t("results.applications.form")} rules={required}>
            <Select style={{ width: 240 }} options={APPLICATION_FORMS.map((f) => ({ value: f, label: t(`results.form.${f}`) }))} />
          </Form.Item>
          <Form.Item name="startedOn" label={t("results.applications.startedOn")} rules={required}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="scale" label={t("results.applications.scale")}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="economicEffect" label={t("results.applications.economicEffect")}>
          <Input.TextArea rows={2} maxLength={10000} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="economicValue" label={t("results.applications.economicValue")}>
            <InputNumber<number>
              min={0}
              style={{ width: 240 }}
              formatter={(v) => (v === undefined || v === null || v === ("" as never) ? "" : formatNumber(Number(v), 0))}
              parser={(s) => Number((s ?? "").replace(/\D/g, "")) || 0}
            />
          </Form.Item>
          <Form.Item name="beneficiaries" label={t("results.applications.beneficiaries")}>
            <InputNumber<number> min={0} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="socialEffect"
          label={t("results.applications.socialEffect")}
          dependencies={["economicEffect"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v || getFieldValue("economicEffect") ? Promise.resolve() : Promise.reject(new Error(t("results.applications.effectRequired"))),
            }),
          ]}
        >
          <Input.TextArea rows={2} maxLength={10000} />
        </Form.Item>
        <Form.Item name="evidenceDocumentIds" label={t("results.applications.evidence")}>
          <DocumentPicker taskId={taskId} stage="application" code="MINH-CHUNG-UD" multiple />
        </Form.Item>
        {offerTransition && (
          <Form.Item name="moveTask" label={t("results.applications.moveTask")}>
            <Radio.Group
              options={[
                { value: true, label: t("results.yes") },
                { value: false, label: t("results.no") },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ReviewForm({ taskId, report, onClose }: { taskId: string; report: ApplicationReport; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: "accepted" | "needs_revision"; comment?: string }>();
  const refresh = useRefresh(taskId);
  const save = useMutation({
    mutationFn: (v: { decision: string; comment?: string }) =>
      api.post<ApplicationReport>(`/tasks/${taskId}/applications/${report.id}/review`, {
        decision: v.decision,
        comment: v.comment || null,
        version: report.version,
      }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t("results.applications.review")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t("common.save")}
    >
      {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ decision: "accepted" }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="decision" label={t("results.applications.decision")}>
          <Radio.Group
            options={[
              { value: "accepted", label: t("results.status.accepted") },
              { value: "needs_revision", label: t("results.status.needs_revision") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("results.applications.reviewComment")}
          dependencies={["decision"]}
          rules={[({ getFieldValue }) => ({ required: getFieldValue("decision") === "needs_revision", message: t("validation.required") })]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
