// A period per form: the reports' counts by status and timeliness, as a table and a stacked bar chart.
import { Card, Col, Row, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import type { Period, PeriodCounts } from "../../../../common/api/statistics";
import { formatNumber } from "../../../app/format";
import { Chart } from "../../../components/Chart";
import { pct, pick, useLang } from "../statistics-ui";

const STACK: { key: keyof PeriodCounts; colour: string }[] = [
  { key: "approved", colour: "#2a9d8f" },
  { key: "submitted", colour: "#0b4f8a" },
  { key: "returned", colour: "#e9a23b" },
  { key: "draft", colour: "#1d8ad1" },
  { key: "notStarted", colour: "#b0bec5" },
];

/** Per form: counts by status and timeliness, as a table and a stacked bar chart. */
export function ByFormSection({ period: p }: { period: Period }) {
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
