// One indicator: the chart of actual values against the target path and the baseline, the progress status with the
// method explained, the metadata (definition, unit, direction, baseline with source line and quote, targets, value
// source), the values per year with their provenance, csv/xlsx downloads. Staff enter values (version-checked), edit
// the definition and publish / unpublish it.
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Col, Popconfirm, Row, Space, Switch, Table, Tag, Tooltip, Typography, Card } from "antd";
import { DeleteOutlined, EditOutlined, FileExcelOutlined, FileTextOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { REGISTRY_COMPUTATIONS, indicatorValueInput, type Indicator, type IndicatorValue, type RegistryFigures } from "../../../common/api/indicator";
import { ApiError, api, download, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { RecordView } from "../../components/RecordView";
import { useSession } from "../../app/session";
import { indicatorApi } from "./indicator-api";
import { indicatorAccess } from "./indicator-access";
import { YearValueModal } from "./YearValueModal";
import { ChartNote, IndicatorChartCard, IndicatorMetadata, StatusExplanation, ValueSourceTag, nameOf, unitOf } from "./indicator-ui";

export const indicatorQuery = (id: string) => ({
  queryKey: ["indicators", "one", id],
  queryFn: () => api.get<Indicator>(indicatorApi.one(id)),
});

export function IndicatorDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const navigate = useNavigate();
  const { me } = useSession();
  const q = useQuery(indicatorQuery(id));
  return (
    <RecordView<Indicator>
      query={q}
      back="/indicators"
      title={(r) => nameOf(r, en)}
      subtitle={(r) => [r.targetNo ? t("indicators.targetNoLabel", { no: r.targetNo }) : null, r.code].filter(Boolean).join(" · ")}
      actions={(r) => (
        <>
          {r.abilities.export && <Downloads id={r.id} code={r.code} />}
          {(r.abilities.publish || indicatorAccess.publish(me)) && <PublishToggle ind={r} />}
          {r.abilities.edit && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => navigate(`/indicators/${r.id}/edit`)}>
              {t("indicators.editDefinition")}
            </Button>
          )}
        </>
      )}
    >
      {(r) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <div>
                <IndicatorChartCard chart={r.chart} unit={unitOf(r, en)} name={nameOf(r, en)} />
                <ChartNote />
              </div>
              <ValuesCard ind={r} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <StatusExplanation detail={r.statusDetail} direction={r.direction} unit={unitOf(r, en)} />
              <IndicatorMetadata ind={r} />
            </Space>
          </Col>
        </Row>
      )}
    </RecordView>
  );
}

