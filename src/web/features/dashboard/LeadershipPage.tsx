// Leadership dashboard (bảng điều hành): the plan's indicators with their progress status, tasks and money, the S&T
// budget against the 2%-of-spending target, and statistical-reporting completeness — each block links to its data.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { LeadershipDashboard } from "../../../common/api/leadership";
import { api } from "../../app/api";
import { formatNumber } from "../../app/format";
import { Chart } from "../../components/Chart";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { StatusTag } from "../indicators/indicator-ui";

type Data = LeadershipDashboard;
const BILLION = 1_000_000_000;

export function LeadershipPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ["dashboard", "leadership"], queryFn: () => api.get<Data>("/dashboard/leadership") });
  return (
    <>
      <PageHeader title={t("leadership.title")} subtitle={t("leadership.subtitle")} />
      {q.isPending ? (
        <Card>
          <LoadingState rows={12} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Content data={q.data} />
      )}
    </>
  );
}

/** The leadership dashboard's key figures (indicators with a status, tasks, city money paid out, reports approved); the
 * leader's home shows them too. */
export function LeadershipFigures({ data }: { data: Data }) {
  const { t } = useTranslation();
  const r = data.reporting;
  const withStatus = data.indicators.items.filter((i) => i.status !== null).length;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <Card>
          <Link to="/indicators" data-testid="leadership-indicators">
            <Statistic
              title={t("leadership.indicatorsWithStatus")}
              value={withStatus}
              suffix={`/ ${formatNumber(data.indicators.items.length)}`}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Link>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card>
          <Link to="/tasks">
            <Statistic title={t("leadership.tasks")} value={data.tasks.total} formatter={(v) => formatNumber(Number(v))} />
          </Link>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card>
          <Link to="/contracts">
            <Statistic
              title={t("leadership.disbursed")}
              value={data.tasks.disbursedCity / BILLION}
              suffix={t("leadership.billion")}
              formatter={(v) => formatNumber(Number(v), 3)}
            />
          </Link>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card>
          {r.periodId ? (
            <Link to={`/statistics/periods/${r.periodId}`} data-testid="leadership-reporting">
              <Statistic
                title={t("leadership.reportsApproved", { period: r.periodName ?? "" })}
                value={r.approved}
                suffix={`/ ${formatNumber(r.assigned)}`}
                formatter={(v) => formatNumber(Number(v))}
              />
            </Link>
          ) : (
            <Statistic title={t("leadership.reportsApproved", { period: "" })} value="—" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function Content({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const r = data.reporting;
  const pct = (n: number) => (r.assigned ? Math.round((n / r.assigned) * 100) : 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <LeadershipFigures data={data} />

      <Card title={t("leadership.indicatorsTitle")} extra={<Link to="/indicators">{t("leadership.allIndicators")}</Link>}>
        <Space wrap style={{ marginBottom: 12 }}>
          {data.indicators.byStatus.map((s) => (
            <span key={s.status ?? "none"} data-testid={`status-count-${s.status ?? "none"}`}>
              <StatusTag status={s.status} /> {formatNumber(s.count)}
            </span>
          ))}
        </Space>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={data.indicators.items}
          columns={[
            { title: t("leadership.indicator"), key: "name", render: (_: unknown, i) => <Link to={`/indicators/${i.id}`}>{en ? i.nameEn : i.nameVi}</Link> },
            { title: t("leadership.status"), key: "status", width: 190, render: (_: unknown, i) => <StatusTag status={i.status} /> },
            {
              title: t("leadership.latest"),
              key: "latest",
              width: 190,
              render: (_: unknown, i) => (i.latest ? `${formatNumber(i.latest.value)} ${en ? i.unitEn : i.unitVi} (${i.latest.year})` : "—"),
            },
            {
              title: t("leadership.target"),
              key: "target",
              width: 190,
              render: (_: unknown, i) =>
                i.target && i.target.value !== null
                  ? `${formatNumber(i.target.value)} ${en ? i.unitEn : i.unitVi}${i.target.year ? ` (${i.target.year})` : ""}`
                  : "—",
            },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t("leadership.budgetTitle", { pct: formatNumber(data.budget.targetSharePct) })}
            extra={<Link to="/funding-plans">{t("leadership.fundingPlan")}</Link>}
          >
            <BudgetChart data={data} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("leadership.tasksTitle")} extra={<Link to="/task-analytics">{t("leadership.analytics")}</Link>}>
            {data.tasks.total === 0 ? (
              <EmptyState />
            ) : (
              <Chart
                label={t("leadership.tasksTitle")}
                height={260}
                option={{
                  tooltip: { trigger: "axis" },
                  grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: "value" },
                  yAxis: { type: "category", inverse: true, data: data.tasks.byStatusGroup.map((g) => t(`taskAnalytics.groups.${g.group}`)) },
                  series: [{ type: "bar", data: data.tasks.byStatusGroup.map((g) => g.count) }],
                }}
              />
            )}
            <Row gutter={16}>
              <Col span={12}>
                <Statistic
                  title={t("leadership.approvedCity")}
                  value={data.tasks.approvedCity / BILLION}
                  suffix={t("leadership.billion")}
                  formatter={(v) => formatNumber(Number(v), 3)}
                />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t("leadership.approvedOther")}
                  value={data.tasks.approvedOther / BILLION}
                  suffix={t("leadership.billion")}
                  formatter={(v) => formatNumber(Number(v), 3)}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>

      <Card title={t("leadership.reportingTitle")} extra={r.periodId ? <Link to={`/statistics/periods/${r.periodId}`}>{r.periodName}</Link> : null}>
        {r.periodId ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Typography.Text>{t("leadership.submitted")}</Typography.Text>
              <Progress
                aria-label={t("leadership.submitted")}
                percent={pct(r.submitted)}
                format={() => `${formatNumber(r.submitted)}/${formatNumber(r.assigned)}`}
              />
            </Col>
            <Col xs={24} md={8}>
              <Typography.Text>{t("leadership.approved")}</Typography.Text>
              <Progress
                aria-label={t("leadership.approved")}
                percent={pct(r.approved)}
                status="success"
                format={() => `${formatNumber(r.approved)}/${formatNumber(r.assigned)}`}
              />
            </Col>
            <Col xs={24} md={8}>
              <Space>
                <Tag color="green">{t("leadership.onTime", { n: formatNumber(r.onTime) })}</Tag>
                <Tag color={r.overdue ? "red" : "default"}>{t("leadership.overdue", { n: formatNumber(r.overdue) })}</Tag>
              </Space>
            </Col>
          </Row>
        ) : (
          <EmptyState />
        )}
      </Card>
    </Space>
  );
}

function BudgetChart({ data }: { data: Data }) {
  const { t } = useTranslation();
  const years = data.budget.years;
  if (!years.length) return <EmptyState />;
  return (
    <Chart
      label={t("leadership.budgetTitle", { pct: formatNumber(data.budget.targetSharePct) })}
      height={300}
      option={{
        tooltip: { trigger: "axis", valueFormatter: (v) => (v === null || v === undefined ? "—" : formatNumber(Number(v))) },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: "category", data: years.map((y) => String(y.year)) },
        yAxis: { type: "value", name: t("leadership.billion") },
        series: [
          { type: "bar", name: t("leadership.series.actual"), data: years.map((y) => y.cityStBudget) },
          { type: "bar", name: t("leadership.series.planned"), data: years.map((y) => y.plannedCityStBudget) },
          { type: "bar", name: t("leadership.series.target", { pct: formatNumber(data.budget.targetSharePct) }), data: years.map((y) => y.targetCityStBudget) },
        ],
      }}
    />
  );
}
