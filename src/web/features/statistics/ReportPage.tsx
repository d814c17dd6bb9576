// One statistical report (one form of one organisation for one period). The organisation's representative fills it
// online from the form template — or downloads the form's xlsx template, fills it and uploads it (all or nothing,
// errors per cell) — and may prefill from the registries; a draft is saved with its validation messages, submitting
// is refused while errors remain. The officer returns it with a comment or approves it (then it is locked); a leader
// or administrator may un-approve it with a reason. The page keeps the answers being typed; the report's parts live
// in `sections/`, the review's dialog in `dialogs/`, and every command goes through `useReportCommand`.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { Alert, App, Badge, Button, Card, Flex, Popconfirm, Space, Tooltip, Upload } from "antd";
import { BorderInnerOutlined, CloudDownloadOutlined, CloudUploadOutlined, DatabaseOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CellValue, CellValues, ImportCellError, Report, ValidationMessage } from "../../../common/api/statistics";
import { validateReport } from "../../../common/statistics/validate";
import { emptyTableInputs, inputValues } from "../../../common/statistics/computed";
import { ApiError, download, errorMessage } from "../../app/api";
import { useSession } from "../../app/session";
import { isVersionConflict } from "../../components/CommandDialog";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { PageHelp } from "../guide/PageHelp";
import { FormGrid, focusCell } from "./FormGrid";
import { ImportErrors } from "./sections/ImportErrors";
import { MessageSummary } from "./sections/MessageSummary";
import { ReportHistory } from "./sections/ReportHistory";
import { ReportSummary } from "./sections/ReportSummary";
import { ReviewSection } from "./sections/ReviewSection";
import { reportQuery, statisticsApi, statisticsEndpoints, statisticsKeys, useReportCommand } from "./statistics-api";
import { pick, ReportTags, statisticsAccess, useFormVersion, useLang } from "./statistics-ui";

const sameValues = (a: CellValues, b: CellValues) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
};

