// Input series (population, GDP, city budget spending…): the figures indicators and the funding plan are computed
// from, a value per year with its provenance and an "estimate" mark (derived or projected rather than official).
// Staff enter, correct (version-checked) and delete values through `useSeriesCommand` (indicator-api.ts).
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { seriesValueInput, type Series, type SeriesValue } from "../../../common/api/indicator";
import { formatDateTime, formatNumber } from "../../app/format";
import { Chart } from "../../components/Chart";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { indicatorsApi, seriesQuery, useSeriesCommand } from "./indicator-api";
import { YearValueModal } from "./YearValueModal";

export function SeriesPage() {
  const { t } = useTranslation();
  const q = useQuery(seriesQuery());
  return (
    <>
      <PageHeader title={t("indicators.series.title")} subtitle={t("indicators.series.subtitle")} back="/indicators" />
      {q.isPending ? (
        <Card>
          <LoadingState rows={8} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <EmptyState description={t("indicators.series.none")} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          {q.data.map((s) => (
            <SeriesCard key={s.key} series={s} />
          ))}
        </Space>
      )}
    </>
  );
}

function SeriesCard({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const command = useSeriesCommand();
  const [editing, setEditing] = useState<{ year?: number } | null>(null);
  const unit = en ? series.unitEn : series.unitVi;
  const name = en ? series.nameEn : series.nameVi;
  const remove = (v: SeriesValue) => command.run(() => indicatorsApi.deleteSeriesValue(series.key, v.year, v.version), "indicators.values.deleted");
  const canEnter = series.abilities.enterValues;
  const values = [...series.values].sort((a, b) => a.year - b.year);
  return (
    <Card
      title={
        <Space wrap>
          <span>{name}</span>
          <Tag variant="outlined">{series.key}</Tag>
          <Typography.Text type="secondary">{unit}</Typography.Text>
        </Space>
      }
      className="chart-card"
      data-series={series.key}
      extra={
        canEnter && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
            {t("indicators.values.add")}
          </Button>
        )
      }
    >
      {(en ? series.descriptionEn : series.descriptionVi) && (
        <Typography.Paragraph type="secondary">{en ? series.descriptionEn : series.descriptionVi}</Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={values.length > 1 ? 14 : 24}>
          <Table<SeriesValue>
            size="small"
            rowKey={(v) => String(v.year)}
            dataSource={[...values].reverse()}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t("indicators.values.none") }}
            columns={[
              { title: t("indicators.fields.year"), dataIndex: "year", width: 70 },
              { title: t("indicators.fields.value"), dataIndex: "value", align: "right", render: (v: number) => formatNumber(v) },
              {
                title: t("indicators.values.source"),
                dataIndex: "source",
                render: (s: string, v) => (
                  <span style={{ whiteSpace: "pre-wrap" }}>
                    {v.estimate && <Tag color="orange">{t("indicators.series.estimate")}</Tag>}
                    {s}
                  </span>
                ),
              },
              { title: t("indicators.values.note"), dataIndex: "note", render: (n: string | null) => n ?? "" },
              { title: t("common.updatedAt"), dataIndex: "updatedAt", render: (d: string) => formatDateTime(d) },
              ...(canEnter
                ? [
                    {
                      title: <span className="sr-only">{t("list.actions")}</span>,
                      key: "actions",
                      render: (_: unknown, v: SeriesValue) => (
                        <Space size={4}>
                          <Button
                            size="small"
                            icon={<EditOutlined aria-hidden />}
                            aria-label={t("indicators.values.editYear", { year: v.year })}
                            onClick={() => setEditing({ year: v.year })}
                          />
                          <Popconfirm
                            title={t("indicators.values.confirmDelete", { year: v.year })}
                            okText={t("common.delete")}
                            cancelText={t("common.cancel")}
                            onConfirm={() => remove(v)}
                          >
                            <Button
                              size="small"
                              danger
                              icon={<DeleteOutlined aria-hidden />}
                              aria-label={t("indicators.values.deleteYear", { year: v.year })}
                            />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        {values.length > 1 && (
          <Col xs={24} lg={10}>
            <Chart
              label={name}
              height={240}
              option={{
                tooltip: { trigger: "axis", valueFormatter: (v) => `${formatNumber(Number(v))} ${unit}` },
                grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                xAxis: { type: "category", data: values.map((v) => String(v.year)) },
                yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
                series: [{ type: "bar", data: values.map((v) => ({ value: v.value, itemStyle: v.estimate ? { opacity: 0.5 } : undefined })), barMaxWidth: 28 }],
              }}
            />
          </Col>
        )}
      </Row>
      {editing && (
        <YearValueModal
          year={editing.year}
          values={series.values}
          command={command}
          save={(y, body) => indicatorsApi.saveSeriesValue(series.key, y, body)}
          unit={en ? series.unitEn : series.unitVi}
          schema={seriesValueInput}
          withEstimate
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
