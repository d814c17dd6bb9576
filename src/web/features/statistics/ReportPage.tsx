// One statistical report (one form of one organisation for one period). The organisation's representative fills it
// online from the form template — or downloads the form's xlsx template, fills it and uploads it (all or nothing,
// errors per cell) — and may prefill from the registries; a draft is saved with its validation messages, submitting
// is refused while errors remain. The officer returns it with a comment or approves it (then it is locked); a leader
// or administrator may un-approve it with a reason.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { Alert, App, Badge, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Space, Table, Timeline, Tooltip, Typography, Upload } from "antd";
import {
  CheckOutlined,
  CloudDownloadOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CellValue, CellValues, ImportCellError, Report, ReportPrefill, ValidationMessage } from "../../../common/api/statistics";
import { validateReport } from "../../../common/statistics/validate";
import { api, ApiError, download, errorMessage, upload } from "../../app/api";
import { formatDate, formatDateTime } from "../../app/format";
import { useSession } from "../../app/session";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { FormGrid, focusCell } from "./FormGrid";
import { msgText, pick, ReportTags, statisticsAccess, useFormVersion, useLang } from "./statistics-ui";

const sameValues = (a: CellValues, b: CellValues) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
};

export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { me } = useSession();
  const key = useMemo(() => ["statistics-report", id], [id]);
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Report>(`/statistics/reports/${id}`) });
  const r = q.data;
  const form = useFormVersion(r?.formKey, r?.formVersion);
  const def = form.data?.definition;

  // the values being edited; `saved` is what the server holds
  const [values, setValues] = useState<CellValues>({});
  const [saved, setSaved] = useState<CellValues>({});
  const [sources, setSources] = useState<Record<string, string>>({});
  const [importErrors, setImportErrors] = useState<ImportCellError[] | null>(null);
  const [dialog, setDialog] = useState<"return" | "approve" | "unapprove" | null>(null);
  const loadedVersion = r ? `${r.id}:${r.version}` : "";
  /** after a version conflict the user may keep their answers and save them over the current version */
  const keepEdits = useRef(false);
  useEffect(() => {
    if (!r) return;
    if (!keepEdits.current) setValues(r.values);
    keepEdits.current = false;
    setSaved(r.values);
    // only the record's own changes reset the form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedVersion]);
  const dirty = !!r && !sameValues(values, saved);

  // leaving the page with unsaved answers asks first
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onChange = useCallback((cellKey: string, v: CellValue) => setValues((prev) => ({ ...prev, [cellKey]: v })), []);

  // Messages: the server's for the saved answers; while editing, the same engine checks the answers as typed.
  const messages: ValidationMessage[] = useMemo(() => {
    if (!r) return [];
    if (!dirty || !def) return r.messages;
    return validateReport(def, values).messages;
  }, [r, dirty, def, values]);
  const errorCount = messages.filter((m) => m.severity === "error").length;
  const warningCount = messages.length - errorCount;

  const settle = (next: Report, text?: string) => {
    qc.setQueryData(key, next);
    void qc.invalidateQueries({ queryKey: ["statistics-reports"] });
    void qc.invalidateQueries({ queryKey: ["statistics-periods"] });
    void qc.invalidateQueries({ queryKey: ["statistics-period"] });
    void qc.invalidateQueries({ queryKey: ["statistics-consolidated"] });
    if (text) message.success(text);
  };
  const onConflict = (e: unknown) => {
    if (e instanceof ApiError && e.code === "VERSION_CONFLICT") {
      const current = e.current as Report | undefined;
      modal.confirm({
        title: t("statistics.report.conflictTitle"),
        content: t("statistics.report.conflictText"),
        okText: t("statistics.report.conflictReload"),
        cancelText: t("statistics.report.conflictKeep"),
        onOk: () => {
          if (current) qc.setQueryData(key, current);
          else void q.refetch();
        },
        // keep my answers, saved next time over the current version
        onCancel: () => {
          if (!current) return;
          keepEdits.current = true;
          qc.setQueryData(key, current);
        },
      });
      return true;
    }
    return false;
  };

  const save = useMutation({
    mutationFn: () => api.put<Report>(`/statistics/reports/${id}`, { values, version: r!.version }),
    onSuccess: (n) => {
      settle(n);
      if (n.errorCount) message.warning(t("statistics.report.savedWithErrors", { count: n.errorCount }));
      else message.success(t("statistics.report.saved"));
    },
    onError: (e) => onConflict(e) || message.error(errorMessage(e)),
  });
  const submit = useMutation({
    mutationFn: async () => {
      let version = r!.version;
      if (dirty) {
        const n = await api.put<Report>(`/statistics/reports/${id}`, { values, version });
        settle(n);
        if (n.errorCount) throw new ApiError(422, "STATISTICS_REPORT_INVALID", t("statistics.report.fixBeforeSubmit", { count: n.errorCount }));
        version = n.version;
      }
      return api.post<Report>(`/statistics/reports/${id}/submit`, { version });
    },
    onSuccess: (n) => settle(n, t("statistics.report.submitted")),
    onError: (e) => {
      if (onConflict(e)) return;
      message.error(errorMessage(e));
      void q.refetch();
    },
  });
  const prefill = useMutation({
    mutationFn: () => api.get<ReportPrefill>(`/statistics/reports/${id}/prefill`),
    onSuccess: (p) => {
      const keys = Object.keys(p.values);
      if (!keys.length) {
        message.info(t("statistics.report.prefillNothing"));
        return;
      }
      setValues((prev) => ({ ...prev, ...p.values }));
      setSources(p.sources);
      message.success(t("statistics.report.prefilled", { count: keys.length }));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const [uploading, setUploading] = useState<number | null>(null);
  const importFile = async (file: File) => {
    setImportErrors(null);
    if (!/\.xlsx$/i.test(file.name)) {
      message.error(t("statistics.report.onlyXlsx"));
      return;
    }
    setUploading(0);
    try {
      const n = await upload<Report>(`/statistics/reports/${id}/import?version=${r!.version}`, file, { onProgress: setUploading });
      settle(n, t("statistics.report.imported"));
      setSources({});
    } catch (e) {
      if (e instanceof ApiError && Array.isArray((e.details as { errors?: unknown } | null)?.errors)) {
        setImportErrors((e.details as { errors: ImportCellError[] }).errors);
        message.error(e.message);
      } else if (!onConflict(e)) message.error(errorMessage(e));
    } finally {
      setUploading(null);
    }
  };
  const getTemplate = async () => {
    try {
      await download(`/statistics/reports/${id}/export.xlsx`, undefined, `${r!.formCode.replace(/\W+/g, "-")}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (q.isLoading || (r && form.isLoading)) return <LoadingState rows={12} />;
  if (q.error || !r) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (form.error || !def) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;

  const editable = r.abilities.edit;
  const back = statisticsAccess.allReports(me) ? `/statistics/periods/${r.periodId}` : "/statistics/my";
  const busy = save.isPending || submit.isPending || uploading !== null;

  return (
    <>
      <PageHeader
        title={`${r.formCode} — ${pick(lang, r.formTitleVi, r.formTitleEn)}`}
        subtitle={`${r.organisationName} · ${pick(lang, r.periodNameVi, r.periodNameEn)}`}
        back={back}
        extra={<ReportTags status={r.status} timeliness={r.timeliness} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t("statistics.fields.year")}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.fields.deadline")}>{formatDate(r.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.fields.formVersion")}>{t("statistics.fields.versionN", { n: r.formVersion })}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.fields.submittedAt")}>
            {r.submittedAt ? `${formatDateTime(r.submittedAt)}${r.submittedByName ? ` · ${r.submittedByName}` : ""}` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("statistics.fields.approvedAt")}>
            {r.approvedAt ? `${formatDateTime(r.approvedAt)}${r.approvedByName ? ` · ${r.approvedByName}` : ""}` : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("statistics.fields.updatedAt")}>{formatDateTime(r.updatedAt)}</Descriptions.Item>
        </Descriptions>
        {r.status === "returned" && r.reviewComment && (
          <Alert type="warning" showIcon title={t("statistics.report.returnedWith")} description={r.reviewComment} style={{ marginTop: 8 }} />
        )}
        {r.unapproveReason && r.status !== "approved" && (
          <Alert
            type="info"
            showIcon
            title={t("statistics.report.unapprovedWith", { at: formatDateTime(r.unapprovedAt) })}
            description={r.unapproveReason}
            style={{ marginTop: 8 }}
          />
        )}
        {r.status === "approved" && <Alert type="success" showIcon title={t("statistics.report.lockedNote")} style={{ marginTop: 8 }} />}
      </Card>

      {editable && (
        <Card size="small" style={{ marginBottom: 16 }} className="stat-toolbar">
          <Flex gap={8} wrap justify="space-between" align="center">
            <Space wrap>
              <Tooltip title={t("statistics.report.prefillHint")}>
                <Button icon={<DatabaseOutlined aria-hidden />} loading={prefill.isPending} onClick={() => prefill.mutate()} disabled={busy}>
                  {t("statistics.report.prefill")}
                </Button>
              </Tooltip>
              <Button icon={<CloudDownloadOutlined aria-hidden />} onClick={getTemplate}>
                {t("statistics.report.template")}
              </Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)} disabled={busy}>
                <Button icon={<CloudUploadOutlined aria-hidden />} loading={uploading !== null} disabled={busy}>
                  {uploading !== null ? t("statistics.report.uploading", { percent: uploading }) : t("statistics.report.import")}
                </Button>
              </Upload>
            </Space>
            <Space wrap>
              {dirty && <Badge status="warning" text={t("statistics.report.unsaved")} />}
              <Button icon={<SaveOutlined aria-hidden />} onClick={() => save.mutate()} loading={save.isPending} disabled={busy && !save.isPending}>
                {t("statistics.report.saveDraft")}
              </Button>
              {r.abilities.submit && (
                <Popconfirm
                  title={t("statistics.report.submitConfirm")}
                  onConfirm={() => submit.mutate()}
                  okText={t("statistics.report.submit")}
                  cancelText={t("common.cancel")}
                >
                  <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.isPending} disabled={busy && !submit.isPending}>
                    {t("statistics.report.submit")}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
        </Card>
      )}

      {importErrors && importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          style={{ marginBottom: 16 }}
          title={t("statistics.report.importInvalid", { count: importErrors.length })}
          description={
            <Table<ImportCellError>
              size="small"
              rowKey={(e) => `${e.address}-${e.cellKey}-${e.messageVi}`}
              pagination={importErrors.length > 10 ? { pageSize: 10 } : false}
              dataSource={importErrors}
              columns={[
                { title: t("statistics.report.address"), dataIndex: "address", width: 90 },
                { title: t("statistics.report.message"), key: "m", render: (_: unknown, e) => msgText(lang, e) },
              ]}
            />
          }
        />
      )}

      {r.status === "assigned" && !dirty ? (
        <Alert type="info" showIcon className="stat-summary" style={{ marginBottom: 16 }} title={t("statistics.report.notStarted")} />
      ) : (
        <MessageSummary messages={messages} errors={errorCount} warnings={warningCount} live={dirty} />
      )}

      <FormGrid
        definition={def}
        values={editable ? values : r.values}
        onChange={editable ? onChange : undefined}
        messages={editable || r.status !== "approved" ? messages : []}
        sources={sources}
      />

      {(r.abilities.review || r.abilities.unapprove) && (
        <Card title={t("statistics.review.title")} style={{ marginBottom: 16 }}>
          <Space wrap>
            {r.abilities.review && (
              <>
                <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog("approve")} disabled={r.errorCount > 0}>
                  {t("statistics.review.approve")}
                </Button>
                <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog("return")}>
                  {t("statistics.review.return")}
                </Button>
              </>
            )}
            {r.abilities.unapprove && (
              <Button danger icon={<UnlockOutlined aria-hidden />} onClick={() => setDialog("unapprove")}>
                {t("statistics.review.unapprove")}
              </Button>
            )}
          </Space>
          {r.abilities.review && r.errorCount > 0 && (
            <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
              {t("statistics.review.hasErrors", { count: r.errorCount })}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <ReviewDialog kind={dialog} report={r} onClose={() => setDialog(null)} onDone={(n, text) => settle(n, text)} onConflict={onConflict} />

      {r.history.length > 0 && (
        <Card title={t("statistics.report.history")} size="small">
          <Timeline
            items={r.history.map((h) => ({
              content: (
                <>
                  <Typography.Text strong>{t(`statistics.actions.${h.action}`, { defaultValue: h.action })}</Typography.Text>{" "}
                  <Typography.Text type="secondary">
                    {formatDateTime(h.at)}
                    {h.byName ? ` · ${h.byName}` : ""}
                  </Typography.Text>
                  {h.comment && <div>{h.comment}</div>}
                </>
              ),
            }))}
          />
        </Card>
      )}
    </>
  );
}

/** Errors and warnings of the whole report, each a link to its cell. */
function MessageSummary({ messages, errors, warnings, live }: { messages: ValidationMessage[]; errors: number; warnings: number; live: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!messages.length)
    return (
      <Alert
        type="success"
        showIcon
        className="stat-summary"
        style={{ marginBottom: 16 }}
        title={live ? t("statistics.report.noMessagesLive") : t("statistics.report.noMessages")}
      />
    );
  const shown = messages.slice(0, 50);
  return (
    <Alert
      className="stat-summary"
      type={errors ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 16 }}
      title={t(live ? "statistics.report.summaryLive" : "statistics.report.summary", { errors, warnings })}
      description={
        <ul className="stat-summary-list">
          {shown.map((m, i) => (
            <li key={i} className={`stat-msg stat-msg-${m.severity}`}>
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  focusCell(m.cellKey);
                }}
              >
                {msgText(lang, m)}
              </a>
            </li>
          ))}
          {messages.length > shown.length && <li>{t("statistics.report.moreMessages", { count: messages.length - shown.length })}</li>}
        </ul>
      }
    />
  );
}

function ReviewDialog({
  kind,
  report: r,
  onClose,
  onDone,
  onConflict,
}: {
  kind: "return" | "approve" | "unapprove" | null;
  report: Report;
  onClose: () => void;
  onDone: (n: Report, text: string) => void;
  onConflict: (e: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);
  const act = useMutation({
    mutationFn: (text: string | undefined) => {
      if (kind === "return") return api.post<Report>(`/statistics/reports/${r.id}/return`, { comment: text ?? "", version: r.version });
      if (kind === "approve") return api.post<Report>(`/statistics/reports/${r.id}/approve`, { comment: text || null, version: r.version });
      return api.post<Report>(`/statistics/reports/${r.id}/unapprove`, { reason: text ?? "", version: r.version });
    },
    onSuccess: (n) => {
      onDone(n, t(`statistics.review.done.${kind}`));
      onClose();
    },
    onError: (e) => {
      if (onConflict(e)) onClose();
      else message.error(errorMessage(e));
    },
  });
  if (!kind) return null;
  const required = kind !== "approve";
  const min = kind === "unapprove" ? 5 : 1;
  return (
    <Modal
      open
      title={t(`statistics.review.dialog.${kind}`)}
      okText={t(`statistics.review.${kind}`)}
      okButtonProps={{ danger: kind === "unapprove", loading: act.isPending }}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => act.mutate(v.text?.trim()))}
      destroyOnHidden
    >
      {kind === "unapprove" && <Typography.Paragraph type="secondary">{t("statistics.review.unapproveHint")}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={t(kind === "unapprove" ? "statistics.review.reason" : "statistics.review.comment")}
          rules={
            required
              ? [
                  {
                    required: true,
                    whitespace: true,
                    min,
                    message: t(kind === "unapprove" ? "statistics.review.reasonRequired" : "statistics.review.commentRequired"),
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
