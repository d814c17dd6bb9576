// S&T task analytics (thống kê nhiệm vụ KH&CN): filters → GET /task-analytics → counts, money and outputs as charts,
// with the plan's 1996–2012 figures in a panel beside the live ones (each figure's source line and words on hover).
// The same tables download as an .xlsx; historical task records are imported on the import page.
import { useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Col, Descriptions, Flex, InputNumber, List, Row, Segmented, Select, Space, Statistic, Tooltip, Typography } from "antd";
import { CloudUploadOutlined, DownloadOutlined, InfoCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import type { HistoricalFigure, TaskAnalytics } from "../../../common/api/task-analytics";
import { TASK_TYPES } from "../../../common/api/task";
import { api, download, errorMessage, type ListResult, type Query } from "../../app/api";
import { formatNumber } from "../../app/format";
import { can } from "../../app/permissions";
import { useSession } from "../../app/session";
import { Chart } from "../../components/Chart";
import { CodeSelect } from "../../components/reference";
import { OrganisationSelect } from "../../components/entity-select";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";

type Origin = "all" | "platform" | "historical";
interface Filters {
  yearFrom?: number;
  yearTo?: number;
  programmeId?: string;
  organisationId?: string;
  field?: string;
  sector?: string;
  taskType?: string;
  origin: Origin;
}

const tooltipNumber = (v: unknown) => formatNumber(Number(v));

export function TaskAnalyticsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({ origin: "all" });
  const [exporting, setExporting] = useState(false);
  const query: Query = { ...filters };
  const q = useQuery({ queryKey: ["task-analytics", filters], queryFn: () => api.get<TaskAnalytics>("/task-analytics", query) });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download("/task-analytics/export.xlsx", query, "thong-ke-nhiem-vu.xlsx");
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("taskAnalytics.title")}
        subtitle={t("taskAnalytics.subtitle")}
        extra={
          <Space wrap>
            {can.importData(me) && (
              <Button icon={<CloudUploadOutlined aria-hidden />} onClick={() => void navigate("/imports?kind=historical-tasks")}>
                {t("taskAnalytics.importHistorical")}
              </Button>
            )}
            <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportXlsx}>
              {t("taskAnalytics.export")}
            </Button>
          </Space>
        }
      />
      <FilterBar filters={filters} onChange={set} onReset={() => setFilters({ origin: "all" })} />
      {q.isPending ? (
        <Card>
          <LoadingState rows={10} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <AnalyticsContent data={q.data} />
      )}
    </>
  );
}

