// The documents of a task (or of one dossier): the list with download, and an upload form (document code + file)
// with its progress. For a dossier, the call's document list says which are required and which are still missing.
import { useState } from "react";
import { Alert, App, AutoComplete, Button, Col, Form, Popconfirm, Progress, Row, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { CheckCircleOutlined, DeleteOutlined, DownloadOutlined, ExclamationCircleOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DOCUMENT_STAGES, documentUploadFields, type Dossier, type DocumentStage, type TaskDocument } from "../../../common/api/task";
import { download, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { rules } from "../../components/form-rules";
import { EmptyState } from "../../components/states";
import { documentsQuery, refreshTasks, tasksApi, uploadTaskDocument } from "./tasks-api";

type CallDocument = Dossier["documents"][number];

function fileSize(n: number): string {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 1)} KB`;
  return `${formatNumber(n / 1024 / 1024, 1)} MB`;
}

/** Which of the call's documents a dossier has, and which required ones are still missing. */
export function RequiredDocuments({ documents }: { documents: CallDocument[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const missing = documents.filter((d) => d.required && !d.uploaded);
  return (
    <>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("tasks.documents.missing", { count: missing.length })}
          description={missing.map((d) => d.code).join(", ")}
        />
      ) : (
        documents.some((d) => d.required) && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t("tasks.documents.allRequired")} />
      )}
      <Table<CallDocument>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={documents}
        scroll={{ x: "max-content" }}
        className="required-documents"
        columns={[
          { title: t("tasks.documents.code"), dataIndex: "code" },
          { title: t("tasks.documents.label"), key: "label", render: (_, d) => (en ? d.labelEn : d.labelVi) },
          {
            title: t("tasks.documents.required"),
            dataIndex: "required",
            render: (r: boolean) => (r ? <Tag color="red">{t("tasks.documents.requiredYes")}</Tag> : <Tag>{t("tasks.documents.requiredNo")}</Tag>),
          },
          {
            title: t("tasks.documents.status"),
            dataIndex: "uploaded",
            render: (u: boolean, d) =>
              u ? (
                <Tag color="green" icon={<CheckCircleOutlined aria-hidden />}>
                  {t("tasks.documents.uploaded")}
                </Tag>
              ) : (
                <Tag color={d.required ? "orange" : "default"} icon={<ExclamationCircleOutlined aria-hidden />}>
                  {t("tasks.documents.notUploaded")}
                </Tag>
              ),
          },
        ]}
      />
    </>
  );
}

interface UploadValues {
  code?: string;
  stage?: DocumentStage;
}

export function TaskDocuments({
  taskId,
  dossierId,
  canUpload,
  stage,
  codeOptions = [],
  onChanged,
}: {
  taskId: string;
  dossierId?: string;
  canUpload: boolean;
  /** fixed stage (a dossier's documents); absent: chosen in the form */
  stage?: DocumentStage;
  codeOptions?: { value: string; label: string }[];
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery(documentsQuery(taskId));
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const after = () => {
    void qc.invalidateQueries({ queryKey: documentsQuery(taskId).queryKey });
    refreshTasks(qc);
    onChanged?.();
  };

  const send = async () => {
    let v: UploadValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!file) {
      setUploadError(t("tasks.documents.chooseFile"));
      return;
    }
    setUploadError(null);
    setProgress(0);
    try {
      await uploadTaskDocument(taskId, { code: v.code?.trim(), stage: stage ?? v.stage, dossierId }, file, setProgress);
      message.success(t("tasks.documents.uploadedOne", { name: file.name }));
      setFile(null);
      form.resetFields();
      after();
    } catch (e) {
      setUploadError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const remove = useMutation({
    mutationFn: (d: TaskDocument) => tasksApi.deleteDocument(taskId, d.id),
    onSuccess: () => {
      message.success(t("tasks.documents.deleted"));
      after();
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const items = (q.data ?? []).filter((d) => !dossierId || d.dossierId === dossierId);
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {canUpload && (
        <Form form={form} layout="vertical" className="document-upload" initialValues={{ stage: stage ?? "proposal" }}>
          <Row gutter={12} align="bottom">
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t("tasks.documents.code")} rules={rules(documentUploadFields.shape, "code", true)}>
                <AutoComplete
                  id="document-code"
                  options={codeOptions}
                  showSearch={{
                    filterOption: (input, o) =>
                      String(o?.value ?? "")
                        .toLowerCase()
                        .includes(input.toLowerCase()) ||
                      String(o?.label ?? "")
                        .toLowerCase()
                        .includes(input.toLowerCase()),
                  }}
                  placeholder={t("tasks.documents.codePlaceholder")}
                />
              </Form.Item>
            </Col>
            {!stage && (
              <Col xs={24} md={6}>
                <Form.Item name="stage" label={t("tasks.documents.stage")} rules={[{ required: true, message: t("validation.required") }]}>
                  <Select options={DOCUMENT_STAGES.map((s) => ({ value: s, label: t(`tasks.stage.${s}`) }))} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={stage ? 10 : 6}>
              <Form.Item label={t("tasks.documents.file")} required>
                <Upload
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    setUploadError(null);
                    return false;
                  }}
                  onRemove={() => setFile(null)}
                  fileList={file ? [{ uid: "selected", name: file.name, status: "done" }] : []}
                >
                  <Button icon={<PaperClipOutlined aria-hidden />}>{t("tasks.documents.chooseFile")}</Button>
                </Upload>
              </Form.Item>
            </Col>
            <Col xs={24} md={stage ? 6 : 4}>
              <Form.Item label={<span className="sr-only">{t("tasks.documents.upload")}</span>}>
                <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={progress !== null} onClick={send}>
                  {t("tasks.documents.upload")}
                </Button>
              </Form.Item>
            </Col>
          </Row>
          {progress !== null && <Progress percent={progress} size="small" aria-label={t("tasks.documents.progress")} />}
          {uploadError && <Alert type="error" showIcon role="alert" title={uploadError} />}
        </Form>
      )}
      <Table<TaskDocument>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        pagination={false}
        dataSource={items}
        scroll={{ x: "max-content" }}
        className="task-documents"
        locale={{ emptyText: q.isPending ? <span /> : <EmptyState description={t("tasks.documents.none")} /> }}
        columns={[
          { title: t("tasks.documents.code"), dataIndex: "code" },
          { title: t("tasks.documents.fileName"), dataIndex: "fileName" },
          ...(stage ? [] : [{ title: t("tasks.documents.stage"), dataIndex: "stage", render: (s: string) => t(`tasks.stage.${s}`) }]),
          { title: t("tasks.documents.size"), dataIndex: "size", align: "right" as const, render: (n: number) => fileSize(n) },
          { title: t("tasks.documents.uploadedBy"), dataIndex: "uploadedByName" },
          { title: t("tasks.documents.uploadedAt"), dataIndex: "uploadedAt", render: (d: string) => formatDateTime(d) },
          {
            title: <span className="sr-only">{t("list.actions")}</span>,
            key: "actions",
            render: (_, d) => (
              <Space>
                <Button
                  size="small"
                  icon={<DownloadOutlined aria-hidden />}
                  onClick={() => download(`/tasks/${taskId}/documents/${d.id}/download`, undefined, d.fileName).catch((e) => message.error(errorMessage(e)))}
                >
                  {t("tasks.documents.download")}
                </Button>
                {d.canDelete && (
                  <Popconfirm
                    title={t("tasks.documents.deleteConfirm")}
                    okText={t("common.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutateAsync(d)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t("common.delete")} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {q.isError && <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>}
    </Space>
  );
}
