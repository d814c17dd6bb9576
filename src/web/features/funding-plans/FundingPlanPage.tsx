// The 2014–2020 S&T funding plan (khái toán kinh phí, Đề án mục IV.6). Pick a version. The baseline (the plan as
// printed) leads with the errors of its printed table — relations of printed figures that no rounding explains — then
// the table exactly as printed with those figures marked, the other checks as notes by what rounding explains, and,
// apart, the model's inputs implied from the print. A scenario is the model only: each cell recomputed from its inputs
// beside the baseline's model. New scenarios are what-if edits of the inputs; the "actuals" tab records the money
// actually allocated per year and charts it against the plan and the 2%-of-spending target. Every figure and every
// sentence of arithmetic comes from GET /funding-plans… in the reader's language.
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ColumnsType, ColumnType } from "antd/es/table";
import { AimOutlined, CloseCircleOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, ExperimentOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import type { EChartsOption } from "echarts";
import type {
  Actual,
  CheckClassDto,
  FundingPlanList,
  FundingPlanVersion,
  PrintedCheckDto,
  PrintedCheckReportDto,
  TableCellDto,
  TableRowDto,
  Tracking,
  TrackingRow,
} from "../../../common/api/funding-plan";
import { ApiError, api, download, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { currentLang } from "../../i18n/index";
import { Chart } from "../../components/Chart";
import { applyServerIssues } from "../../components/form-rules";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";

// The shared Chart registers bars and pies; the plan's chart also draws lines (ECharts' registry is global).
echarts.use([LineChart]);

const BILLION = 1_000_000_000;
const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "—" : formatNumber(v, digits));

export function FundingPlanPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "actuals" ? "actuals" : "table";
  const list = useQuery({ queryKey: ["funding-plans"], queryFn: () => api.get<FundingPlanList>("/funding-plans") });
  const versionId = params.get("version") ?? list.data?.items.find((i) => i.kind === "baseline")?.id ?? null;
  const setParam = (k: string, v: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v === null) n.delete(k);
      else n.set(k, v);
      return n;
    });

  return (
    <>
      <PageHeader title={t("fundingPlans.title")} subtitle={t("fundingPlans.subtitle")} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam("tab", k === "table" ? null : k)}
        items={[
          {
            key: "table",
            label: t("fundingPlans.tabs.table"),
            children: list.isPending ? (
              <Card>
                <LoadingState rows={8} />
              </Card>
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => list.refetch()} />
            ) : !versionId ? (
              <EmptyState description={t("fundingPlans.empty")} />
            ) : (
              <VersionView list={list.data} versionId={versionId} onSelect={(id) => setParam("version", id)} />
            ),
          },
          { key: "actuals", label: t("fundingPlans.tabs.actuals"), children: <ActualsView /> },
        ]}
      />
    </>
  );
}

