// One indicator: the chart of actual values against the target path and the baseline, the progress status with the
// method explained, the metadata (definition, unit, direction, baseline with source line and quote, targets, value
// source), the values per year with their provenance, csv/xlsx downloads. Staff enter values (version-checked), edit
// the definition and publish / unpublish it; every command goes through `useIndicatorCommand` (indicator-api.ts).
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Col, Popconfirm, Row, Space, Switch, Table, Tag, Tooltip, Typography, Card } from "antd";
import { DeleteOutlined, EditOutlined, FileExcelOutlined, FileTextOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { REGISTRY_COMPUTATIONS, indicatorValueInput, type Indicator, type IndicatorValue, type RegistryFigures } from "../../../common/api/indicator";
import { download, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { RecordView } from "../../components/RecordView";
import { useSession } from "../../app/session";
import { indicatorApi, indicatorQuery, indicatorsApi, useIndicatorCommand } from "./indicator-api";
import { indicatorAccess } from "./indicator-access";
import { YearValueModal } from "./YearValueModal";
import { ChartNote, IndicatorChartCard, IndicatorMetadata, StatusExplanation, ValueSourceTag, nameOf, unitOf } from "./indicator-ui";

export function IndicatorDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const navigate = useNavigate();
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
          {(r.abilities.publish || r.abilities.unpublish) && <PublishToggle ind={r} />}
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
  const command = useIndicatorCommand(ind.id);
  const toggle = () =>
    command.run(
      () => (ind.published ? indicatorsApi.unpublish(ind.id, ind.version) : indicatorsApi.publish(ind.id, ind.version)),
      ind.published ? "indicators.unpublishedNow" : "indicators.publishedNow",
    );
  return (
    <Popconfirm
      title={ind.published ? t("indicators.confirmUnpublish") : t("indicators.confirmPublish")}
      okText={t("common.confirm")}
      cancelText={t("common.cancel")}
      onConfirm={toggle}
    >
      <span style={{ alignSelf: "center", display: "inline-flex", gap: 8, alignItems: "center", cursor: "pointer" }}>
        <Switch checked={ind.published} loading={command.isPending} aria-label={t("indicators.fields.published")} />
        <span>{ind.published ? t("indicators.published.yes") : t("indicators.published.no")}</span>
      </span>
    </Popconfirm>
  );
}

/** Staff recount the people-registry figures behind a computed indicator now instead of at the next upkeep run. */
function RecountButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const command = useIndicatorCommand(id);
  const recount = () =>
    command.mutateAsync(indicatorsApi.recount).then(
      (r) => {
        const f = (r as RegistryFigures).workforce;
        message.success(t("indicators.values.recounted", { total: formatNumber(f.total), postgraduate: formatNumber(f.postgraduate) }));
      },
      (e) => message.error(errorMessage(e)),
    );
  return (
    <Tooltip title={t("indicators.values.recountHint")}>
      <Button icon={<ReloadOutlined aria-hidden />} loading={command.isPending} onClick={() => void recount()}>
        {t("indicators.values.recount")}
      </Button>
    </Tooltip>
  );
}

function ValuesCard({ ind }: { ind: Indicator }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const unit = unitOf(ind, en);
  const [editing, setEditing] = useState<{ year?: number } | null>(null);
  const canEnter = ind.abilities.enterValues;
  const { me } = useSession();
  const canRecount =
    indicatorAccess.recount(me) && ind.valueSource === "computed" && (REGISTRY_COMPUTATIONS as readonly string[]).includes(ind.computation ?? "");
  const command = useIndicatorCommand(ind.id);
  const remove = (v: IndicatorValue) => command.run(() => indicatorsApi.deleteValue(ind.id, v.year, v.version), "indicators.values.deleted");
  const values = [...ind.values].sort((a, b) => b.year - a.year);
  return (
    <Card
      title={t("indicators.values.title")}
      className="chart-card"
      extra={
        (canEnter || canRecount) && (
          <Space wrap>
            {canRecount && <RecountButton id={ind.id} />}
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
                          onConfirm={() => remove(v)}
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
          command={command}
          save={(y, body) => indicatorsApi.saveValue(ind.id, y, body)}
          unit={unitOf(ind, en)}
          schema={indicatorValueInput}
          hint={t("indicators.values.hint", { unit: unitOf(ind, en) })}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
