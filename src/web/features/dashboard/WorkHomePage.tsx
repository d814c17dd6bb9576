// Home page, "Việc của tôi": what waits for the signed-in user (GET /me/work), counted per next action and ordered by
// urgency (overdue first, then the nearest deadline, then the longest waiting). Each row names the record, the next
// action as a link to the page where it is taken, since when it waits and its deadline (overdue in red). The filter by
// next action lives in the URL. A leader also sees the leadership dashboard's key figures.
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { ClockCircleOutlined, InboxOutlined, WarningOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { MyWork, WorkItem } from "../../../common/api/work";
import type { LeadershipDashboard } from "../../../common/api/leadership";
import { api } from "../../app/api";
import { formatDate, formatNumber } from "../../app/format";
import { useSession } from "../../app/session";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { LeadershipFigures } from "./LeadershipPage";

export const myWorkQuery = () => ({ queryKey: ["me", "work"], queryFn: () => api.get<MyWork>("/me/work") });

const groupKey = (i: Pick<WorkItem, "source" | "action">) => `${i.source}:${i.action}`;

export function WorkHomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const q = useQuery(myWorkQuery());
  const showFigures = !!me?.roles.includes("leader") && !!me?.can?.dashboard?.leadership;
  return (
    <>
      <PageHeader title={t("work.title")} subtitle={t("dashboard.welcome", { name: me?.fullName ?? me?.displayName ?? "" })} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {showFigures && <KeyFigures />}
        {q.isPending ? (
          <Card>
            <LoadingState rows={8} />
          </Card>
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <WorkContent data={q.data} />
        )}
      </Space>
    </>
  );
}

function KeyFigures() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ["dashboard", "leadership"], queryFn: () => api.get<LeadershipDashboard>("/dashboard/leadership") });
  return (
    <Card title={t("work.keyIndicators")} extra={<Link to="/leadership">{t("work.openLeadership")}</Link>}>
      {q.isPending ? (
        <LoadingState rows={2} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <LeadershipFigures data={q.data} />
      )}
    </Card>
  );
}

/** Whole Vietnam days between two ISO days. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** The Vietnam day of an instant. */
const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

function WorkContent({ data }: { data: MyWork }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [sp, setSp] = useSearchParams();
  const selected = sp.get("action");
  const items = selected ? data.items.filter((i) => groupKey(i) === selected) : data.items;
  const several = data.roles.length > 1;
  const choose = (k: string | null) => setSp(k ? new URLSearchParams({ action: k }) : new URLSearchParams(), { replace: true });
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("work.total")} value={data.total} prefix={<InboxOutlined aria-hidden />} formatter={(v) => formatNumber(Number(v))} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t("work.overdue")}
              value={data.overdue}
              prefix={<WarningOutlined aria-hidden />}
              valueStyle={data.overdue ? { color: "#cf1322" } : undefined}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t("work.byAction")}>
        {data.total === 0 ? (
          <EmptyState description={t("work.empty")} />
        ) : (
          <>
            <Space wrap role="group" aria-label={t("work.filterLabel")} style={{ marginBottom: 12 }} data-testid="work-groups">
              <Tag.CheckableTag checked={!selected} onChange={() => choose(null)}>
                {t("work.all")} ({formatNumber(data.total)})
              </Tag.CheckableTag>
              {data.groups.map((g) => (
                <Tag.CheckableTag key={groupKey(g)} checked={selected === groupKey(g)} onChange={(on) => choose(on ? groupKey(g) : null)}>
                  {en ? g.actionEn : g.actionVi} ({formatNumber(g.count)}
                  {g.overdue ? ` · ${t("work.overdue").toLocaleLowerCase()} ${formatNumber(g.overdue)}` : ""})
                </Tag.CheckableTag>
              ))}
            </Space>
            <Table<WorkItem>
              size="small"
              rowKey="key"
              dataSource={items}
              pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("work.emptyFiltered") }}
              rowClassName={(i) => (i.overdue ? "work-overdue" : "")}
              columns={[
                {
                  title: t("work.action"),
                  key: "action",
                  render: (_, i) => (
                    <Link to={i.href} data-testid="work-action">
                      {en ? i.actionEn : i.actionVi}
                    </Link>
                  ),
                },
                {
                  title: t("work.record"),
                  key: "record",
                  width: 420,
                  render: (_, i) => (
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="secondary">
                        {t(`work.source.${i.source}`)}
                        {i.recordCode ? ` · ${i.recordCode}` : ""}
                      </Typography.Text>
                      <span>{i.recordTitle}</span>
                    </Space>
                  ),
                },
                ...(several ? [{ title: t("work.role"), key: "role", render: (_: unknown, i: WorkItem) => t(`roles.${i.role}`) }] : []),
                {
                  title: t("work.waitingSince"),
                  key: "since",
                  render: (_, i) => {
                    if (!i.waitingSince) return null;
                    const n = daysBetween(vnDay(i.waitingSince), data.today);
                    return (
                      <span>
                        {formatDate(i.waitingSince)}{" "}
                        <Typography.Text type="secondary">
                          <ClockCircleOutlined aria-hidden /> {n > 0 ? t("work.waitingDays", { count: n }) : t("work.waitingToday")}
                        </Typography.Text>
                      </span>
                    );
                  },
                },
                {
                  title: t("work.deadline"),
                  key: "deadline",
                  render: (_, i) =>
                    i.deadline ? (
                      i.overdue ? (
                        <Tag color="red" icon={<WarningOutlined aria-hidden />}>
                          {formatDate(i.deadline)} · {t("work.overdueTag")}
                        </Tag>
                      ) : (
                        formatDate(i.deadline)
                      )
                    ) : null,
                },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
