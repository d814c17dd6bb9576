// The registries in figures (moved from the home page): counts and charts from GET /dashboard/summary, labelled from
// the reference lists.
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Statistic } from "antd";
import { ApartmentOutlined, BankOutlined, ExperimentOutlined, ReadOutlined, StarOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import type { CodeListKey } from "../../../common/reference";
import type { DashboardSummary } from "../../../common/api/dashboard";
import { api } from "../../app/api";
import { formatNumber } from "../../app/format";
import { Chart } from "../../components/Chart";
import { useCodes } from "../../components/reference";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";

type CodeCount = DashboardSummary["peopleByDegree"][number];

export function RegistryStatsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ["dashboard", "summary"], queryFn: () => api.get<DashboardSummary>("/dashboard/summary") });

  return (
    <>
      <PageHeader title={t("dashboard.title")} />
      {q.isPending ? (
        <Card>
          <LoadingState rows={10} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <DashboardContent data={q.data} />
      )}
    </>
  );
}

function DashboardContent({ data }: { data: DashboardSummary }) {
  const { t } = useTranslation();
  const c = data.counts;
  const stats: { key: keyof DashboardSummary["counts"]; icon: ReactNode }[] = [
    { key: "people", icon: <TeamOutlined aria-hidden /> },
    { key: "doctorates", icon: <ReadOutlined aria-hidden /> },
    { key: "experts", icon: <StarOutlined aria-hidden /> },
    { key: "organisations", icon: <BankOutlined aria-hidden /> },
    { key: "universities", icon: <ApartmentOutlined aria-hidden /> },
    { key: "laboratories", icon: <ExperimentOutlined aria-hidden /> },
  ];
  return (
    <>
      <Row gutter={[16, 16]} className="stat-row">
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={8} xl={4}>
            <Card className="stat-card">
              <Statistic
                title={t(`dashboard.counts.${s.key}`)}
                value={c[s.key]}
                prefix={
                  <span className="stat-icon" aria-hidden>
                    {s.icon}
                  </span>
                }
                formatter={(v) => formatNumber(Number(v))}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <CodeBarCard title={t("dashboard.charts.peopleByDegree")} list="degree" data={data.peopleByDegree} />
        </Col>
        <Col xs={24} xl={12}>
          <CodePieCard title={t("dashboard.charts.peopleByField")} list="field" data={data.peopleByField} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <CodePieCard title={t("dashboard.charts.peopleByGender")} list="gender" data={data.peopleByGender} donut={false} />
        </Col>
        <Col xs={24} md={12} xl={16}>
          <AgeCard data={data.peopleByAgeGroup} />
        </Col>
        <Col xs={24} xl={12}>
          <CodeBarCard title={t("dashboard.charts.organisationsByType")} list="org_type" data={data.organisationsByType} horizontal />
        </Col>
        <Col xs={24} xl={12}>
          <CodeBarCard title={t("dashboard.charts.organisationsByDistrict")} list="district" data={data.organisationsByDistrict} horizontal />
        </Col>
      </Row>
    </>
  );
}

function useLabels(list: CodeListKey, data: CodeCount[]) {
  const { t } = useTranslation();
  const { labelOf } = useCodes(list);
  return data.map((d) => ({ name: d.code ? labelOf(d.code) : t("dashboard.unknown"), value: d.count }));
}

const tooltipNumber = (v: unknown) => formatNumber(Number(v));

function CodeBarCard({ title, list, data, horizontal }: { title: string; list: CodeListKey; data: CodeCount[]; horizontal?: boolean }) {
  const items = useLabels(list, data);
  const { t } = useTranslation();
  const names = items.map((i) => i.name);
  const values = items.map((i) => i.value);
  const category = {
    type: "category" as const,
    data: horizontal ? [...names].reverse() : names,
    axisLabel: { interval: 0, width: horizontal ? 160 : 90, overflow: "truncate" as const },
  };
  const value = { type: "value" as const, axisLabel: { formatter: (v: number) => formatNumber(v) } };
  return (
    <Card title={title} className="chart-card">
      {items.length === 0 ? (
        <EmptyState description={t("dashboard.noData")} />
      ) : (
        <Chart
          label={title}
          height={horizontal ? Math.max(260, items.length * 30 + 40) : 300}
          option={{
            tooltip: { trigger: "axis", valueFormatter: tooltipNumber },
            grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
            xAxis: horizontal ? value : category,
            yAxis: horizontal ? category : value,
            series: [
              {
                type: "bar",
                data: horizontal ? [...values].reverse() : values,
                barMaxWidth: 36,
                itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
              },
            ],
          }}
        />
      )}
    </Card>
  );
}

function CodePieCard({ title, list, data, donut = true }: { title: string; list: CodeListKey; data: CodeCount[]; donut?: boolean }) {
  const items = useLabels(list, data);
  const { t } = useTranslation();
  return (
    <Card title={title} className="chart-card">
      {items.length === 0 ? (
        <EmptyState description={t("dashboard.noData")} />
      ) : (
        <Chart
          label={title}
          option={{
            tooltip: { trigger: "item", valueFormatter: tooltipNumber },
            legend: { type: "scroll", orient: "vertical", right: 0, top: "middle" },
            series: [
              {
                type: "pie",
                radius: donut ? ["42%", "70%"] : "70%",
                center: ["35%", "50%"],
                label: { show: false },
                data: items,
              },
            ],
          }}
        />
      )}
    </Card>
  );
}

function AgeCard({ data }: { data: DashboardSummary["peopleByAgeGroup"] }) {
  const { t } = useTranslation();
  const title = t("dashboard.charts.peopleByAge");
  return (
    <Card title={title} className="chart-card">
      {data.every((d) => d.count === 0) ? (
        <EmptyState description={t("dashboard.noData")} />
      ) : (
        <Chart
          label={title}
          option={{
            tooltip: { trigger: "axis", valueFormatter: tooltipNumber },
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            xAxis: { type: "category", data: data.map((d) => t(`dashboard.age.${d.group}`)) },
            yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
            series: [{ type: "bar", data: data.map((d) => d.count), barMaxWidth: 40, itemStyle: { borderRadius: [4, 4, 0, 0] } }],
          }}
        />
      )}
    </Card>
  );
}
