// One progress report: the PI / org rep fills it in (work done against each milestone with % complete, products,
// spending by source, problems, proposals), saves a draft and submits it (then it is locked); an officer accepts it
// or asks for revision with a comment.
import { useEffect } from "react";
import { useParams } from "react-router";
import { Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Progress, Radio, Space, Table, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Report } from "../../../common/api/monitoring";
import { api } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";
import { numberRule } from "../../components/form-rules";
import { formatDate, formatDateTime } from "../../app/format";
import { MoneyInput } from "../tasks/task-ui";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { ReportStatusTag, percent } from "./monitoring-ui";

interface FormValues {
  items: { milestoneId: string; percent: number | null; note?: string | null }[];
  workDone?: string;
  products?: string;
  spendingCity?: number | null;
  spendingOther?: number | null;
  problems?: string;
  proposals?: string;
}

export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [form] = Form.useForm<FormValues>();
  const [review] = Form.useForm<{ decision: "accepted" | "needs_revision"; comment?: string }>();
  const key = ["/monitoring/reports", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Report>(`/monitoring/reports/${id}`) });
  const r = q.data;

  useEffect(() => {
    if (!r) return;
    form.setFieldsValue({
      items: r.items.map((i) => ({ milestoneId: i.milestoneId, percent: i.percent, note: i.note })),
      workDone: r.workDone ?? "",
      products: r.products ?? "",
      spendingCity: r.spendingCity,
      spendingOther: r.spendingOther,
      problems: r.problems ?? "",
      proposals: r.proposals ?? "",
    });
  }, [r, form]);

  const bodyOf = (v: FormValues) => ({
    version: r!.version,
    // rows follow the milestones' order; the milestone id comes from the record, not from a form field
    items: r!.items
      .map((m, n) => ({ milestoneId: m.milestoneId, percent: v.items?.[n]?.percent, note: v.items?.[n]?.note || null }))
      .filter((i): i is { milestoneId: string; percent: number; note: string | null } => i.percent !== null && i.percent !== undefined),
    workDone: v.workDone || null,
    products: v.products || null,
    spendingCity: v.spendingCity ?? 0,
    spendingOther: v.spendingOther ?? 0,
    problems: v.problems || null,
    proposals: v.proposals || null,
  });
  const commandOpts = { lists: [["monitoring-reports"]] };
  const save = useRecordCommand(key, commandOpts);
  const submit = useRecordCommand(key, commandOpts);
  const decide = useRecordCommand(key, commandOpts);
  const saveDraft = (v: FormValues) => save.run(() => api.put<Report>(`/monitoring/reports/${id}`, bodyOf(v)), "monitoring.saved");
  const submitReport = () =>
    submit.run(async () => {
      const saved = await api.put<Report>(`/monitoring/reports/${id}`, bodyOf(await form.validateFields()));
      return api.post<Report>(`/monitoring/reports/${id}/submit`, { version: saved.version });
    }, "monitoring.submitted");
  const sendReview = (v: { decision: string; comment?: string }) =>
    decide.run(
      () => api.post<Report>(`/monitoring/reports/${id}/review`, { version: r!.version, decision: v.decision, comment: v.comment || null }),
      "monitoring.reviewed",
    );

  if (q.isLoading) return <LoadingState />;
  if (q.error || !r) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const editable = r.abilities.edit;
  const title = r.kind === "final" ? t("monitoring.finalReport") : t("monitoring.periodicReport", { n: r.sequence });

  return (
    <>
      <PageHeader
        title={`${title} — ${r.task.code}`}
        subtitle={r.task.titleVi}
        back="/monitoring?tab=reports"
        extra={<ReportStatusTag status={r.status} overdue={r.overdue} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t("monitoring.fields.period")}>{`${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.dueOn")}>{formatDate(r.dueOn)}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.completion")}>{percent(r.overallPercent)}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.pi")}>{r.task.piName}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.leadOrganisation")}>{r.task.leadOrganisationName}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.submittedAt")}>{formatDateTime(r.submittedAt)}</Descriptions.Item>
          {r.reviewComment && (
            <Descriptions.Item label={t("monitoring.fields.reviewComment")} span={3}>
              {r.reviewComment}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => void saveDraft(v)}>
        <Card title={t("monitoring.milestones")} style={{ marginBottom: 16 }}>
          <Form.List name="items">
            {() => (
              <Table
                size="small"
                pagination={false}
                rowKey="milestoneId"
                dataSource={r.items}
                scroll={{ x: true }}
                columns={[
                  { title: "#", dataIndex: "position", width: 48 },
                  { title: t("monitoring.fields.milestone"), dataIndex: "content" },
                  { title: t("monitoring.fields.period"), key: "p", render: (_: unknown, m) => `${formatDate(m.startsOn)} – ${formatDate(m.endsOn)}` },
                  {
                    title: t("monitoring.fields.elapsed"),
                    dataIndex: "elapsedPercent",
                    width: 140,
                    render: (p: number) => <Progress aria-label={t("monitoring.fields.elapsed")} percent={p} size="small" />,
                  },
                  {
                    title: t("monitoring.fields.percentDone"),
                    key: "percent",
                    width: 130,
                    render: (_: unknown, _m, i) => (
                      <Form.Item name={[i, "percent"]} noStyle>
                        <InputNumber min={0} max={100} precision={0} suffix="%" aria-label={t("monitoring.fields.percentDone")} style={{ width: 110 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t("monitoring.fields.note"),
                    key: "note",
                    render: (_: unknown, _m, i) => (
                      <Form.Item name={[i, "note"]} noStyle>
                        <Input maxLength={4000} aria-label={t("monitoring.fields.note")} />
                      </Form.Item>
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
          {!r.items.length && <Typography.Text type="secondary">{t("monitoring.noMilestones")}</Typography.Text>}
        </Card>
        <Card title={t("monitoring.content")} style={{ marginBottom: 16 }}>
          <Form.Item name="workDone" label={t("monitoring.fields.workDone")}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
          <Form.Item name="products" label={t("monitoring.fields.products")}>
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="spendingCity" label={t("monitoring.fields.spendingCity")} rules={[numberRule(t("monitoring.fields.spendingCity"), true)]}>
              <MoneyInput style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="spendingOther" label={t("monitoring.fields.spendingOther")} rules={[numberRule(t("monitoring.fields.spendingOther"), true)]}>
              <MoneyInput style={{ width: 220 }} />
            </Form.Item>
          </Space>
          <Form.Item name="problems" label={t("monitoring.fields.problems")}>
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Form.Item name="proposals" label={t("monitoring.fields.proposals")}>
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
        </Card>
        {editable && (
          <Space style={{ marginBottom: 16 }}>
            <Button htmlType="submit" loading={save.isPending}>
              {t("monitoring.saveDraft")}
            </Button>
            <Popconfirm title={t("monitoring.submitConfirm")} onConfirm={() => void submitReport()}>
              <Button type="primary" loading={submit.isPending}>
                {t("monitoring.submit")}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
      {r.abilities.review && (
        <Card title={t("monitoring.review")}>
          <Form form={review} layout="vertical" initialValues={{ decision: "accepted" }} onFinish={(v) => void sendReview(v)}>
            <Form.Item name="decision" label={t("monitoring.fields.decision")}>
              <Radio.Group
                options={[
                  { value: "accepted", label: t("monitoring.reportStatus.accepted") },
                  { value: "needs_revision", label: t("monitoring.reportStatus.needs_revision") },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() => (
                <Form.Item
                  name="comment"
                  label={t("monitoring.fields.reviewComment")}
                  rules={[{ required: review.getFieldValue("decision") === "needs_revision", message: t("monitoring.commentRequired") }]}
                >
                  <Input.TextArea rows={3} maxLength={4000} />
                </Form.Item>
              )}
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              {t("monitoring.sendReview")}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