function Downloads({ id, code }: { id: string; code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<"csv" | "xlsx" | null>(null);
  const get = async (format: "csv" | "xlsx") => {
    setBusy(format);
    try {
      const name = await download(indicatorApi.exportOne(id), { format }, `${code}.${format}`);
      message.success(t("list.exported", { name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<FileExcelOutlined aria-hidden />} loading={busy === "xlsx"} disabled={!!busy} onClick={() => get("xlsx")}>
        {t("indicators.downloadXlsx")}
      </Button>
      <Button icon={<FileTextOutlined aria-hidden />} loading={busy === "csv"} disabled={!!busy} onClick={() => get("csv")}>
        {t("indicators.downloadCsv")}
      </Button>
    </>
  );
}

function PublishToggle({ ind }: { ind: Indicator }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.post<Indicator>(ind.published ? indicatorApi.unpublish(ind.id) : indicatorApi.publish(ind.id), { version: ind.version }),
    onSuccess: async (r) => {
      message.success((r?.published ?? !ind.published) ? t("indicators.publishedNow") : t("indicators.unpublishedNow"));
      await qc.invalidateQueries({ queryKey: ["indicators"] });
    },
    onError: async (e) => {
      message.error(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) await qc.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
  return (
    <Popconfirm
      title={ind.published ? t("indicators.confirmUnpublish") : t("indicators.confirmPublish")}
      okText={t("common.confirm")}
      cancelText={t("common.cancel")}
      onConfirm={() => m.mutateAsync().catch(() => undefined)}
    >
      <span style={{ alignSelf: "center", display: "inline-flex", gap: 8, alignItems: "center", cursor: "pointer" }}>
        <Switch checked={ind.published} loading={m.isPending} aria-label={t("indicators.fields.published")} />
        <span>{ind.published ? t("indicators.published.yes") : t("indicators.published.no")}</span>
      </span>
    </Popconfirm>
  );
}

/** Staff recount the people-registry figures behind a computed indicator now instead of at the next upkeep run. */
function RecountButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => api.post<RegistryFigures>(indicatorApi.recount, {}),
    onSuccess: async (r) => {
      message.success(t("indicators.values.recounted", { total: formatNumber(r.workforce.total), postgraduate: formatNumber(r.workforce.postgraduate) }));
      await qc.invalidateQueries({ queryKey: ["indicators"] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Tooltip title={t("indicators.values.recountHint")}>
      <Button icon={<ReloadOutlined aria-hidden />} loading={m.isPending} onClick={() => m.mutate()}>
        {t("indicators.values.recount")}
      </Button>
    </Tooltip>
  );
}

function ValuesCard({ ind }: { ind: Indicator }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const unit = unitOf(ind, en);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ year?: number } | null>(null);
  const canEnter = ind.abilities.enterValues;
  const { me } = useSession();
  const canRecount =
    indicatorAccess.recount(me) && ind.valueSource === "computed" && (REGISTRY_COMPUTATIONS as readonly string[]).includes(ind.computation ?? "");
  const remove = useMutation({
    mutationFn: (v: IndicatorValue) => api.delete(indicatorApi.value(ind.id, v.year), { version: v.version }),
    onSuccess: async () => {
      message.success(t("indicators.values.deleted"));
      await qc.invalidateQueries({ queryKey: ["indicators"] });
    },
    onError: async (e) => {
      message.error(errorMessage(e));
      await qc.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
  const values = [...ind.values].sort((a, b) => b.year - a.year);
  return (
    <Card
      title={t("indicators.values.title")}
      className="chart-card"
      extra={
        (canEnter || canRecount) && (
          <Space wrap>
            {canRecount && <RecountButton />}
            {canEnter && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
                {t("indicators.values.add")}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Table<IndicatorValue>
        size="small"
        rowKey={(v) => `${v.year}-${v.origin}`}
        dataSource={values}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t("indicators.values.none") }}
        columns={[
          { title: t("indicators.fields.year"), dataIndex: "year", width: 80 },
          { title: t("indicators.fields.value"), dataIndex: "value", align: "right", render: (v: number) => `${formatNumber(v)} ${unit}` },
          { title: t("indicators.values.origin"), dataIndex: "origin", render: (_: unknown, v) => <ValueSourceTag source={v.origin} /> },
          { title: t("indicators.values.source"), dataIndex: "source", render: (s: string) => <span style={{ whiteSpace: "pre-wrap" }}>{s}</span> },
          { title: t("indicators.values.note"), dataIndex: "note", render: (n: string | null) => n ?? "" },
          {
            title: t("indicators.values.enteredBy"),
            key: "by",
            render: (_: unknown, v) =>
              v.enteredBy ? <Typography.Text type="secondary">{`${v.enteredBy.name} · ${formatDateTime(v.enteredAt)}`}</Typography.Text> : "",
          },
          ...(canEnter
            ? [
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "actions",
                  render: (_: unknown, v: IndicatorValue) =>
                    v.origin === "entered" ? (
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
                          onConfirm={() => remove.mutateAsync(v).catch(() => undefined)}
                        >
                          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t("indicators.values.deleteYear", { year: v.year })} />
                        </Popconfirm>
                      </Space>
                    ) : (
                      <Tag variant="outlined">{t("indicators.values.derived")}</Tag>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <YearValueModal
          year={editing.year}
          values={ind.values.filter((v) => v.origin === "entered")}
          url={(y) => indicatorApi.value(ind.id, y)}
          unit={unitOf(ind, en)}
          shape={indicatorValueInput.shape}
          hint={t("indicators.values.hint", { unit: unitOf(ind, en) })}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
