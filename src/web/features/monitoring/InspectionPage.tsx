// An inspection (kiểm tra định kỳ): an officer plans it (task in progress, date, inspectors, scope), then records
// the findings, the conclusion and the follow-up actions with deadlines, and attaches the signed minutes. The PI /
// org rep of the task reads it and marks follow-up actions done.
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Popconfirm, Radio, Select, Space, Tag, Typography, Upload } from "antd";
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import { INSPECTION_CONCLUSIONS, type Inspection, type OverviewItem } from "../../../common/api/monitoring";
import { api, download, errorMessage, upload, type ListResult } from "../../app/api";
import { DATE_FORMAT, formatDate, formatDateTime } from "../../app/format";
import { PersonSelect } from "../../components/entity-select";
import { useRecordCommand } from "../../components/CommandDialog";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { ConclusionTag } from "./monitoring-ui";

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

export function InspectionNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const tasks = useQuery({
    queryKey: ["/monitoring/overview", "all"],
    queryFn: () => api.get<ListResult<OverviewItem>>("/monitoring/overview", { pageSize: 200 }),
  });
  const create = useMutation({
    mutationFn: (v: { taskId: string; plannedOn: Dayjs; scope: string; inspectorIds: (string | undefined)[] }) =>
      api.post<Inspection>("/monitoring/inspections", {
        taskId: v.taskId,
        plannedOn: day(v.plannedOn),
        scope: v.scope,
        inspectorIds: v.inspectorIds.filter(Boolean),
      }),
    onSuccess: (i) => {
      message.success(t("monitoring.inspectionPlanned"));
      void navigate(`/monitoring/inspections/${i.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <PageHeader title={t("monitoring.planInspection")} back="/monitoring?tab=inspections" />
      <Card>
        <Form layout="vertical" initialValues={{ inspectorIds: [undefined] }} onFinish={(v) => create.mutate(v)} style={{ maxWidth: 720 }}>
          <Form.Item name="taskId" label={t("monitoring.fields.task")} rules={[{ required: true, message: t("monitoring.required") }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={tasks.isLoading}
              options={(tasks.data?.items ?? []).map((x) => ({ value: x.taskId, label: `${x.code} — ${x.titleVi}` }))}
            />
          </Form.Item>
          <Form.Item name="plannedOn" label={t("monitoring.fields.plannedOn")} rules={[{ required: true, message: t("monitoring.required") }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="scope" label={t("monitoring.fields.scope")} rules={[{ required: true, min: 3, message: t("monitoring.required") }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.List name="inspectorIds">
            {(fields, { add, remove }) => (
              <Form.Item label={t("monitoring.fields.inspectors")} required>
                {fields.map((f) => (
                  <Space key={f.key} style={{ display: "flex", marginBottom: 8 }}>
                    <Form.Item name={f.name} noStyle rules={[{ required: true, message: t("monitoring.required") }]}>
                      <PersonSelect style={{ width: 420 }} aria-label={t("monitoring.fields.inspectors")} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined aria-hidden />} aria-label={t("common.delete")} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
                  {t("monitoring.addInspector")}
                </Button>
              </Form.Item>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t("monitoring.planInspection")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

export function InspectionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const key = ["/monitoring/inspections", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Inspection>(`/monitoring/inspections/${id}`) });
  const [uploading, setUploading] = useState(false);
  const i = q.data;
  const commandOpts = { lists: [["monitoring-inspections"]] };
  const conclude = useRecordCommand(key, commandOpts);
  const cancel = useRecordCommand(key, commandOpts);
  const complete = useRecordCommand(key, commandOpts);
  const minutes = useRecordCommand(key, commandOpts);
  const concludeWith = (v: { inspectedOn: Dayjs; findings: string; conclusion: string; actions?: { description: string; dueOn: Dayjs }[] }) =>
    conclude.run(
      () =>
        api.post<Inspection>(`/monitoring/inspections/${id}/conclude`, {
          version: i!.version,
          inspectedOn: day(v.inspectedOn),
          findings: v.findings,
          conclusion: v.conclusion,
          actions: (v.actions ?? []).map((a) => ({ description: a.description, dueOn: day(a.dueOn) })),
        }),
      "monitoring.inspectionConcluded",
    );

  if (q.isLoading) return <LoadingState />;
  if (q.error || !i) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  return (
    <>
      <PageHeader
        title={`${t("monitoring.inspection")} — ${i.task.code}`}
        subtitle={i.task.titleVi}
        back="/monitoring?tab=inspections"
        extra={
          <Space>
            <Tag>{t(`monitoring.inspectionStatus.${i.status}`)}</Tag>
            <ConclusionTag conclusion={i.conclusion} />
            {i.abilities.cancel && (
              <Popconfirm
                title={t("monitoring.cancelConfirm")}
                onConfirm={() => cancel.run(() => api.post<Inspection>(`/monitoring/inspections/${id}/cancel`, { version: i.version }))}
              >
                <Button danger>{t("monitoring.cancelInspection")}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("monitoring.fields.plannedOn")}>{formatDate(i.plannedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.inspectors")}>{i.inspectors.map((p) => p.fullName).join(", ")}</Descriptions.Item>
          <Descriptions.Item label={t("monitoring.fields.scope")} span={2}>
            {i.scope}
          </Descriptions.Item>
          {i.inspectedOn && <Descriptions.Item label={t("monitoring.fields.inspectedOn")}>{formatDate(i.inspectedOn)}</Descriptions.Item>}
          {i.concludedAt && <Descriptions.Item label={t("monitoring.fields.concludedAt")}>{formatDateTime(i.concludedAt)}</Descriptions.Item>}
          {i.findings && (
            <Descriptions.Item label={t("monitoring.fields.findings")} span={2}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{i.findings}</Typography.Paragraph>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t("monitoring.fields.minutes")} span={2}>
            <Space wrap>
              {i.minutes ? (
                <Button
                  icon={<DownloadOutlined aria-hidden />}
                  onClick={() => void download(`/monitoring/inspections/${i.id}/minutes`, undefined, i.minutes!.fileName)}
                >
                  {i.minutes.fileName}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t("monitoring.noMinutes")}</Typography.Text>
              )}
              {i.abilities.uploadMinutes && (
                <Upload
                  accept=".pdf,.docx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    setUploading(true);
                    void minutes
                      .run(() => upload<Inspection>(`/monitoring/inspections/${i.id}/minutes`, file), "monitoring.minutesUploaded")
                      .finally(() => setUploading(false));
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
                    {t("monitoring.uploadMinutes")}
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {i.status === "concluded" && (
        <Card title={t("monitoring.actions")} style={{ marginBottom: 16 }}>
          <List
            dataSource={i.actions}
            locale={{ emptyText: t("monitoring.noActions") }}
            renderItem={(a) => (
              <List.Item
                actions={
                  a.doneAt
                    ? [
                        <Tag key="d" color="success">
                          {t("monitoring.actionDone", { at: formatDateTime(a.doneAt) })}
                        </Tag>,
                      ]
                    : i.abilities.completeAction
                      ? [
                          <Button
                            key="c"
                            size="small"
                            loading={complete.isPending}
                            onClick={() =>
                              void complete.run(() =>
                                api.post<Inspection>(`/monitoring/inspections/${id}/actions/${a.id}/complete`, { version: i.version, note: null }),
                              )
                            }
                          >
                            {t("monitoring.markDone")}
                          </Button>,
                        ]
                      : []
                }
              >
                <List.Item.Meta
                  title={a.description}
                  description={
                    <Space>
                      {t("monitoring.fields.dueOn")}: {formatDate(a.dueOn)}
                      {a.overdue && <Tag color="error">{t("monitoring.flags.overdue")}</Tag>}
                      {a.doneNote}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {i.abilities.conclude && (
        <Card title={t("monitoring.concludeInspection")}>
          <Form layout="vertical" onFinish={(v) => void concludeWith(v)} initialValues={{ conclusion: "on_track", actions: [] }} style={{ maxWidth: 820 }}>
            <Form.Item name="inspectedOn" label={t("monitoring.fields.inspectedOn")} rules={[{ required: true, message: t("monitoring.required") }]}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="findings" label={t("monitoring.fields.findings")} rules={[{ required: true, min: 3, message: t("monitoring.required") }]}>
              <Input.TextArea rows={5} maxLength={20000} />
            </Form.Item>
            <Form.Item name="conclusion" label={t("monitoring.fields.conclusion")}>
              <Radio.Group options={INSPECTION_CONCLUSIONS.map((c) => ({ value: c, label: t(`monitoring.conclusion.${c}`) }))} />
            </Form.Item>
            <Form.List name="actions">
              {(fields, { add, remove }) => (
                <Form.Item label={t("monitoring.actions")}>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" style={{ display: "flex", marginBottom: 8 }} wrap>
                      <Form.Item name={[f.name, "description"]} rules={[{ required: true, min: 3, message: t("monitoring.required") }]} noStyle>
                        <Input placeholder={t("monitoring.fields.action")} style={{ width: 440 }} maxLength={2000} />
                      </Form.Item>
                      <Form.Item name={[f.name, "dueOn"]} rules={[{ required: true, message: t("monitoring.required") }]} noStyle>
                        <DatePicker format={DATE_FORMAT} placeholder={t("monitoring.fields.dueOn")} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined aria-hidden />} aria-label={t("common.delete")} onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
                    {t("monitoring.addAction")}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={conclude.isPending}>
              {t("monitoring.concludeInspection")}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
