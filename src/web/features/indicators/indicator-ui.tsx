// Pieces shared by the internal and the public indicator pages: the progress-status tag and its explanation (the
// Statistics Canada / Open SDG method of src/common/indicators/progress.ts), the chart of actual values against the
// target path and the baseline, target texts ("> 40", "12–13") and the metadata block (definition, unit, direction,
// baseline with its source line and quote, targets, value source).
import type { ReactNode } from "react";
import { Card, Collapse, Descriptions, Flex, Space, Table, Tag, Tooltip, Typography } from "antd";
import { InfoCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type {
  Baseline,
  Direction,
  IndicatorChart as ChartData,
  IndicatorStatus,
  ProgressStatus,
  StatusReason,
  Target,
  TargetBound,
  ValueSource,
} from "../../../common/api/indicator";
import { STATUS_THRESHOLDS, TREND_THRESHOLDS } from "../../../common/indicators/progress";
import { formatNumber } from "../../app/format";
import { Chart } from "../../components/Chart";
import { EmptyState } from "../../components/states";
import { currentLang } from "../../i18n/index";
import { planCitation } from "../../../common/plan/citation";

/** Target numbers of the plan's section II with quantitative targets, as filter options. */
export const TARGET_NOS = ["(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"];

export const STATUS_COLOURS: Record<ProgressStatus, string> = {
  achieved: "green",
  substantial: "cyan",
  moderate: "gold",
  limited: "orange",
  deterioration: "red",
};

export function StatusTag({ status, reason }: { status: ProgressStatus | null; reason?: StatusReason | null }) {
  const { t } = useTranslation();
  if (!status) {
    const tag = <Tag data-status="none">{t("indicators.status.none")}</Tag>;
    return reason ? <Tooltip title={t(`indicators.reason.${reason}`)}>{tag}</Tooltip> : tag;
  }
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`indicators.status.${status}`)}
    </Tag>
  );
}

/** A number with the indicator's unit ("30 %", "12,5 người/vạn dân"). */
export function withUnit(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return "—";
  return `${formatNumber(v)} ${unit}`.trim();
}

/** A target as the plan states it: "> 40", "≥ 2", "12–13", "≈ 45", "45". */
export function targetValueText(tg: { value: number | null; min: number | null; max: number | null; bound: TargetBound }): string {
  const v = formatNumber(tg.value);
  switch (tg.bound) {
    case "range":
      return `${formatNumber(tg.min)}–${formatNumber(tg.max)}`;
    case "lower_bound":
      return `> ${v}`;
    case "lower_bound_inclusive":
      return `≥ ${v}`;
    case "upper_bound":
      return `< ${v}`;
    case "upper_bound_inclusive":
      return `≤ ${v}`;
    case "approximate":
      return `≈ ${v}`;
    default:
      return v;
  }
}

/** "Latest vs target" cell of the lists. */
export function LatestVsTarget({
  latest,
  target,
  unit,
}: {
  latest: { year: number; value: number } | null;
  target: { year: number; value: number | null; min: number | null; max: number | null; bound: TargetBound } | null;
  unit: string;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0}>
      <span>{latest ? t("indicators.latestIn", { value: withUnit(latest.value, unit), year: latest.year }) : t("indicators.noValue")}</span>
      {target && (
        <Typography.Text type="secondary">
          {t("indicators.targetIn", { value: `${targetValueText(target)} ${unit}`.trim(), year: target.year })}
        </Typography.Text>
      )}
    </Space>
  );
}

const pct = (x: number | null) => (x === null ? "—" : `${formatNumber(x * 100, 2)} %`);

