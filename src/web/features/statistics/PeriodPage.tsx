// One reporting period: its state (draft → open → closed), completeness and timeliness per form and per
// organisation (every assigned report with its status, a link to it), assigning organisations (bulk), and the city's
// consolidated tables per form (the sum of the approved reports) with their xlsx export in the official layout.
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from "antd";
import { CheckCircleOutlined, DownloadOutlined, EditOutlined, LockOutlined, PlayCircleOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import type { CompletenessRow, ConsolidatedTable, Period, PeriodCounts } from "../../../common/api/statistics";
import { api, ApiError, download, errorMessage, type ListResult } from "../../app/api";
import { formatDate, formatDateTime, formatNumber } from "../../app/format";
import { Chart } from "../../components/Chart";
import { useDebounced } from "../../components/use-debounced";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { FormGrid } from "./FormGrid";
import { PeriodDialog } from "./PeriodsPage";
import { FormCodeTag, PeriodStatusTag, pct, pick, ReportTags, useLang } from "./statistics-ui";

export function PeriodPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get("tab") ?? "completeness";
  const key = ["statistics-period", id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Period>(`/statistics/periods/${id}`), staleTime: 0 });
  const p = q.data;
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);

  const settle = (n: Period, text: string) => {
    qc.setQueryData(key, n);
    void qc.invalidateQueries({ queryKey: ["statistics-periods"] });
    message.success(text);
  };
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === "VERSION_CONFLICT") {
      modal.warning({ title: t("statistics.report.conflictTitle"), content: t("statistics.periods.conflict") });
      void q.refetch();
    } else message.error(errorMessage(e));
  };
  const transition = useMutation({
    mutationFn: (action: "open" | "close") => api.post<Period>(`/statistics/periods/${id}/${action}`, { version: p!.version }),
    onSuccess: (n, action) => settle(n, t(`statistics.periods.${action}ed`)),
    onError,
  });

  if (q.isLoading) return <LoadingState rows={10} />;
  if (q.error || !p) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  return (
    <>
      <PageHeader
        title={pick(lang, p.nameVi, p.nameEn)}
        subtitle={t("statistics.periods.headline", { year: p.year, reference: formatDate(p.referenceDate), deadline: formatDate(p.deadline) })}
        back="/statistics"
        extra={
          <Space wrap>
            <PeriodStatusTag status={p.status} />
            {p.abilities.update && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            )}
            {p.abilities.assign && (
              <Button icon={<UsergroupAddOutlined aria-hidden />} onClick={() => setAssigning(true)}>
                {t("statistics.assign.button")}
              </Button>
            )}
            {p.abilities.open && (
              <Popconfirm
                title={t("statistics.periods.openConfirm")}
                onConfirm={() => transition.mutate("open")}
                okText={t("statistics.periods.open")}
                cancelText={t("common.cancel")}
              >
                <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} loading={transition.isPending}>
                  {t("statistics.periods.open")}
                </Button>
              </Popconfirm>
            )}
            {p.abilities.close && (
              <Popconfirm
                title={t("statistics.periods.closeConfirm")}
                onConfirm={() => transition.mutate("close")}
                okText={t("statistics.periods.close")}
                cancelText={t("common.cancel")}
              >
                <Button icon={<LockOutlined aria-hidden />} loading={transition.isPending}>
                  {t("statistics.periods.close")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <CountsCards counts={p.counts} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === "completeness" ? {} : { tab: k }, { replace: true })}
        items={[
          { key: "completeness", label: t("statistics.tabs.completeness"), children: tab === "completeness" ? <Completeness period={p} /> : null },
          { key: "forms", label: t("statistics.tabs.forms"), children: tab === "forms" ? <ByForm period={p} /> : null },
          ...(p.abilities.consolidate
            ? [{ key: "consolidated", label: t("statistics.tabs.consolidated"), children: tab === "consolidated" ? <Consolidated period={p} /> : null }]
            : []),
          { key: "details", label: t("statistics.tabs.details"), children: tab === "details" ? <Details period={p} /> : null },
        ]}
      />
      <PeriodDialog open={editing} period={p} onClose={() => setEditing(false)} onSaved={(n) => qc.setQueryData(key, n)} />
      <AssignDialog open={assigning} period={p} onClose={() => setAssigning(false)} onDone={() => void q.refetch()} />
    </>
  );
}