// ─── the table of one version ───
function VersionView({ list, versionId, onSelect }: { list: FundingPlanList; versionId: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = currentLang();
  const q = useQuery({ queryKey: ["funding-plans", versionId, lang], queryFn: () => api.get<FundingPlanVersion>(`/funding-plans/${versionId}`) });
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(`/funding-plans/${versionId}/export.xlsx`, undefined, "khai-toan-kinh-phi.xlsx");
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const v = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Text strong id="fp-version-label">
          {t("fundingPlans.version")}
        </Typography.Text>
        <Select
          aria-labelledby="fp-version-label"
          style={{ minWidth: 360 }}
          value={versionId}
          onChange={onSelect}
          options={list.items.map((i) => ({
            value: i.id,
            label: `${i.number}. ${i.name}${i.kind === "baseline" ? ` (${t("fundingPlans.baseline")})` : ""}`,
          }))}
        />
        {list.abilities.createScenario && v && (
          <Button icon={<ExperimentOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t("fundingPlans.newScenario")}
          </Button>
        )}
        {list.abilities.export && (
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportXlsx}>
            {t("fundingPlans.export")}
          </Button>
        )}
      </Space>
      {q.isPending ? (
        <Card>
          <LoadingState rows={8} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t("fundingPlans.kind")}>
                <Tag color={v!.kind === "baseline" ? "blue" : "purple"}>{t(`fundingPlans.kinds.${v!.kind}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.unit")}>{lang === "en" ? v!.unitEn : v!.unitVi}</Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.source")}>
                {t("fundingPlans.sourceLines", { from: v!.sourceLines[0], to: v!.sourceLines[1] })} — {v!.titleVi}
              </Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.createdBy")}>
                {v!.createdByName ?? t("fundingPlans.system")} · {formatDateTime(v!.createdAt)}
              </Descriptions.Item>
              {v!.note && <Descriptions.Item label={t("fundingPlans.note")}>{v!.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {v!.printedCheck ? (
            <>
              <PrintedChecks report={v!.printedCheck} version={v!} />
              <ModelInputs version={v!} />
            </>
          ) : (
            <>
              <Alert type="info" showIcon message={t("fundingPlans.scenarioHelp")} />
              <PlanTable version={v!} />
            </>
          )}
          <Typography.Text type="secondary">{v!.footnoteVi}</Typography.Text>
        </>
      )}
      {creating && v && (
        <ScenarioModal
          from={v}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onSelect(id);
          }}
        />
      )}
    </Space>
  );
}

// ─── the baseline: checks of the printed figures ───
const CLASS_ORDER: CheckClassDto[] = ["inconsistent", "wholes", "decimals", "rounded", "exact"];
const CLASS_COLOR: Record<CheckClassDto, string> = { inconsistent: "red", wholes: "gold", decimals: "blue", rounded: "cyan", exact: "green" };

function PrintedChecks({ report, version }: { report: PrintedCheckReportDto; version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(null);
  const errors = report.checks.filter((c) => c.class === "inconsistent");
  const chosen = report.checks.find((c) => c.number === selected) ?? null;
  const select = (n: number) => setSelected((s) => (s === n ? null : n));
  const notes = CLASS_ORDER.filter((k) => k !== "inconsistent" && report.counts[k] > 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {errors.length > 0 ? (
        <Card
          size="small"
          className="fp-errors"
          styles={{ header: { background: "#fff1f0" } }}
          title={
            <Space>
              <CloseCircleOutlined aria-hidden style={{ color: "#cf1322" }} />
              <span>{t("fundingPlans.check.errorsTitle", { count: errors.length })}</span>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t("fundingPlans.check.errorsHelp")}</Typography.Paragraph>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            {errors.map((c) => (
              <CheckItem key={c.id} check={c} selected={selected === c.number} onSelect={select} />
            ))}
          </Space>
        </Card>
      ) : (
        <Alert type="success" showIcon message={t("fundingPlans.check.noErrors")} />
      )}
      <Card size="small" title={t("fundingPlans.check.printedTitle", { from: version.sourceLines[0], to: version.sourceLines[1] })}>
        <Typography.Paragraph type="secondary">{t("fundingPlans.check.printedHelp")}</Typography.Paragraph>
        {chosen && (
          <Alert
            style={{ marginBottom: 8 }}
            type="warning"
            showIcon
            icon={<AimOutlined aria-hidden />}
            message={t("fundingPlans.check.marked", { number: chosen.number, relation: chosen.relation, row: chosen.rowLabel })}
            action={
              <Button size="small" onClick={() => setSelected(null)}>
                {t("fundingPlans.check.unmark")}
              </Button>
            }
          />
        )}
        <PrintedTable report={report} version={version} chosen={chosen} />
      </Card>
      <Card size="small" title={t("fundingPlans.check.notesTitle", { count: report.checks.length - errors.length })}>
        <Collapse
          defaultActiveKey={["wholes", "decimals"]}
          items={notes.map((k) => ({
            key: k,
            label: (
              <Space wrap>
                <Tag color={CLASS_COLOR[k]}>{t(`fundingPlans.check.class.${k}`)}</Tag>
                <span>{t("fundingPlans.check.countOf", { count: report.counts[k] })}</span>
              </Space>
            ),
            children: (
              <Space direction="vertical" size="small" style={{ width: "100%" }}>
                <Typography.Text type="secondary">{t(`fundingPlans.check.classHelp.${k}`)}</Typography.Text>
                {report.checks
                  .filter((c) => c.class === k)
                  .map((c) => (
                    <CheckItem key={c.id} check={c} selected={selected === c.number} onSelect={select} />
                  ))}
              </Space>
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
          {t("fundingPlans.check.method")}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("fundingPlans.check.notCheckable")}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}

function CheckItem({ check, selected, onSelect }: { check: PrintedCheckDto; selected: boolean; onSelect: (n: number) => void }) {
  const { t } = useTranslation();
  const error = check.class === "inconsistent";
  return (
    <div className={error ? "fp-error-item" : "fp-note-item"} style={{ borderLeft: `3px solid ${error ? "#cf1322" : "#d9d9d9"}`, paddingLeft: 12 }}>
      <Space wrap size="small">
        <Typography.Text strong>{t(error ? "fundingPlans.check.error" : "fundingPlans.check.number", { number: check.number })}</Typography.Text>
        <Tag>{check.rowLabel}</Tag>
        <Typography.Text>{check.relation}</Typography.Text>
        <Button
          size="small"
          type={selected ? "primary" : "link"}
          icon={<AimOutlined aria-hidden />}
          onClick={() => onSelect(check.number)}
          aria-pressed={selected}
        >
          {t(selected ? "fundingPlans.check.shown" : "fundingPlans.check.show")}
        </Button>
      </Space>
      <div>
        <Typography.Text code>{check.arithmetic}</Typography.Text>
      </div>
      <Typography.Text type={error ? "danger" : "secondary"}>{check.explanation}</Typography.Text>
    </div>
  );
}

type PrintedRowDto = PrintedCheckReportDto["rows"][number];

function PrintedTable({ report, version, chosen }: { report: PrintedCheckReportDto; version: FundingPlanVersion; chosen: PrintedCheckDto | null }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const inChosen = (row: PrintedRowDto, key: string) => !!chosen && chosen.figures.some((f) => f.year === row.year && f.key === key);
  const columns: ColumnsType<PrintedRowDto> = [
    { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", fixed: "left", width: 70 },
    ...version.columns.map((c, index): ColumnType<PrintedRowDto> => ({
      title: lang === "en" ? c.labelEn : c.labelVi,
      key: c.key,
      align: "right",
      width: 130,
      render: (_: unknown, r: PrintedRowDto) => {
        const cell = r.cells[index]!;
        const error = cell.errors.length > 0;
        const marked = inChosen(r, c.key);
        const tip = [
          t("fundingPlans.line", { line: cell.cell.sourceLine }),
          t("fundingPlans.check.cellChecks", { numbers: cell.checks.join(", ") }),
          cell.worst ? t("fundingPlans.check.cellWorst", { finding: t(`fundingPlans.check.class.${cell.worst}`) }) : null,
        ]
          .filter(Boolean)
          .join(" · ");
        return (
          <Tooltip title={tip}>
            <span
              className={[error ? "fp-error" : "", marked ? "fp-marked" : ""].join(" ").trim() || undefined}
              data-figure={`${r.label}:${c.key}`}
              style={{
                whiteSpace: "nowrap",
                padding: "0 4px",
                borderRadius: 4,
                border: error ? "1px solid #ff7875" : "1px solid transparent",
                color: error ? "#a8071a" : undefined,
                background: marked ? "#fff566" : error ? "#fff1f0" : undefined,
                fontWeight: marked ? 600 : undefined,
              }}
            >
              <span className="fp-printed">{cell.cell.original}</span>
              {error && <sup style={{ marginLeft: 2 }}>{cell.errors.join(",")}</sup>}
            </span>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Table<PrintedRowDto> size="small" bordered rowKey="label" columns={columns} dataSource={report.rows} pagination={false} scroll={{ x: "max-content" }} />
  );
}

// ─── the model's inputs (the basis of scenarios), apart from the checks ───
function ModelInputs({ version }: { version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const rows = version.rows.filter((r) => r.inputs);
  return (
    <Card size="small" title={t("fundingPlans.model.title")}>
      <Typography.Paragraph type="secondary">{t("fundingPlans.model.help")}</Typography.Paragraph>
      <Table<TableRowDto>
        size="small"
        rowKey="label"
        pagination={false}
        dataSource={rows}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", width: 70 },
          {
            title: t("fundingPlans.input.gdp"),
            key: "gdp",
            render: (_: unknown, r: TableRowDto) => <InputValue value={r.inputs!.gdp} implied={r.inputs!.gdpImplied} explanation={r.inputs!.explanation.gdp} />,
          },
          {
            title: t("fundingPlans.input.citySpending"),
            key: "citySpending",
            render: (_: unknown, r: TableRowDto) => (
              <InputValue value={r.inputs!.citySpending} implied={r.inputs!.citySpendingImplied} explanation={r.inputs!.explanation.citySpending} />
            ),
          },
          {
            title: t("fundingPlans.input.shares"),
            key: "shares",
            render: (_: unknown, r: TableRowDto) =>
              t("fundingPlans.input.sharesText", {
                social: formatNumber(r.inputs!.socialSharePct),
                city: formatNumber(r.inputs!.cityBudgetSharePct),
                recurrent: formatNumber(r.inputs!.recurrentSharePct),
              }),
          },
        ]}
      />
    </Card>
  );
}

function InputValue({ value, implied, explanation }: { value: number; implied: boolean; explanation: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {num(value)} {implied && <Tag color="gold">{t("fundingPlans.implied")}</Tag>}
      {explanation && (
        <div>
          <Typography.Text type="secondary">{explanation}</Typography.Text>
        </div>
      )}
    </>
  );
}

// ─── a scenario: the model recomputed from its inputs, beside the baseline's model ───
function PlanTable({ version }: { version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const columns: ColumnsType<TableRowDto> = [
    { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", fixed: "left", width: 80 },
    ...version.columns.map((c, index): ColumnType<TableRowDto> & { children: ColumnType<TableRowDto>[] } => ({
      title: lang === "en" ? c.labelEn : c.labelVi,
      key: c.key,
      children: [
        {
          title: t("fundingPlans.col.scenario"),
          key: `${c.key}-value`,
          align: "right",
          width: 120,
          render: (_: unknown, r: TableRowDto) => (
            <Tooltip title={r.cells[index]!.arithmetic}>
              <span>{num(r.cells[index]!.recomputed)}</span>
            </Tooltip>
          ),
        },
        {
          title: t("fundingPlans.col.baseline"),
          key: `${c.key}-base`,
          align: "right",
          width: 110,
          render: (_: unknown, r: TableRowDto) => num(r.cells[index]!.baseline),
        },
        {
          title: t("fundingPlans.col.delta"),
          key: `${c.key}-delta`,
          align: "right",
          width: 100,
          render: (_: unknown, r: TableRowDto) => {
            const d = r.cells[index]!.deltaFromBaseline;
            return <Typography.Text type={d ? (d > 0 ? "success" : "danger") : undefined}>{d ? (d > 0 ? "+" : "") + num(d) : "0"}</Typography.Text>;
          },
        },
      ],
    })),
  ];
  return (
    <Table<TableRowDto>
      size="small"
      bordered
      rowKey="label"
      columns={columns}
      dataSource={version.rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      expandable={{ expandedRowRender: (r) => <RowDetail row={r} version={version} />, rowExpandable: () => true }}
    />
  );
}

function RowDetail({ row, version }: { row: TableRowDto; version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const label = (key: string) => {
    const c = version.columns.find((x) => x.key === key)!;
    return lang === "en" ? c.labelEn : c.labelVi;
  };
  const i = row.inputs;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {i && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("fundingPlans.input.gdp")}>
            <InputValue value={i.gdp} implied={i.gdpImplied} explanation={i.explanation.gdp} />
          </Descriptions.Item>
          <Descriptions.Item label={t("fundingPlans.input.citySpending")}>
            <InputValue value={i.citySpending} implied={i.citySpendingImplied} explanation={i.explanation.citySpending} />
          </Descriptions.Item>
          <Descriptions.Item label={t("fundingPlans.input.shares")}>
            {t("fundingPlans.input.sharesText", {
              social: formatNumber(i.socialSharePct),
              city: formatNumber(i.cityBudgetSharePct),
              recurrent: formatNumber(i.recurrentSharePct),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={row.cells}
        columns={[
          { title: t("fundingPlans.col.column"), key: "key", render: (_: unknown, c: TableCellDto) => label(c.key) },
          { title: t("fundingPlans.col.arithmetic"), key: "arithmetic", render: (_: unknown, c: TableCellDto) => c.arithmetic },
        ]}
      />
    </Space>
  );
}

// ─── a new scenario: what-if edits of the inputs ───
interface ScenarioRow {
  year: number;
  gdp: number;
  citySpending: number;
  socialSharePct: number;
  cityBudgetSharePct: number;
  recurrentSharePct: number;
}

function ScenarioModal({ from, onClose, onCreated }: { from: FundingPlanVersion; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string; note?: string }>();
  const initial = useMemo<ScenarioRow[]>(
    () =>
      from.rows
        .filter((r) => r.inputs)
        .map((r) => {
          const i = r.inputs!;
          // a few decimals are enough for what-if edits; unchanged implied inputs keep the exact value
          return {
            year: i.year,
            gdp: i.gdp,
            citySpending: i.citySpending,
            socialSharePct: i.socialSharePct,
            cityBudgetSharePct: i.cityBudgetSharePct,
            recurrentSharePct: i.recurrentSharePct,
          };
        }),
    [from],
  );
  const [rows, setRows] = useState<ScenarioRow[]>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setRows(initial), [initial]);
  const set = (year: number, key: keyof ScenarioRow, value: number | null) =>
    setRows((rs) => rs.map((r) => (r.year === year ? { ...r, [key]: value ?? 0 } : r)));

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<FundingPlanVersion>("/funding-plans", { name: values.name, note: values.note, basedOnId: from.id, inputs: rows });
      await qc.invalidateQueries({ queryKey: ["funding-plans"] });
      message.success(t("fundingPlans.scenarioSaved"));
      onCreated(created.id);
    } catch (e) {
      if (e instanceof ApiError) applyServerIssues(form, e.fieldIssues);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const numberCell = (key: keyof ScenarioRow, step: number, max: number) => (_: unknown, r: ScenarioRow) => (
    <InputNumber
      aria-label={`${t(`fundingPlans.input.${key}`)} ${r.year}`}
      value={r[key]}
      min={0}
      max={max}
      step={step}
      decimalSeparator={currentLang() === "vi" ? "," : "."}
      style={{ width: "100%" }}
      onChange={(v) => set(r.year, key, typeof v === "number" ? v : null)}
    />
  );

  return (
    <Modal
      open
      title={t("fundingPlans.newScenarioFrom", { name: from.name })}
      width={960}
      onCancel={onClose}
      onOk={submit}
      okText={t("fundingPlans.saveScenario")}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t("fundingPlans.scenarioName")} rules={[{ required: true, min: 3, max: 200, message: t("fundingPlans.nameRule") }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t("fundingPlans.note")}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t("fundingPlans.scenarioInputsHelp")}</Typography.Paragraph>
      <Table<ScenarioRow>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("fundingPlans.col.year"), dataIndex: "year", key: "year", width: 70 },
          { title: t("fundingPlans.input.gdp"), key: "gdp", width: 170, render: numberCell("gdp", 100, 100_000_000) },
          { title: t("fundingPlans.input.socialSharePct"), key: "socialSharePct", width: 110, render: numberCell("socialSharePct", 0.1, 100) },
          { title: t("fundingPlans.input.citySpending"), key: "citySpending", width: 170, render: numberCell("citySpending", 100, 100_000_000) },
          { title: t("fundingPlans.input.cityBudgetSharePct"), key: "cityBudgetSharePct", width: 110, render: numberCell("cityBudgetSharePct", 0.1, 100) },
          { title: t("fundingPlans.input.recurrentSharePct"), key: "recurrentSharePct", width: 110, render: numberCell("recurrentSharePct", 5, 100) },
        ]}
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
    </Modal>
  );
}

// ─── actual allocations and the chart against the plan and the targets ───
function ActualsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["funding-plans", "tracking"], queryFn: () => api.get<Tracking>("/funding-plans/tracking") });
  const [editing, setEditing] = useState<Actual | "new" | null>(null);

  if (q.isPending)
    return (
      <Card>
        <LoadingState rows={8} />
      </Card>
    );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const data = q.data;

  const remove = async (a: Actual) => {
    try {
      await api.delete(`/funding-plans/actuals/${a.id}`, { version: a.version });
      message.success(t("fundingPlans.actual.deleted"));
    } catch (e) {
      message.error(errorMessage(e));
    }
    await qc.invalidateQueries({ queryKey: ["funding-plans", "tracking"] });
  };

  const option: EChartsOption = {
    tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "—" : formatNumber(Number(v))) },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: data.rows.map((r) => String(r.year)) },
    yAxis: { type: "value", name: t("fundingPlans.chart.unit") },
    series: [
      { name: t("fundingPlans.chart.actual"), type: "bar", data: data.rows.map((r) => r.cityStBudget) },
      { name: t("fundingPlans.chart.planned"), type: "line", data: data.rows.map((r) => r.plannedCityStBudget), connectNulls: false },
      { name: t("fundingPlans.chart.target"), type: "line", lineStyle: { type: "dashed" }, data: data.rows.map((r) => r.targetCityStBudget) },
    ],
  };

  const trackingColumns: ColumnsType<TrackingRow> = [
    { title: t("fundingPlans.col.year"), dataIndex: "year", key: "year", width: 70 },
    { title: t("fundingPlans.track.actual"), key: "actual", align: "right", render: (_, r) => num(r.cityStBudget) },
    { title: t("fundingPlans.track.planned"), key: "planned", align: "right", render: (_, r) => num(r.plannedCityStBudget) },
    {
      title: t("fundingPlans.track.spending"),
      key: "spending",
      align: "right",
      render: (_, r) =>
        r.citySpending === null ? (
          <Typography.Text type="secondary">{t("fundingPlans.track.noSeries")}</Typography.Text>
        ) : (
          <Tooltip title={r.citySpendingSource}>{num(r.citySpending)}</Tooltip>
        ),
    },
    { title: t("fundingPlans.track.target"), key: "target", align: "right", render: (_, r) => num(r.targetCityStBudget) },
    {
      title: t("fundingPlans.track.share"),
      key: "share",
      align: "right",
      render: (_, r) => (r.sharePct === null ? "—" : <Tag color={r.sharePct >= 2 ? "green" : "orange"}>{formatNumber(r.sharePct, 2)}%</Tag>),
    },
    { title: t("fundingPlans.track.social"), key: "social", align: "right", render: (_, r) => num(r.socialInvestment) },
    {
      title: t("fundingPlans.track.gdp"),
      key: "gdp",
      align: "right",
      render: (_, r) => (r.gdp === null ? "—" : <Tooltip title={r.gdpSource}>{num(r.gdp)}</Tooltip>),
    },
    {
      title: t("fundingPlans.track.socialPct"),
      key: "socialPct",
      align: "right",
      render: (_, r) =>
        r.socialPctGdp === null ? (
          `— / ${formatNumber(r.targetSocialPctGdp)}%`
        ) : (
          <Tag color={r.socialPctGdp >= r.targetSocialPctGdp ? "green" : "orange"}>
            {formatNumber(r.socialPctGdp, 2)}% / {formatNumber(r.targetSocialPctGdp)}%
          </Tag>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title={t("fundingPlans.chart.title")} size="small">
        <Chart option={option} height={320} label={t("fundingPlans.chart.title")} />
      </Card>
      <Card title={t("fundingPlans.track.title")} size="small">
        <Table<TrackingRow> size="small" rowKey="year" pagination={false} columns={trackingColumns} dataSource={data.rows} scroll={{ x: "max-content" }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("fundingPlans.track.help")}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t("fundingPlans.actual.title")}
        size="small"
        extra={
          data.abilities.create && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing("new")}>
              {t("fundingPlans.actual.add")}
            </Button>
          )
        }
      >
        {data.actuals.length === 0 ? (
          <EmptyState description={t("fundingPlans.actual.empty")} />
        ) : (
          <Table<Actual>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.actuals}
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("fundingPlans.col.year"), dataIndex: "year", key: "year", width: 70 },
              { title: t("fundingPlans.actual.cityRecurrent"), key: "rec", align: "right", render: (_, a) => num(a.cityRecurrent / BILLION) },
              { title: t("fundingPlans.actual.cityDevelopment"), key: "dev", align: "right", render: (_, a) => num(a.cityDevelopment / BILLION) },
              { title: t("fundingPlans.actual.cityTotal"), key: "total", align: "right", render: (_, a) => num(a.cityTotal / BILLION) },
              {
                title: t("fundingPlans.actual.otherSources"),
                key: "other",
                align: "right",
                render: (_, a) => (a.otherSources === null ? "—" : num(a.otherSources / BILLION)),
              },
              { title: t("fundingPlans.actual.source"), dataIndex: "source", key: "source" },
              { title: t("fundingPlans.actual.updated"), key: "updated", render: (_, a) => `${a.updatedByName ?? ""} · ${formatDateTime(a.updatedAt)}` },
              {
                title: "",
                key: "actions",
                render: (_, a) => (
                  <Space>
                    {a.abilities.update && (
                      <Button
                        size="small"
                        icon={<EditOutlined aria-hidden />}
                        onClick={() => setEditing(a)}
                        aria-label={t("fundingPlans.actual.edit", { year: a.year })}
                      />
                    )}
                    {a.abilities.delete && (
                      <Popconfirm title={t("fundingPlans.actual.confirmDelete", { year: a.year })} onConfirm={() => remove(a)}>
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t("fundingPlans.actual.delete", { year: a.year })} />
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing && (
        <ActualModal
          actual={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await qc.invalidateQueries({ queryKey: ["funding-plans", "tracking"] });
          }}
        />
      )}
    </Space>
  );
}

interface ActualValues {
  year: number;
  cityRecurrent: number;
  cityDevelopment: number;
  otherSources?: number | null;
  source: string;
  note?: string;
}

const toDong = (billion: number | null | undefined) => (billion === null || billion === undefined ? null : Math.round(billion * BILLION));

function ActualModal({ actual, onClose, onSaved }: { actual: Actual | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActualValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(actual?.version ?? 1);
  const initial: Partial<ActualValues> = actual
    ? {
        year: actual.year,
        cityRecurrent: actual.cityRecurrent / BILLION,
        cityDevelopment: actual.cityDevelopment / BILLION,
        otherSources: actual.otherSources === null ? null : actual.otherSources / BILLION,
        source: actual.source,
        note: actual.note ?? undefined,
      }
    : {};

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const body = {
      cityRecurrent: toDong(v.cityRecurrent)!,
      cityDevelopment: toDong(v.cityDevelopment)!,
      otherSources: toDong(v.otherSources),
      source: v.source,
      note: v.note,
    };
    try {
      if (actual) await api.put(`/funding-plans/actuals/${actual.id}`, { ...body, version });
      else await api.post("/funding-plans/actuals", { ...body, year: v.year });
      message.success(t("fundingPlans.actual.saved"));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) {
        applyServerIssues(form, e.fieldIssues);
        const current = e.current as Actual | undefined;
        if (current) {
          // someone else saved first: show their figures, keep ours to compare, save again with their version
          setVersion(current.version);
          setError(
            t("fundingPlans.actual.conflict", {
              rec: num(current.cityRecurrent / BILLION),
              dev: num(current.cityDevelopment / BILLION),
              by: current.updatedByName ?? "",
            }),
          );
          return;
        }
      }
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const amount = (name: keyof ActualValues, label: string, required: boolean) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t("fundingPlans.actual.required") }] : []}>
      <InputNumber
        min={0}
        max={1_000_000}
        step={1}
        decimalSeparator={currentLang() === "vi" ? "," : "."}
        precision={3}
        style={{ width: "100%" }}
        addonAfter={t("fundingPlans.billion")}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={actual ? t("fundingPlans.actual.edit", { year: actual.year }) : t("fundingPlans.actual.add")}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="year" label={t("fundingPlans.col.year")} rules={[{ required: true, message: t("fundingPlans.actual.required") }]}>
          <InputNumber min={2000} max={2100} disabled={!!actual} style={{ width: 140 }} />
        </Form.Item>
        {amount("cityRecurrent", t("fundingPlans.actual.cityRecurrent"), true)}
        {amount("cityDevelopment", t("fundingPlans.actual.cityDevelopment"), true)}
        {amount("otherSources", t("fundingPlans.actual.otherSources"), false)}
        <Form.Item
          name="source"
          label={t("fundingPlans.actual.source")}
          extra={t("fundingPlans.actual.sourceHelp")}
          rules={[{ required: true, min: 3, message: t("fundingPlans.actual.sourceRule") }]}
        >
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="note" label={t("fundingPlans.note")}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