/** The status with the numbers behind it and the method, in words. */
export function StatusExplanation({ detail, direction, unit }: { detail: IndicatorStatus; direction: Direction; unit: string }) {
  const { t } = useTranslation();
  const summary = (): ReactNode => {
    if (!detail.status) return t(`indicators.reason.${detail.reason ?? "no_values"}`);
    if (detail.status === "achieved" && detail.latest && detail.target)
      return t("indicators.explain.achieved", {
        latest: withUnit(detail.latest.value, unit),
        latestYear: detail.latest.year,
        target: withUnit(detail.target.value, unit),
        targetYear: detail.target.year,
      });
    if (detail.method === "target" && detail.latest && detail.baseline && detail.target)
      return t("indicators.explain.target", {
        baseline: withUnit(detail.baseline.value, unit),
        baselineYear: detail.baseline.year,
        latest: withUnit(detail.latest.value, unit),
        latestYear: detail.latest.year,
        actual: pct(detail.actualGrowth),
        target: withUnit(detail.target.value, unit),
        targetYear: detail.target.year,
        required: pct(detail.requiredGrowth),
        ratio: detail.ratio === null ? "—" : formatNumber(detail.ratio, 2),
      });
    if (detail.method === "trend" && detail.latest && detail.baseline)
      return t("indicators.explain.trend", {
        baseline: withUnit(detail.baseline.value, unit),
        baselineYear: detail.baseline.year,
        latest: withUnit(detail.latest.value, unit),
        latestYear: detail.latest.year,
        actual: pct(detail.actualGrowth),
      });
    return t(`indicators.status.${detail.status}`);
  };
  return (
    <Card title={t("indicators.statusTitle")} className="chart-card">
      <Flex vertical gap={12}>
        <div>
          <StatusTag status={detail.status} reason={detail.reason} />
        </div>
        <Typography.Paragraph style={{ margin: 0 }} data-testid="status-explanation">
          {summary()}
        </Typography.Paragraph>
        {direction === "decrease" || direction === "at_most" ? (
          <Typography.Text type="secondary">{t("indicators.explain.lowerIsBetter")}</Typography.Text>
        ) : null}
        <Collapse
          size="small"
          items={[
            {
              key: "method",
              label: t("indicators.method.title"),
              children: (
                <Space orientation="vertical" size={4}>
                  <Typography.Paragraph style={{ margin: 0 }}>{t("indicators.method.intro")}</Typography.Paragraph>
                  <Typography.Text>{t("indicators.method.achieved")}</Typography.Text>
                  <Typography.Text>
                    {t("indicators.method.ratio", {
                      substantial: formatNumber(STATUS_THRESHOLDS.substantial, 2),
                      moderate: formatNumber(STATUS_THRESHOLDS.moderate, 2),
                    })}
                  </Typography.Text>
                  <Typography.Text>{t("indicators.method.range")}</Typography.Text>
                  <Typography.Text>
                    {t("indicators.method.trend", {
                      substantial: formatNumber(TREND_THRESHOLDS.substantial * 100, 1),
                      moderate: formatNumber(TREND_THRESHOLDS.moderate * 100, 1),
                    })}
                  </Typography.Text>
                  <Typography.Text>{t("indicators.method.missing")}</Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** Actual values (line), the target path (dashed), the baseline and the targets (points; a range as a band). */
export function IndicatorChartCard({ chart, unit, name }: { chart: ChartData; unit: string; name: string }) {
  const { t } = useTranslation();
  const years = new Set<number>();
  chart.actual.forEach((p) => years.add(p.year));
  chart.targetPath.forEach((p) => years.add(p.year));
  chart.targets.forEach((p) => years.add(p.year));
  if (chart.baseline) years.add(chart.baseline.year);
  const empty = years.size === 0;
  const ordered = [...years].sort((a, b) => a - b);
  const first = ordered[0] ?? 0;
  const last = ordered[ordered.length - 1] ?? 0;
  const xs: number[] = [];
  for (let y = first; y <= last; y++) xs.push(y);
  const at = (points: { year: number; value: number }[]) => xs.map((y) => points.find((p) => p.year === y)?.value ?? null);
  const ranges = chart.targets.filter((tg) => tg.bound === "range" && tg.min !== null && tg.max !== null);
  const targetPoints = chart.targets.map((tg) => ({
    value: [String(tg.year), tg.value ?? tg.min ?? tg.max] as [string, number | null],
    label: targetValueText(tg),
  }));
  const tooltipValue = (raw: unknown) => {
    const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return v === null || v === undefined || v === "-" || Number.isNaN(Number(v)) ? "—" : withUnit(Number(v), unit);
  };
  return (
    <Card title={t("indicators.chart.title")} className="chart-card">
      {empty ? (
        <EmptyState description={t("indicators.chart.empty")} />
      ) : (
        <Chart
          label={t("indicators.chart.label", { name })}
          height={340}
          option={{
            tooltip: { trigger: "axis", valueFormatter: tooltipValue },
            legend: { bottom: 0 },
            grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
            xAxis: { type: "category", data: xs.map(String), boundaryGap: false },
            yAxis: { type: "value", name: unit, axisLabel: { formatter: (v: number) => formatNumber(v) } },
            series: [
              {
                type: "line",
                name: t("indicators.chart.actual"),
                data: at(chart.actual),
                connectNulls: true,
                symbolSize: 8,
                lineStyle: { width: 3 },
                color: "#0b4f8a",
              },
              {
                type: "line",
                name: t("indicators.chart.targetPath"),
                data: at(chart.targetPath),
                connectNulls: true,
                symbol: "none",
                lineStyle: { type: "dashed", width: 2 },
                color: "#e9a23b",
                ...(ranges.length
                  ? {
                      markArea: {
                        itemStyle: { color: "rgba(233,162,59,0.15)" },
                        data: ranges.map((r) => [
                          { yAxis: r.min as number, xAxis: String(r.year) },
                          { yAxis: r.max as number, xAxis: String(r.year) },
                        ]),
                      },
                    }
                  : {}),
              },
              {
                type: "scatter",
                name: t("indicators.chart.targets"),
                data: targetPoints.map((p) => p.value),
                symbol: "diamond",
                symbolSize: 14,
                color: "#c8553d",
                label: { show: true, position: "top", formatter: (p: { dataIndex: number }) => targetPoints[p.dataIndex]?.label ?? "" },
              },
              {
                type: "scatter",
                name: t("indicators.chart.baseline"),
                data: chart.baseline ? [[String(chart.baseline.year), chart.baseline.value]] : [],
                symbol: "rect",
                symbolSize: 12,
                color: "#6a4c93",
              },
            ],
          }}
        />
      )}
    </Card>
  );
}

export function directionText(t: TFunction, d: Direction) {
  return t(`indicators.direction.${d}`);
}

export function ValueSourceTag({ source }: { source: ValueSource }) {
  const { t } = useTranslation();
  const colour = source === "entered" ? "blue" : source === "computed" ? "purple" : "geekblue";
  return <Tag color={colour}>{t(`indicators.valueSource.${source}`)}</Tag>;
}

/** A figure's origin in the plan, cited by section: "Đề án, mục II: “…”". */
function SourceQuote({ line, quote }: { line: number | null; quote: string | null }) {
  if (line === null && !quote) return null;
  return (
    <Typography.Text type="secondary" style={{ display: "block" }}>
      {line !== null ? `${planCitation(line, currentLang())}:` : null}
      {quote ? ` “${quote}”` : null}
    </Typography.Text>
  );
}

export function BaselineText({ baseline, unit }: { baseline: Baseline | null; unit: string }) {
  const { t, i18n } = useTranslation();
  if (!baseline) return <Typography.Text type="secondary">{t("indicators.noBaseline")}</Typography.Text>;
  const label = i18n.language === "en" ? (baseline.labelEn ?? baseline.labelVi) : (baseline.labelVi ?? baseline.labelEn);
  return (
    <div data-testid="baseline">
      <Typography.Text strong>{withUnit(baseline.value, unit)}</Typography.Text>{" "}
      <Typography.Text>
        {baseline.period ? t("indicators.inPeriod", { period: baseline.period }) : t("indicators.inYear", { year: baseline.year })}
      </Typography.Text>
      {label ? <Typography.Text type="secondary"> · {label}</Typography.Text> : null}
      <SourceQuote line={baseline.sourceLine} quote={baseline.quote} />
      {baseline.note ? (
        <Typography.Text type="secondary" style={{ display: "block" }}>
          {baseline.note}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function TargetsTable({ targets, unit }: { targets: Target[]; unit: string }) {
  const { t } = useTranslation();
  if (!targets.length) return <Typography.Text type="secondary">{t("indicators.noTargets")}</Typography.Text>;
  return (
    <Table<Target>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.year}-${r.bound}`}
      dataSource={targets}
      columns={[
        { title: t("indicators.fields.year"), dataIndex: "year", width: 80 },
        { title: t("indicators.fields.target"), key: "v", render: (_: unknown, r) => `${targetValueText(r)} ${unit}`.trim() },
        { title: t("indicators.fields.bound"), dataIndex: "bound", render: (b: TargetBound) => t(`indicators.bound.${b}`) },
        { title: t("indicators.fields.original"), dataIndex: "original", render: (o: string | null) => o ?? "—" },
        {
          title: t("indicators.fields.source"),
          key: "s",
          render: (_: unknown, r) =>
            r.sourceLine !== null || r.quote ? (
              <Tooltip title={r.quote ? `“${r.quote}”` : undefined}>
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {r.sourceLine !== null ? planCitation(r.sourceLine, currentLang()) : t("indicators.quoteShort")}{" "}
                  {r.quote && <InfoCircleOutlined aria-hidden />}
                </Typography.Text>
              </Tooltip>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}

interface MetadataSubject {
  code: string;
  targetNo: string | null;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  direction: Direction;
  valueSource: ValueSource;
  statementVi: string | null;
  definitionVi: string | null;
  definitionEn: string | null;
  notes: string | null;
  baselineDetail: Baseline | null;
  targets: Target[];
  computation?: string | null;
  consolidation?: { formCode: string; cellKey: string } | null;
}

export function unitOf(ind: { unitVi: string; unitEn: string }, en: boolean) {
  return en ? ind.unitEn : ind.unitVi;
}

export function nameOf(ind: { nameVi: string; nameEn: string }, en: boolean) {
  return en ? ind.nameEn : ind.nameVi;
}

/** Definition, unit, direction, baseline with source, targets, how the values arrive. */
export function IndicatorMetadata({ ind }: { ind: MetadataSubject }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const unit = unitOf(ind, en);
  const definition = en ? (ind.definitionEn ?? ind.definitionVi) : (ind.definitionVi ?? ind.definitionEn);
  const sourceDetail =
    ind.valueSource === "computed" && ind.computation
      ? t("indicators.computedBy", { name: ind.computation })
      : ind.valueSource === "consolidated" && ind.consolidation
        ? t("indicators.consolidatedFrom", { form: ind.consolidation.formCode, cell: ind.consolidation.cellKey })
        : null;
  return (
    <Card title={t("indicators.metadata")} className="chart-card">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: "code", label: t("indicators.fields.code"), children: <Typography.Text code>{ind.code}</Typography.Text> },
          { key: "targetNo", label: t("indicators.fields.targetNo"), children: ind.targetNo ?? "—" },
          { key: "name", label: t("indicators.fields.name"), children: en ? ind.nameEn : ind.nameVi },
          ...(ind.statementVi
            ? [{ key: "statement", label: t("indicators.fields.statementVi"), children: <Typography.Text italic>“{ind.statementVi}”</Typography.Text> }]
            : []),
          {
            key: "definition",
            label: t("indicators.fields.definition"),
            children: definition ? <span style={{ whiteSpace: "pre-wrap" }}>{definition}</span> : "—",
          },
          { key: "unit", label: t("indicators.fields.unit"), children: unit },
          { key: "direction", label: t("indicators.fields.direction"), children: directionText(t, ind.direction) },
          { key: "baseline", label: t("indicators.fields.baseline"), children: <BaselineText baseline={ind.baselineDetail} unit={unit} /> },
          {
            key: "valueSource",
            label: t("indicators.fields.valueSource"),
            children: (
              <Space wrap>
                <ValueSourceTag source={ind.valueSource} />
                {sourceDetail && <Typography.Text type="secondary">{sourceDetail}</Typography.Text>}
              </Space>
            ),
          },
          ...(ind.notes ? [{ key: "notes", label: t("indicators.fields.notes"), children: <span style={{ whiteSpace: "pre-wrap" }}>{ind.notes}</span> }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("indicators.targets")}
      </Typography.Title>
      <TargetsTable targets={ind.targets} unit={unit} />
    </Card>
  );
}

/** A short note under the chart: what the dashed line is. */
export function ChartNote() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ margin: "8px 4px 0" }}>
      <InfoCircleOutlined aria-hidden /> {t("indicators.chart.note")}
    </Typography.Paragraph>
  );
}