function CountsCards({ counts: c }: { counts: PeriodCounts }) {
  const { t } = useTranslation();
  const items: { title: string; value: string; tone?: string }[] = [
    { title: t("statistics.counts.assigned"), value: formatNumber(c.assigned) },
    { title: t("statistics.counts.received"), value: formatNumber(c.submitted + c.approved) },
    { title: t("statistics.counts.approved"), value: formatNumber(c.approved), tone: "#2a9d8f" },
    { title: t("statistics.fields.completeness"), value: pct(c.completenessPct) },
    { title: t("statistics.fields.timeliness"), value: pct(c.timelinessPct) },
    { title: t("statistics.counts.overdue"), value: formatNumber(c.overdue), tone: c.overdue ? "#c8553d" : undefined },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} className="stat-counts">
      {items.map((i) => (
        <Col key={i.title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={i.title} value={i.value} styles={{ content: i.tone ? { color: i.tone } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Organisations × forms: each assigned report's status and timeliness, a link to the report. */
function Completeness({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return s ? p.completeness.filter((r) => r.organisationName.toLowerCase().includes(s)) : p.completeness;
  }, [p.completeness, search]);
  const removable = p.completeness
    .filter((r) => selected.includes(r.organisationId))
    .flatMap((r) => r.reports.filter((x) => x.status === "assigned").map((x) => x.reportId));
  const remove = useMutation({
    mutationFn: () => api.post<{ removed: number }>(`/statistics/periods/${p.id}/assignments/remove`, { reportIds: removable }),
    onSuccess: (r) => {
      message.success(t("statistics.assign.removed", { count: r.removed }));
      setSelected([]);
      void qc.invalidateQueries({ queryKey: ["statistics-period", p.id] });
      void qc.invalidateQueries({ queryKey: ["statistics-periods"] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!p.completeness.length) return <Empty description={t("statistics.assign.none")} />;
  return (
    <Card size="small">
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("statistics.completeness.search")}
          aria-label={t("statistics.completeness.search")}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        {p.abilities.assign && (
          <Popconfirm title={t("statistics.assign.removeConfirm", { count: removable.length })} onConfirm={() => remove.mutate()} disabled={!removable.length}>
            <Button danger disabled={!removable.length} loading={remove.isPending}>
              {t("statistics.assign.remove", { count: removable.length })}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <Table<CompletenessRow>
        className="stat-completeness"
        size="small"
        rowKey="organisationId"
        dataSource={rows}
        scroll={{ x: "max-content" }}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        rowSelection={p.abilities.assign ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
        columns={[
          {
            title: t("statistics.fields.organisation"),
            dataIndex: "organisationName",
            fixed: "left",
            sorter: (a, b) => a.organisationName.localeCompare(b.organisationName, "vi"),
          },
          ...p.forms.map((f) => ({
            title: <FormCodeTag code={f.code} titleVi={f.titleVi} titleEn={f.titleEn} />,
            key: f.key,
            render: (_: unknown, r: CompletenessRow) => {
              const rep = r.reports.find((x) => x.formKey === f.key);
              if (!rep) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <Link to={`/statistics/reports/${rep.reportId}`} aria-label={`${r.organisationName} ${f.code}`}>
                  <ReportTags status={rep.status} timeliness={rep.timeliness} />
                </Link>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

const STACK: { key: keyof PeriodCounts; colour: string }[] = [
  { key: "approved", colour: "#2a9d8f" },
  { key: "submitted", colour: "#0b4f8a" },
  { key: "returned", colour: "#e9a23b" },
  { key: "draft", colour: "#1d8ad1" },
  { key: "notStarted", colour: "#b0bec5" },
];

/** Per form: counts by status and timeliness, as a table and a stacked bar chart. */
function ByForm({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = p.forms.map((f) => ({ form: f, counts: p.formCounts.find((c) => c.formKey === f.key)?.counts }));
  const option: EChartsOption = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((r) => r.form.code), inverse: true },
    series: STACK.map((s) => ({
      name: t(`statistics.counts.${s.key}`),
      type: "bar" as const,
      stack: "status",
      color: s.colour,
      data: rows.map((r) => Number(r.counts?.[s.key] ?? 0)),
    })),
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={14}>
        <Card size="small">
          <Table
            size="small"
            rowKey={(r) => r.form.key}
            dataSource={rows}
            pagination={false}
            scroll={{ x: "max-content" }}
            columns={[
              {
                title: t("statistics.fields.form"),
                key: "f",
                render: (_: unknown, r) => <span title={pick(lang, r.form.titleVi, r.form.titleEn)}>{r.form.code}</span>,
              },
              { title: t("statistics.counts.assigned"), key: "a", render: (_: unknown, r) => formatNumber(r.counts?.assigned ?? 0) },
              ...STACK.map((s) => ({
                title: t(`statistics.counts.${s.key}`),
                key: s.key,
                render: (_: unknown, r: (typeof rows)[number]) => formatNumber(Number(r.counts?.[s.key] ?? 0)),
              })),
              { title: t("statistics.timeliness.on_time"), key: "ot", render: (_: unknown, r) => formatNumber(r.counts?.onTime ?? 0) },
              { title: t("statistics.timeliness.late"), key: "l", render: (_: unknown, r) => formatNumber(r.counts?.late ?? 0) },
              { title: t("statistics.timeliness.overdue"), key: "o", render: (_: unknown, r) => formatNumber(r.counts?.overdue ?? 0) },
              { title: t("statistics.fields.completeness"), key: "c", render: (_: unknown, r) => pct(r.counts?.completenessPct) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xxl={10}>
        <Card size="small" title={t("statistics.chart.title")}>
          <Chart option={option} height={Math.max(220, rows.length * 48 + 80)} label={t("statistics.chart.title")} />
        </Card>
      </Col>
    </Row>
  );
}

/** The city's aggregate of one form: the sum of every approved report, in the form's own layout. */
function Consolidated({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [formKey, setFormKey] = useState(p.forms[0]?.key);
  const q = useQuery({
    queryKey: ["statistics-consolidated", p.id, formKey],
    queryFn: () => api.get<ConsolidatedTable>(`/statistics/periods/${p.id}/consolidated/${encodeURIComponent(formKey!)}`),
    enabled: !!formKey,
    // approvals elsewhere change it: always read it afresh when shown
    staleTime: 0,
  });
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(`/statistics/periods/${p.id}/consolidated/${encodeURIComponent(formKey!)}/export.xlsx`, undefined, `tong-hop-${formKey}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  if (!p.forms.length) return <Empty />;
  const c = q.data;
  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t("statistics.fields.form")}
          value={formKey}
          onChange={(v) => setFormKey(String(v))}
          options={p.forms.map((f) => ({ value: f.key, label: f.code }))}
        />
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportXlsx} disabled={!c}>
          {t("statistics.consolidated.export")}
        </Button>
      </Flex>
      {q.isLoading ? (
        <LoadingState />
      ) : q.error || !c ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Alert
            className="stat-consolidated-note"
            type={c.approvedReports < c.assignedReports ? "info" : "success"}
            showIcon
            icon={<CheckCircleOutlined aria-hidden />}
            style={{ marginBottom: 12 }}
            title={t("statistics.consolidated.basis", { approved: c.approvedReports, assigned: c.assignedReports })}
          />
          <FormGrid definition={c.definition} values={c.values} consolidated />
        </>
      )}
    </>
  );
}

function Details({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t("statistics.fields.year")}>{p.year}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.status")}>
          <PeriodStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.referenceDate")}>{formatDate(p.referenceDate)}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.deadline")}>{formatDate(p.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.openedAt")}>{formatDateTime(p.openedAt) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.closedAt")}>{formatDateTime(p.closedAt) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.forms")} span={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {p.forms.map((f) => (
              <li key={f.key}>
                {f.code} — {pick(lang, f.titleVi, f.titleEn)} ({t("statistics.fields.versionN", { n: f.version })})
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        {p.note && (
          <Descriptions.Item label={t("statistics.fields.note")} span={2}>
            {p.note}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

interface OrgOption {
  id: string;
  nameVi: string;
  abbreviation?: string | null;
}

/** Assign organisations (several at once, searched on the server) to some or all of the period's forms. */
function AssignDialog({ open, period: p, onClose, onDone }: { open: boolean; period: Period; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ organisationIds: string[]; formKeys: string[] }>();
  const [search, setSearch] = useState("");
  const [labels, setLabels] = useState<Record<string, string>>({});
  const term = useDebounced(search, 300);
  const orgs = useQuery({
    queryKey: ["/organisations", "options", term, 50],
    queryFn: () => api.get<ListResult<OrgOption>>("/organisations", { q: term, pageSize: 50 }),
    enabled: open,
    staleTime: 30_000,
  });
  const labelOf = (o: OrgOption) => (o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi);
  const options = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: labelOf(o) }));
  const assign = useMutation({
    mutationFn: (v: { organisationIds: string[]; formKeys: string[] }) =>
      api.post<{ created: number; existing: number }>(`/statistics/periods/${p.id}/assignments`, { organisationIds: v.organisationIds, formKeys: v.formKeys }),
    onSuccess: (r) => {
      message.success(t("statistics.assign.done", { created: r.created, existing: r.existing }));
      void qc.invalidateQueries({ queryKey: ["statistics-periods"] });
      form.resetFields();
      onClose();
      onDone();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const assignedIds = new Set(p.completeness.map((r) => r.organisationId));
  return (
    <Modal
      open={open}
      title={t("statistics.assign.title")}
      okText={t("statistics.assign.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: assign.isPending }}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => assign.mutate(v))}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("statistics.assign.hint")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ organisationIds: [], formKeys: p.forms.map((f) => f.key) }}>
        <Form.Item
          name="organisationIds"
          label={t("statistics.fields.organisations")}
          rules={[{ required: true, type: "array", min: 1, message: t("statistics.assign.orgRequired") }]}
        >
          <Select
            id="assign-organisations"
            mode="multiple"
            allowClear
            placeholder={t("common.typeToSearch")}
            loading={orgs.isFetching}
            notFoundContent={orgs.isFetching ? t("common.loading") : t("states.noMatch")}
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            onChange={(ids: string[]) => {
              setSearch("");
              setLabels((prev) => {
                const next = { ...prev };
                for (const o of options) if (ids.includes(o.value)) next[o.value] = o.label;
                return next;
              });
            }}
            options={[
              ...options.map((o) => ({ ...o, label: assignedIds.has(o.value) ? `${o.label} · ${t("statistics.assign.already")}` : o.label })),
              ...Object.entries(labels)
                .filter(([id]) => !options.some((o) => o.value === id))
                .map(([value, label]) => ({ value, label })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="formKeys"
          label={t("statistics.fields.forms")}
          rules={[{ required: true, type: "array", min: 1, message: t("statistics.periods.formsRequired") }]}
        >
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
            options={p.forms.map((f) => ({ value: f.key, label: `${f.code} — ${pick(lang, f.titleVi, f.titleEn)}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
