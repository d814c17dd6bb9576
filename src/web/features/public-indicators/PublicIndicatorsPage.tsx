// The published indicators of the plan, for everyone (no sign-in): a list with status and latest value against the
// target, and one indicator's page with the same chart, status explanation and metadata as inside, plus its open
// data (JSON, CSV). Outside the signed-in frame, reachable from the sign-in page. Unpublished indicators are not
// served by the API (404).
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Flex, Input, Row, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { ArrowLeftOutlined, FileExcelOutlined, FileTextOutlined, CodeOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { PublicIndicator, PublicIndicatorItem } from "../../../common/api/indicator";
import { PROGRESS_STATUSES } from "../../../common/indicators/progress";
import { api, errorMessage, type ListResult } from "../../app/api";
import { formatDate, formatNumber } from "../../app/format";
import { PublicFrame } from "../../components/PublicFrame";
import { ErrorState } from "../../components/states";
import { publicIndicatorApi } from "./public-indicators-api";
import {
  ChartNote,
  IndicatorChartCard,
  IndicatorMetadata,
  LatestVsTarget,
  StatusExplanation,
  StatusTag,
  TARGET_NOS,
  nameOf,
  unitOf,
} from "../indicators/indicator-ui";

export const PUBLIC_INDICATORS_PATH = "/public/indicators";

export function PublicIndicatorsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [sp, setSp] = useSearchParams();
  const query = {
    q: sp.get("q") ?? undefined,
    status: sp.get("status") ?? undefined,
    targetNo: sp.get("targetNo") ?? undefined,
    page: Number(sp.get("page") ?? 1) || 1,
    pageSize: 50,
  };
  const q = useQuery({
    queryKey: ["public-indicators", query],
    queryFn: () => api.get<ListResult<PublicIndicatorItem>>(publicIndicatorApi.list, query),
  });
  const set = (k: string, v: string | number | null | undefined) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (v === null || v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
      if (k !== "page") next.delete("page");
      return next;
    });
  return (
    <PublicFrame home={PUBLIC_INDICATORS_PATH}>
      <Typography.Paragraph type="secondary">{t("publicIndicators.intro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t("indicators.searchPlaceholder")}
            aria-label={t("indicators.search")}
            onSearch={(v) => set("q", v.trim())}
            style={{ width: 320 }}
          />
          <Select
            allowClear
            aria-label={t("indicators.fields.status")}
            placeholder={t("indicators.fields.status")}
            value={query.status}
            onChange={(v) => set("status", v)}
            style={{ width: 220 }}
            options={[
              ...PROGRESS_STATUSES.map((s) => ({ value: s as string, label: t(`indicators.status.${s}`) })),
              { value: "none", label: t("indicators.status.none") },
            ]}
          />
          <Select
            allowClear
            aria-label={t("indicators.fields.targetNo")}
            placeholder={t("indicators.fields.targetNo")}
            value={query.targetNo}
            onChange={(v) => set("targetNo", v)}
            style={{ width: 160 }}
            options={TARGET_NOS.map((n) => ({ value: n, label: n }))}
          />
        </Flex>
      </Card>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : (
        <Table<PublicIndicatorItem>
          rowKey={(r) => r.code}
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: q.isPending ? <span /> : t("publicIndicators.none") }}
          pagination={{
            current: q.data?.page ?? 1,
            pageSize: q.data?.pageSize ?? 50,
            total: q.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set("page", p),
            hideOnSinglePage: true,
          }}
          columns={[
            { title: t("indicators.fields.targetNo"), dataIndex: "targetNo", width: 90, render: (n: string | null) => n ?? "—" },
            {
              title: t("indicators.fields.name"),
              key: "name",
              render: (_: unknown, r) => <Link to={`${PUBLIC_INDICATORS_PATH}/${r.code}`}>{nameOf(r, en)}</Link>,
            },
            {
              title: t("indicators.latestVsTarget"),
              key: "latest",
              render: (_: unknown, r) => <LatestVsTarget latest={r.latest} target={r.target} unit={unitOf(r, en)} />,
            },
            { title: t("indicators.fields.status"), key: "status", render: (_: unknown, r) => <StatusTag status={r.status} reason={r.statusReason} /> },
          ]}
        />
      )}
      {q.data && <Typography.Text type="secondary">{t("publicIndicators.count", { count: q.data.total, n: formatNumber(q.data.total) })}</Typography.Text>}
    </PublicFrame>
  );
}

export function PublicIndicatorPage() {
  const { code = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const q = useQuery({ queryKey: ["public-indicators", "one", code], queryFn: () => api.get<PublicIndicator>(publicIndicatorApi.one(code)), retry: false });
  return (
    <PublicFrame home={PUBLIC_INDICATORS_PATH}>
      <Link className="page-back" to={PUBLIC_INDICATORS_PATH}>
        <ArrowLeftOutlined aria-hidden /> {t("publicIndicators.back")}
      </Link>
      {q.isError ? (
        <ErrorState error={q.error} />
      ) : q.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <>
          <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
            <div>
              <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
                {nameOf(q.data, en)}
              </Typography.Title>
              <Space wrap>
                {q.data.targetNo && <Tag>{t("indicators.targetNoLabel", { no: q.data.targetNo })}</Tag>}
                <StatusTag status={q.data.status} reason={q.data.statusReason} />
                {q.data.publishedAt && (
                  <Typography.Text type="secondary">{t("publicIndicators.publishedAt", { date: formatDate(q.data.publishedAt) })}</Typography.Text>
                )}
              </Space>
            </div>
            <Space wrap>
              <Button href={publicIndicatorApi.dataXlsx(q.data.code)} download icon={<FileExcelOutlined aria-hidden />}>
                {t("indicators.downloadXlsx")}
              </Button>
              <Button href={publicIndicatorApi.dataCsv(q.data.code)} download icon={<FileTextOutlined aria-hidden />}>
                {t("indicators.downloadCsv")}
              </Button>
              <Button href={publicIndicatorApi.dataJson(q.data.code)} download icon={<CodeOutlined aria-hidden />}>
                {t("publicIndicators.downloadJson")}
              </Button>
            </Space>
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                <div>
                  <IndicatorChartCard chart={q.data.chart} unit={unitOf(q.data, en)} name={nameOf(q.data, en)} />
                  <ChartNote />
                </div>
                <Card title={t("indicators.values.title")} className="chart-card">
                  <Table
                    size="small"
                    rowKey={(v) => `${v.year}-${v.origin}`}
                    pagination={false}
                    dataSource={[...q.data.values].sort((a, b) => b.year - a.year)}
                    locale={{ emptyText: t("indicators.values.none") }}
                    columns={[
                      { title: t("indicators.fields.year"), dataIndex: "year", width: 80 },
                      {
                        title: t("indicators.fields.value"),
                        dataIndex: "value",
                        align: "right",
                        render: (v: number) => `${formatNumber(v)} ${unitOf(q.data, en)}`,
                      },
                      { title: t("indicators.values.source"), dataIndex: "source" },
                      { title: t("indicators.values.note"), dataIndex: "note", render: (n: string | null) => n ?? "" },
                    ]}
                  />
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                <StatusExplanation detail={q.data.statusDetail} direction={q.data.direction} unit={unitOf(q.data, en)} />
                <IndicatorMetadata ind={q.data} />
              </Space>
            </Col>
          </Row>
        </>
      )}
    </PublicFrame>
  );
}
