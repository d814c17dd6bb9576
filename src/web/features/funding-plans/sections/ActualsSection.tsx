// Actual allocations: the chart of the money allocated per year against the plan and the 2%-of-spending target, the
// tracking table, and the actuals recorded per year — record, correct (version-checked) and delete as each row's
// abilities allow.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { EChartsOption } from "echarts";
import type { Actual, TrackingRow } from "../../../../common/api/funding-plan";
import { formatDateTime, formatNumber } from "../../../app/format";
import { Chart } from "../../../components/Chart";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { ActualDialog } from "../dialogs/ActualDialog";
import { BILLION, num } from "../funding-plan-ui";
import { fundingPlansApi, trackingQuery, useActualsCommand } from "../funding-plans-api";

export function ActualsSection() {
  const { t } = useTranslation();
  const q = useQuery(trackingQuery());
  const command = useActualsCommand();
  const [editing, setEditing] = useState<string | "new" | null>(null);

  if (q.isPending)
    return (
      <Card>
        <LoadingState rows={8} />
      </Card>
    );
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const data = q.data;
  const remove = (a: Actual) => command.run(() => fundingPlansApi.deleteActual(a.id, a.version), "fundingPlans.actual.deleted");
  // the dialog reads the row from the loaded tracking: after a 409 it gets the current version
  const edited = editing && editing !== "new" ? data.actuals.find((a) => a.id === editing) : undefined;

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
                        onClick={() => setEditing(a.id)}
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
      {editing === "new" && <ActualDialog actual={null} onClose={() => setEditing(null)} />}
      {edited && <ActualDialog actual={edited} onClose={() => setEditing(null)} />}
    </Space>
  );
}
