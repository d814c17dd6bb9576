// Import people or organisations from an .xlsx file: template → upload (with progress) → preview with per-row,
// per-column errors → all-or-nothing commit (only when the file is entirely valid) → result.
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Alert, App, Button, Card, Flex, Progress, Result, Segmented, Space, Spin, Statistic, Steps, Table, Tag, Typography, Upload } from "antd";
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { api, download, errorMessage, upload } from "../../app/api";
import { formatNumber } from "../../app/format";
import { PageHeader } from "../../components/states";

type Kind = "people" | "organisations" | "historical-tasks";
const KINDS: readonly Kind[] = ["people", "organisations", "historical-tasks"];

interface ImportError {
  row: number;
  column: string;
  columnLabel: string;
  value: unknown;
  message: string;
}
export interface ImportPreview {
  id: string;
  kind: Kind;
  status: "invalid" | "ready" | "committed";
  totalRows: number;
  errorCount: number;
  errors: ImportError[];
  preview: Record<string, unknown>[];
  createdAt: string;
}
interface CommitResult {
  id: string;
  status: "committed";
  created: number;
}

export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [kind, setKind] = useState<Kind>(KINDS.find((k) => k === searchParams.get("kind")) ?? "people");
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [downloading, setDownloading] = useState(false);

  const reset = () => {
    setProgress(null);
    setUploadError(null);
    setFileName(null);
    setPreview(null);
    setCommitError(null);
    setResult(null);
  };

  const getTemplate = async () => {
    setDownloading(true);
    try {
      await download(`/imports/templates/${kind}`, undefined, `mau-nhap-${kind}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const send = async (file: File) => {
    reset();
    setFileName(file.name);
    if (!/\.xlsx$/i.test(file.name)) {
      setUploadError(t("imports.onlyXlsx"));
      return;
    }
    setProgress(0);
    try {
      const p = await upload<ImportPreview>(`/imports/${kind}`, file, { onProgress: setProgress });
      setPreview(p);
    } catch (e) {
      setUploadError(errorMessage(e));
      setProgress(null);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    setCommitError(null);
    try {
      const r = await api.post<CommitResult>(`/imports/${preview.id}/commit`);
      setResult(r);
      setPreview({ ...preview, status: "committed" });
      await qc.invalidateQueries({ queryKey: [preview.kind] });
      await qc.invalidateQueries({ queryKey: ["dashboard"] });
    } catch (e) {
      setCommitError(errorMessage(e));
    } finally {
      setCommitting(false);
    }
  };

  const step = result ? 3 : preview ? 2 : progress !== null ? 1 : 0;

  return (
    <>
      <PageHeader title={t("imports.title")} subtitle={t("imports.subtitle")} />
      <Card className="form-section">
        <Steps
          current={step}
          responsive
          items={[
            { title: t("imports.steps.choose") },
            { title: t("imports.steps.upload") },
            { title: t("imports.steps.check") },
            { title: t("imports.steps.commit") },
          ]}
        />
      </Card>

      <Card title={t("imports.chooseTitle")} className="form-section">
        <Flex gap={16} wrap align="center">
          <div>
            <div id="import-kind-label" className="field-label">
              {t("imports.kind")}
            </div>
            <Segmented<Kind>
              aria-labelledby="import-kind-label"
              value={kind}
              disabled={committing}
              onChange={(k) => {
                setKind(k);
                reset();
              }}
              options={[
                { value: "people", label: t("imports.kinds.people") },
                { value: "organisations", label: t("imports.kinds.organisations") },
                { value: "historical-tasks", label: t("taskAnalytics.importKind") },
              ]}
            />
          </div>
          <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={getTemplate}>
            {t("imports.downloadTemplate")}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("imports.templateHint")}
        </Typography.Paragraph>
      </Card>

      <Card title={t("imports.uploadTitle")} className="form-section">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={committing || (progress !== null && progress < 100 && !preview && !uploadError)}
          beforeUpload={(file) => {
            void send(file as unknown as File);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t("imports.dropHere")}</p>
          <p className="ant-upload-hint">{t("imports.dropHint")}</p>
        </Upload.Dragger>
        {fileName && (
          <div style={{ marginTop: 16 }} aria-live="polite">
            <Typography.Text strong>{fileName}</Typography.Text>
            {progress !== null && (
              <Progress
                percent={progress}
                status={uploadError ? "exception" : progress === 100 && !preview ? "active" : undefined}
                aria-label={t("imports.uploadProgress")}
              />
            )}
            {progress === 100 && !preview && !uploadError && <Spin size="small" description={t("imports.checking")} />}
          </div>
        )}
        {uploadError && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} title={t("imports.uploadFailed")} description={uploadError} />}
      </Card>

      {preview && !result && <PreviewCard preview={preview} committing={committing} commitError={commitError} onCommit={commit} onRestart={reset} />}

      {result && (
        <Card className="form-section">
          <Result
            status="success"
            title={t("imports.committedTitle")}
            subTitle={t("imports.committedText", { count: result.created, created: formatNumber(result.created) })}
            extra={[
              <Button
                key="list"
                type="primary"
                onClick={() =>
                  navigate(preview?.kind === "organisations" ? "/organisations" : preview?.kind === "historical-tasks" ? "/task-analytics" : "/people")
                }
              >
                {t("imports.viewList")}
              </Button>,
              <Button key="again" icon={<ReloadOutlined aria-hidden />} onClick={reset}>
                {t("imports.importAnother")}
              </Button>,
            ]}
          />
        </Card>
      )}
    </>
  );
}

function PreviewCard({
  preview,
  committing,
  commitError,
  onCommit,
  onRestart,
}: {
  preview: ImportPreview;
  committing: boolean;
  commitError: string | null;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const statusColor = preview.status === "ready" ? "green" : preview.status === "committed" ? "blue" : "red";
  const previewColumns = Object.keys(preview.preview[0] ?? {}).slice(0, 8);
  return (
    <Card
      title={t("imports.previewTitle")}
      className="form-section import-preview"
      extra={
        <Tag color={statusColor} className="import-status" data-status={preview.status}>
          {t(`imports.status.${preview.status}`)}
        </Tag>
      }
    >
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title={t("imports.totalRows")} value={formatNumber(preview.totalRows)} />
        <Statistic
          title={t("imports.errorCount")}
          value={formatNumber(preview.errorCount)}
          styles={{ content: { color: preview.errorCount ? "#c62828" : undefined } }}
        />
      </Flex>

      {preview.status === "invalid" && (
        <>
          <Alert type="error" showIcon role="alert" title={t("imports.invalidTitle")} description={t("imports.invalidText")} style={{ marginBottom: 16 }} />
          <Table<ImportError>
            className="import-errors"
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            dataSource={preview.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("imports.errors.row"), dataIndex: "row", width: 90, align: "right" },
              { title: t("imports.errors.column"), dataIndex: "columnLabel" },
              {
                title: t("imports.errors.value"),
                dataIndex: "value",
                render: (v) =>
                  v === null || v === undefined || v === "" ? <span className="muted">{t("imports.errors.empty")}</span> : <code>{String(v)}</code>,
              },
              { title: t("imports.errors.message"), dataIndex: "message" },
            ]}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={onRestart} style={{ marginTop: 16 }}>
            {t("imports.fixAndRetry")}
          </Button>
        </>
      )}

      {preview.status === "ready" && (
        <>
          <Alert
            type="success"
            showIcon
            title={t("imports.readyTitle")}
            description={t("imports.readyText", { count: preview.totalRows, rows: formatNumber(preview.totalRows) })}
            style={{ marginBottom: 16 }}
          />
          {previewColumns.length > 0 && (
            <>
              <Typography.Title level={5}>{t("imports.firstRows", { count: preview.preview.length })}</Typography.Title>
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                dataSource={preview.preview}
                pagination={false}
                scroll={{ x: "max-content" }}
                columns={previewColumns.map((c) => ({
                  title: c,
                  dataIndex: c,
                  render: (v: unknown) =>
                    Array.isArray(v) ? v.join(", ") : v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v),
                }))}
              />
            </>
          )}
          {commitError && <Alert type="error" showIcon role="alert" title={commitError} style={{ marginTop: 16 }} />}
          <Space style={{ marginTop: 16 }} wrap>
            <Button type="primary" size="large" icon={committing ? undefined : <CloudUploadOutlined aria-hidden />} loading={committing} onClick={onCommit}>
              {committing ? t("imports.committing") : t("imports.commit", { count: preview.totalRows })}
            </Button>
            <Button onClick={onRestart} disabled={committing}>
              {t("common.cancel")}
            </Button>
          </Space>
          {committing && <Progress percent={100} status="active" showInfo={false} aria-label={t("imports.committing")} style={{ marginTop: 12 }} />}
        </>
      )}

      {preview.status === "committed" && <Alert type="info" showIcon icon={<CheckCircleOutlined aria-hidden />} title={t("imports.alreadyCommitted")} />}
    </Card>
  );
}