export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { me } = useSession();
  const key = useMemo(() => statisticsKeys.report(id), [id]);
  const q = useQuery(reportQuery(id));
  const r = q.data;
  const form = useFormVersion(r?.formKey, r?.formVersion);
  const def = form.data?.definition;
  // one command hook per action, so each button shows its own progress
  const saving = useReportCommand(id);
  const submitting = useReportCommand(id);
  const importing = useReportCommand(id);

  // the values being edited; `saved` is what the server holds
  const [values, setValues] = useState<CellValues>({});
  const [saved, setSaved] = useState<CellValues>({});
  const [sources, setSources] = useState<Record<string, string>>({});
  const [importErrors, setImportErrors] = useState<ImportCellError[] | null>(null);
  const loadedVersion = r ? `${r.id}:${r.version}` : "";
  /** after a version conflict the answers typed stay until the user chooses: keep them (saved over the current version) or reload */
  const keepEdits = useRef(false);
  useEffect(() => {
    if (!r) return;
    if (!keepEdits.current) setValues(r.values);
    keepEdits.current = false;
    setSaved(r.values);
    // only the record's own changes reset the form
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedVersion]);
  // the computed cells (totals) are never the user's: compared, checked and sent without them
  const inputs = useMemo(() => (def ? inputValues(def, values) : values), [def, values]);
  const dirty = !!r && !sameValues(inputs, def ? inputValues(def, saved) : saved);

  // leaving the page with unsaved answers asks first
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onChange = useCallback((cellKey: string, v: CellValue) => setValues((prev) => ({ ...prev, [cellKey]: v })), []);

  // Messages: the server's for the saved answers; while editing, the same engine checks the answers as typed.
  const live = useMemo(() => (def && dirty ? validateReport(def, inputs) : null), [def, dirty, inputs]);
  const messages: ValidationMessage[] = useMemo(() => (!r ? [] : live ? live.messages : r.messages), [r, live]);
  const emptyInputs = useMemo(() => (def ? emptyTableInputs(def, values) : []), [def, values]);
  /** "19x5" in a number cell: nothing is saved until it is corrected (the server would refuse it too) */
  const unreadable = () => {
    const cells = live?.unreadable ?? [];
    if (!cells.length) return false;
    message.error(t("statistics.report.notANumber", { count: cells.length }));
    focusCell(cells[0]!);
    return true;
  };
  const fillZeros = () => {
    setValues((prev) => ({ ...prev, ...Object.fromEntries(emptyInputs.map((k) => [k, 0])) }));
    message.success(t("statistics.report.filledZeros", { count: emptyInputs.length }));
  };
  const errorCount = messages.filter((m) => m.severity === "error").length;
  const warningCount = messages.length - errorCount;

  /** A 409 VERSION_CONFLICT: the report is reloaded (the command kit does it) with the answers typed kept on screen; the user reloads them or keeps theirs. */
  const onConflict = (e: unknown) => {
    if (!isVersionConflict(e)) return false;
    const current = (e as ApiError).current as Report | undefined;
    keepEdits.current = true;
    if (current) qc.setQueryData(key, current);
    modal.confirm({
      title: t("statistics.report.conflictTitle"),
      content: t("statistics.report.conflictText"),
      okText: t("statistics.report.conflictReload"),
      cancelText: t("statistics.report.conflictKeep"),
      onOk: () => setValues(current?.values ?? qc.getQueryData<Report>(key)?.values ?? {}),
    });
    return true;
  };

  const save = () =>
    unreadable() ||
    saving
      .mutateAsync(() => statisticsApi.saveReport(id, { values: inputs, version: r!.version }))
      .then(
        (n) => {
          const errors = (n as Report).errorCount;
          if (errors) message.warning(t("statistics.report.savedWithErrors", { count: errors }));
          else message.success(t("statistics.report.saved"));
        },
        (e) => onConflict(e) || message.error(errorMessage(e)),
      );
  const submit = () =>
    unreadable() ||
    submitting
      .mutateAsync(async () => {
        let version = r!.version;
        if (dirty) {
          const n = await statisticsApi.saveReport(id, { values: inputs, version });
          qc.setQueryData(key, n);
          if (n.errorCount) throw new ApiError(422, "STATISTICS_REPORT_INVALID", t("statistics.report.fixBeforeSubmit", { count: n.errorCount }));
          version = n.version;
        }
        return statisticsApi.submitReport(id, version);
      })
      .then(
        () => message.success(t("statistics.report.submitted")),
        (e) => {
          if (onConflict(e)) return;
          message.error(errorMessage(e));
          void q.refetch();
        },
      );
  const prefill = useMutation({
    mutationFn: () => statisticsApi.prefill(id),
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
      await importing.mutateAsync(() => statisticsApi.importReport(id, r!.version, file, setUploading));
      message.success(t("statistics.report.imported"));
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
      await download(statisticsEndpoints.reportTemplate(id), undefined, `${r!.formCode.replace(/\W+/g, "-")}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (q.isLoading || (r && form.isLoading)) return <LoadingState rows={12} />;
  if (q.error || !r) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (form.error || !def) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;

  const editable = r.abilities.edit;
  const back = statisticsAccess.allReports(me) ? `/statistics/periods/${r.periodId}` : "/statistics/my";
  const busy = saving.isPending || submitting.isPending || uploading !== null;

  return (
    <>
      <PageHeader
        title={`${r.formCode} — ${pick(lang, r.formTitleVi, r.formTitleEn)}`}
        subtitle={`${r.organisationName} · ${pick(lang, r.periodNameVi, r.periodNameEn)}`}
        back={back}
        extra={
          <>
            <ReportTags status={r.status} timeliness={r.timeliness} />
            <PageHelp topic="statisticsReport" />
          </>
        }
      />
      <ReportSummary report={r} />

      {editable && (
        <Card size="small" style={{ marginBottom: 16 }} className="stat-toolbar">
          <Flex gap={8} wrap justify="space-between" align="center">
            <Space wrap>
              <Tooltip title={t("statistics.report.prefillHint")}>
                <Button icon={<DatabaseOutlined aria-hidden />} loading={prefill.isPending} onClick={() => prefill.mutate()} disabled={busy}>
                  {t("statistics.report.prefill")}
                </Button>
              </Tooltip>
              <Tooltip title={t("statistics.report.fillZerosHint")}>
                <Button icon={<BorderInnerOutlined aria-hidden />} onClick={fillZeros} disabled={busy || emptyInputs.length === 0}>
                  {t("statistics.report.fillZeros")}
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
              <Button icon={<SaveOutlined aria-hidden />} onClick={() => void save()} loading={saving.isPending} disabled={busy && !saving.isPending}>
                {t("statistics.report.saveDraft")}
              </Button>
              {r.abilities.submit && (
                <Popconfirm
                  title={t("statistics.report.submitConfirm")}
                  onConfirm={() => void submit()}
                  okText={t("statistics.report.submit")}
                  cancelText={t("common.cancel")}
                >
                  <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submitting.isPending} disabled={busy && !submitting.isPending}>
                    {t("statistics.report.submit")}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
        </Card>
      )}

      {importErrors && <ImportErrors errors={importErrors} onClose={() => setImportErrors(null)} />}

      {editable && <p className="stat-note">{t("statistics.report.emptyMeaning")}</p>}
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

      <ReviewSection report={r} />
      <ReportHistory report={r} />
    </>
  );
}