function FilterBar({ filters, onChange, onReset }: { filters: Filters; onChange: (p: Partial<Filters>) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const programmes = useQuery({
    queryKey: ["/programmes", "options"],
    queryFn: () => api.get<ListResult<{ id: string; code: string; nameVi: string }>>("/programmes", { pageSize: 100 }),
    staleTime: 60_000,
  });
  const field = (label: string, control: ReactNode) => (
    <Col xs={24} sm={12} lg={6}>
      <div className="field-label">{label}</div>
      {control}
    </Col>
  );
  return (
    <Card className="form-section" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 12]}>
        {field(
          t("taskAnalytics.filters.years"),
          <Space.Compact block>
            <InputNumber
              aria-label={t("taskAnalytics.filters.yearFrom")}
              placeholder={t("taskAnalytics.filters.yearFrom")}
              min={1990}
              max={2100}
              value={filters.yearFrom ?? null}
              onChange={(v) => onChange({ yearFrom: v ?? undefined })}
              style={{ width: "50%" }}
            />
            <InputNumber
              aria-label={t("taskAnalytics.filters.yearTo")}
              placeholder={t("taskAnalytics.filters.yearTo")}
              min={1990}
              max={2100}
              value={filters.yearTo ?? null}
              onChange={(v) => onChange({ yearTo: v ?? undefined })}
              style={{ width: "50%" }}
            />
          </Space.Compact>,
        )}
        {field(
          t("taskAnalytics.filters.programme"),
          <Select
            allowClear
            style={{ width: "100%" }}
            aria-label={t("taskAnalytics.filters.programme")}
            loading={programmes.isPending}
            value={filters.programmeId}
            onChange={(v) => onChange({ programmeId: v ?? undefined })}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.nameVi}` }))}
          />,
        )}
        {field(
          t("taskAnalytics.filters.organisation"),
          <OrganisationSelect
            style={{ width: "100%" }}
            aria-label={t("taskAnalytics.filters.organisation")}
            value={filters.organisationId ?? null}
            onChange={(v) => onChange({ organisationId: v ?? undefined })}
          />,
        )}
        {field(
          t("taskAnalytics.filters.field"),
          <CodeSelect
            list="field"
            style={{ width: "100%" }}
            aria-label={t("taskAnalytics.filters.field")}
            value={filters.field}
            onChange={(v) => onChange({ field: v ?? undefined })}
          />,
        )}
        {field(
          t("taskAnalytics.filters.sector"),
          <CodeSelect
            list="sector"
            style={{ width: "100%" }}
            aria-label={t("taskAnalytics.filters.sector")}
            value={filters.sector}
            onChange={(v) => onChange({ sector: v ?? undefined })}
          />,
        )}
        {field(
          t("taskAnalytics.filters.taskType"),
          <Select
            allowClear
            style={{ width: "100%" }}
            aria-label={t("taskAnalytics.filters.taskType")}
            value={filters.taskType}
            onChange={(v) => onChange({ taskType: v ?? undefined })}
            options={TASK_TYPES.map((x) => ({ value: x, label: t(`taskAnalytics.taskTypes.${x}`) }))}
          />,
        )}
        {field(
          t("taskAnalytics.filters.origin"),
          <Segmented<Origin>
            value={filters.origin}
            onChange={(v) => onChange({ origin: v })}
            options={(["all", "platform", "historical"] as const).map((o) => ({ value: o, label: t(`taskAnalytics.origins.${o}`) }))}
          />,
        )}
        <Col xs={24} sm={12} lg={6} style={{ display: "flex", alignItems: "flex-end" }}>
          <Button onClick={onReset}>{t("taskAnalytics.filters.reset")}</Button>
        </Col>
      </Row>
    </Card>
  );
}

function AnalyticsContent({ data }: { data: TaskAnalytics }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const labelOf = (c: { code: string | null; labelVi: string | null; labelEn: string | null }) =>
    c.code === null ? t("taskAnalytics.notSet") : ((en ? c.labelEn : c.labelVi) ?? c.code);
  const money = (v: number) => t("taskAnalytics.money", { value: formatNumber(v) });
  const totals: { key: keyof TaskAnalytics["totals"]; value: number; isMoney: boolean }[] = [
    { key: "tasks", value: data.totals.tasks, isMoney: false },
    { key: "approvedCity", value: data.totals.approvedCity, isMoney: true },
    { key: "approvedOther", value: data.totals.approvedOther, isMoney: true },
    { key: "proposed", value: data.totals.proposed, isMoney: true },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Row gutter={[16, 16]}>
          {totals.map((s) => (
            <Col key={s.key} xs={12} md={6}>
              <Card className="stat-card">
                <Statistic
                  title={t(`taskAnalytics.totals.${s.key}`)}
                  value={s.value}
                  formatter={(v) => (s.isMoney ? money(Number(v)) : formatNumber(Number(v)))}
                />
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={12}>
            <BarCard title={t("taskAnalytics.charts.byField1")} items={data.byField1.map((c) => ({ name: labelOf(c), value: c.count }))} />
          </Col>
          <Col xs={24} lg={12}>
            <BarCard title={t("taskAnalytics.charts.bySector")} items={data.bySector.map((c) => ({ name: labelOf(c), value: c.count }))} />
          </Col>
          <Col xs={24}>
            <BarCard
              title={t("taskAnalytics.charts.byField2")}
              horizontal
              items={data.byField2.map((c) => ({ name: c.code ? `${c.code} · ${labelOf(c)}` : labelOf(c), value: c.count }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <BarCard
              title={t("taskAnalytics.charts.byStatusGroup")}
              items={data.byStatusGroup.map((g) => ({ name: t(`taskAnalytics.groups.${g.group}`), value: g.count }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <PieCard
              title={t("taskAnalytics.charts.byTaskType")}
              items={data.byTaskType.map((x) => ({ name: t(`taskAnalytics.taskTypes.${x.taskType}`), value: x.count }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <BarCard title={t("taskAnalytics.charts.byYear")} items={data.byYear.map((y) => ({ name: String(y.year), value: y.count }))} />
          </Col>
          <Col xs={24} lg={12}>
            <MoneyByYearCard data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <BarCard
              title={t("taskAnalytics.charts.byProgramme")}
              horizontal
              items={data.byProgramme.map((p) => ({ name: p.code ? `${p.code} · ${p.nameVi ?? ""}` : t("taskAnalytics.noProgramme"), value: p.count }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <BarCard
              title={t("taskAnalytics.charts.byOrganisation", { count: data.byOrganisation.length })}
              horizontal
              items={data.byOrganisation.map((o) => ({ name: o.nameVi ?? t("taskAnalytics.notSet"), value: o.count }))}
            />
          </Col>
          <Col xs={24} lg={12}>
            <MoneyBySourceCard data={data} />
          </Col>
          <Col xs={24} lg={12}>
            <OutputsCard data={data} />
          </Col>
        </Row>
      </Col>
      <Col xs={24} xl={8}>
        <HistoricalPanel period={data.historical.period} figures={data.historical.figures} />
      </Col>
    </Row>
  );
}

function ChartCard({ title, empty, option, height }: { title: string; empty: boolean; option: EChartsOption; height?: number }) {
  const { t } = useTranslation();
  return (
    <Card title={title} className="chart-card">
      {empty ? <EmptyState description={t("taskAnalytics.noData")} /> : <Chart label={title} option={option} height={height} />}
    </Card>
  );
}

function BarCard({ title, items, horizontal }: { title: string; items: { name: string; value: number }[]; horizontal?: boolean }) {
  const names = items.map((i) => i.name);
  const values = items.map((i) => i.value);
  const category = {
    type: "category" as const,
    data: horizontal ? [...names].reverse() : names,
    axisLabel: { interval: 0, width: horizontal ? 180 : 90, overflow: "truncate" as const },
  };
  const value = { type: "value" as const, axisLabel: { formatter: (v: number) => formatNumber(v) } };
  return (
    <ChartCard
      title={title}
      empty={items.length === 0 || items.every((i) => i.value === 0)}
      height={horizontal ? Math.max(260, items.length * 28 + 40) : 300}
      option={{
        tooltip: { trigger: "axis", valueFormatter: tooltipNumber },
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: horizontal ? value : category,
        yAxis: horizontal ? category : value,
        series: [{ type: "bar", data: horizontal ? [...values].reverse() : values, barMaxWidth: 36 }],
      }}
    />
  );
}

function PieCard({ title, items }: { title: string; items: { name: string; value: number }[] }) {
  return (
    <ChartCard
      title={title}
      empty={items.length === 0}
      option={{
        tooltip: { trigger: "item", valueFormatter: tooltipNumber },
        legend: { type: "scroll", orient: "vertical", right: 0, top: "middle" },
        series: [{ type: "pie", radius: ["40%", "70%"], center: ["35%", "50%"], data: items, label: { show: false } }],
      }}
    />
  );
}

function MoneyByYearCard({ data }: { data: TaskAnalytics }) {
  const { t } = useTranslation();
  const years = data.byYear.map((y) => String(y.year));
  const series = (key: "approvedCity" | "approvedOther" | "proposed") => ({
    type: "bar" as const,
    name: t(`taskAnalytics.totals.${key}`),
    stack: key === "proposed" ? "proposed" : "approved",
    data: data.byYear.map((y) => y[key]),
    barMaxWidth: 36,
  });
  return (
    <ChartCard
      title={t("taskAnalytics.charts.moneyByYear")}
      empty={data.byYear.every((y) => y.approvedCity + y.approvedOther + y.proposed === 0)}
      option={{
        tooltip: { trigger: "axis", valueFormatter: (v) => t("taskAnalytics.money", { value: formatNumber(Number(v)) }) },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
        xAxis: { type: "category", data: years },
        yAxis: { type: "value", axisLabel: { formatter: (v: number) => t("taskAnalytics.millions", { value: formatNumber(v / 1_000_000) }) } },
        series: [series("approvedCity"), series("approvedOther"), series("proposed")],
      }}
    />
  );
}

function MoneyBySourceCard({ data }: { data: TaskAnalytics }) {
  const { t } = useTranslation();
  const items = (["approvedCity", "approvedOther", "proposed"] as const).map((k) => ({ name: t(`taskAnalytics.totals.${k}`), value: data.totals[k] }));
  return (
    <ChartCard
      title={t("taskAnalytics.charts.moneyBySource")}
      empty={items.every((i) => i.value === 0)}
      option={{
        tooltip: { trigger: "item", valueFormatter: (v) => t("taskAnalytics.money", { value: formatNumber(Number(v)) }) },
        legend: { bottom: 0 },
        series: [{ type: "pie", radius: ["40%", "65%"], center: ["50%", "45%"], data: items, label: { show: false } }],
      }}
    />
  );
}

function OutputsCard({ data }: { data: TaskAnalytics }) {
  const { t } = useTranslation();
  const names = data.outputs.map((o) => t(`taskAnalytics.outputTypes.${o.outputType}`));
  return (
    <ChartCard
      title={t("taskAnalytics.charts.outputs")}
      empty={data.outputs.length === 0}
      option={{
        tooltip: { trigger: "axis", valueFormatter: tooltipNumber },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
        xAxis: { type: "category", data: names, axisLabel: { interval: 0, width: 90, overflow: "truncate" } },
        yAxis: { type: "value" },
        series: [
          { type: "bar", name: t("taskAnalytics.outputs.quantity"), data: data.outputs.map((o) => o.quantity), barMaxWidth: 30 },
          { type: "bar", name: t("taskAnalytics.outputs.tasks"), data: data.outputs.map((o) => o.tasks), barMaxWidth: 30 },
        ],
      }}
    />
  );
}

function HistoricalPanel({ period, figures }: { period: string; figures: HistoricalFigure[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const section = (s: HistoricalFigure["section"]) => figures.filter((f) => f.section === s);
  const byField = section("by_field");
  const source = (f: HistoricalFigure) => t("taskAnalytics.historical.source", { line: f.sourceLine, quote: f.sourceQuote });
  const valueText = (f: HistoricalFigure) => {
    const unit = en ? f.unitEn : f.unitVi;
    const qualifier = en ? f.qualifierEn : f.qualifierVi;
    const v = f.value !== null ? formatNumber(f.value) : t("taskAnalytics.historical.range", { min: formatNumber(f.valueMin), max: formatNumber(f.valueMax) });
    return [qualifier, v, unit].filter(Boolean).join(" ");
  };
  const figureRow = (f: HistoricalFigure) => (
    <List.Item key={f.metricId}>
      <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
        <Tooltip title={source(f)}>
          <Typography.Text>
            {en ? f.labelEn : f.labelVi} <InfoCircleOutlined aria-hidden style={{ color: "var(--ant-color-text-tertiary)" }} />
          </Typography.Text>
        </Tooltip>
        <Typography.Text strong>{valueText(f)}</Typography.Text>
      </Flex>
    </List.Item>
  );
  return (
    <Card title={t("taskAnalytics.historical.title", { period: period.replace("-", "–") })} className="chart-card">
      <Typography.Paragraph type="secondary">{t("taskAnalytics.historical.intro")}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        {section("summary").map((f) => (
          <Descriptions.Item key={f.metricId} label={<Tooltip title={source(f)}>{en ? f.labelEn : f.labelVi}</Tooltip>}>
            {f.unitVi === "đồng" ? t("taskAnalytics.money", { value: formatNumber(f.value) }) : valueText(f)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Chart
        label={t("taskAnalytics.historical.bySector")}
        height={260}
        option={{
          tooltip: {
            trigger: "item",
            formatter: (p: unknown) => {
              const f = byField[(p as { dataIndex: number }).dataIndex];
              return f ? `${en ? f.labelEn : f.labelVi}: ${formatNumber(f.value)}<br/>${escapeHtml(source(f))}` : "";
            },
          },
          grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: "value" },
          yAxis: {
            type: "category",
            data: byField.map((f) => (en ? f.labelEn : f.labelVi).replace(/^Lĩnh vực /, "")).reverse(),
            axisLabel: { width: 150, overflow: "truncate" },
          },
          series: [{ type: "bar", data: byField.map((f) => f.value).reverse(), barMaxWidth: 24 }],
        }}
      />
      <Typography.Title level={5}>{t("taskAnalytics.historical.outputs")}</Typography.Title>
      <List size="small" dataSource={section("outputs")} renderItem={figureRow} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("taskAnalytics.historical.results")}
      </Typography.Title>
      <List size="small" dataSource={section("field_results")} renderItem={figureRow} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t("taskAnalytics.historical.sourceNote")}
      </Typography.Paragraph>
    </Card>
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
