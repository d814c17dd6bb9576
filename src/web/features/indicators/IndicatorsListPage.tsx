// The plan's indicators: status tags, latest value against the target, filters by status / target number /
// published / value source, search, csv/xlsx export (the shared list pattern).
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Space, Tag } from "antd";
import { LineChartOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PROGRESS_STATUSES, VALUE_SOURCES, type IndicatorListItem } from "../../../common/api/indicator";
import { useSession } from "../../app/session";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { indicatorApi } from "./indicator-api";
import { indicatorAccess } from "./indicator-access";
import { LatestVsTarget, StatusTag, TARGET_NOS, ValueSourceTag, nameOf, unitOf } from "./indicator-ui";

export function IndicatorsListPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { me } = useSession();
  const navigate = useNavigate();
  const config = useMemo<ListConfig<IndicatorListItem>>(
    () => ({
      resource: "indicators",
      endpoint: indicatorApi.list,
      rowKey: (r) => r.id,
      rowHref: (r) => `/indicators/${r.id}`,
      searchLabel: t("indicators.search"),
      searchPlaceholder: t("indicators.searchPlaceholder"),
      exportEndpoint: indicatorAccess.export(me) ? indicatorApi.export : undefined,
      exportBaseName: "chi-tieu",
      scrollX: false,
      filters: [
        {
          name: "status",
          label: t("indicators.fields.status"),
          kind: "options",
          options: [...PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`indicators.status.${s}`) })), { value: "none", label: t("indicators.status.none") }],
        },
        { name: "targetNo", label: t("indicators.fields.targetNo"), kind: "options", options: TARGET_NOS.map((n) => ({ value: n, label: n })) },
        {
          name: "published",
          label: t("indicators.fields.published"),
          kind: "options",
          options: [
            { value: "true", label: t("indicators.published.yes") },
            { value: "false", label: t("indicators.published.no") },
          ],
        },
        {
          name: "valueSource",
          label: t("indicators.fields.valueSource"),
          kind: "options",
          options: VALUE_SOURCES.map((s) => ({ value: s, label: t(`indicators.valueSource.${s}`) })),
        },
      ],
      columns: [
        { title: t("indicators.fields.targetNo"), dataIndex: "targetNo", sortKey: "targetNo", width: 90, render: (n: string | null) => n ?? "—" },
        {
          title: t("indicators.fields.name"),
          dataIndex: "nameVi",
          sortKey: "name",
          render: (_: string, r) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/indicators/${r.id}`}>{nameOf(r, en)}</Link>
              <Tag variant="outlined">{r.code}</Tag>
            </Space>
          ),
        },
        {
          title: t("indicators.latestVsTarget"),
          key: "latest",
          render: (_: unknown, r) => <LatestVsTarget latest={r.latest} target={r.target} unit={unitOf(r, en)} />,
        },
        {
          title: t("indicators.fields.status"),
          dataIndex: "status",
          sortKey: "status",
          render: (_: unknown, r) => <StatusTag status={r.status} reason={r.statusReason} />,
        },
        { title: t("indicators.fields.valueSource"), dataIndex: "valueSource", render: (_: unknown, r) => <ValueSourceTag source={r.valueSource} /> },
        {
          title: t("indicators.fields.published"),
          dataIndex: "published",
          render: (p: boolean) => (p ? <Tag color="green">{t("indicators.published.yes")}</Tag> : <Tag>{t("indicators.published.no")}</Tag>),
        },
      ],
      actions: (
        <>
          {indicatorAccess.series(me) && (
            <Button icon={<LineChartOutlined aria-hidden />} onClick={() => navigate("/indicators/series")}>
              {t("indicators.series.nav")}
            </Button>
          )}
          {indicatorAccess.create(me) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/indicators/new")}>
              {t("indicators.create")}
            </Button>
          )}
        </>
      ),
    }),

    [t, en, me, navigate],
  );
  return (
    <>
      <PageHeader title={t("indicators.title")} subtitle={t("indicators.subtitle")} />
      <ListView config={config} />
    </>
  );
}
