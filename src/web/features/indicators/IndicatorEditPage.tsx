// Create or edit an indicator's definition (staff): names, unit, direction, definition, the baseline with its source
// line and quote, the targets per year (value or range and how the plan bounds it), and how values arrive
// (entered / computed by a named computation / consolidated from a statistical form's cell). The shared record form:
// validated with the contract, saved with the version it read, a 409 shows the server's values beside the user's.
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, Row, Select, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import {
  DIRECTIONS,
  TARGET_BOUNDS,
  VALUE_SOURCES,
  indicatorInput,
  baselineInput,
  type IndicatorInput,
  type IndicatorUpdate,
  type Direction,
  type Indicator,
  type TargetBound,
  type ValueSource,
} from "../../../common/api/indicator";
import { formatNumber } from "../../app/format";
import { rules } from "../../components/form-rules";
import { NumberField } from "../../components/NumberField";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { PageHeader, RecordLoading } from "../../components/states";
import { computationsQuery, indicatorQuery, indicatorsApi } from "./indicator-api";
import { directionText, targetValueText } from "./indicator-ui";

interface TargetValues {
  year?: number;
  bound?: TargetBound;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  original?: string | null;
  sourceLine?: number | null;
  quote?: string | null;
  note?: string | null;
}

export interface IndicatorValues {
  code?: string;
  targetNo?: string | null;
  nameVi?: string;
  nameEn?: string;
  statementVi?: string | null;
  unitVi?: string;
  unitEn?: string;
  direction?: Direction;
  definitionVi?: string | null;
  definitionEn?: string | null;
  hasBaseline?: boolean;
  baseline?: {
    value?: number | null;
    year?: number | null;
    period?: string | null;
    labelVi?: string | null;
    labelEn?: string | null;
    sourceLine?: number | null;
    quote?: string | null;
    note?: string | null;
  };
  targets?: TargetValues[];
  valueSource?: ValueSource;
  computation?: string | null;
  consolidation?: { formCode?: string | null; cellKey?: string | null };
  notes?: string | null;
}

const shape = indicatorInput.shape;
const baselineShape = baselineInput.shape;

function toValues(r: Indicator): IndicatorValues {
  return {
    code: r.code,
    targetNo: r.targetNo,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    statementVi: r.statementVi,
    unitVi: r.unitVi,
    unitEn: r.unitEn,
    direction: r.direction,
    definitionVi: r.definitionVi,
    definitionEn: r.definitionEn,
    baseline: r.baselineDetail ? { ...r.baselineDetail } : {},
    targets: r.targets.map((x) => ({ ...x })),
    valueSource: r.valueSource,
    computation: r.computation,
    consolidation: r.consolidation ?? {},
    notes: r.notes,
  };
}

const blank = (s: string | null | undefined) => (s === undefined || s === null || !String(s).trim() ? null : String(s).trim());
const numOrNull = (n: number | null | undefined) => (n === undefined || n === null ? null : n);

function toBody(v: IndicatorValues, creating: boolean): object {
  const b = v.baseline ?? {};
  const hasBaseline = b.value !== undefined && b.value !== null;
  const body: Record<string, unknown> = {
    targetNo: blank(v.targetNo),
    nameVi: v.nameVi?.trim(),
    nameEn: v.nameEn?.trim(),
    statementVi: blank(v.statementVi),
    unitVi: v.unitVi?.trim(),
    unitEn: v.unitEn?.trim(),
    direction: v.direction,
    definitionVi: blank(v.definitionVi),
    definitionEn: blank(v.definitionEn),
    baseline: hasBaseline
      ? {
          value: b.value,
          year: b.year,
          period: blank(b.period),
          labelVi: blank(b.labelVi),
          labelEn: blank(b.labelEn),
          sourceLine: numOrNull(b.sourceLine),
          quote: blank(b.quote),
          note: blank(b.note),
        }
      : null,
    targets: (v.targets ?? []).map((x) => ({
      year: x.year,
      bound: x.bound,
      value: x.bound === "range" ? null : numOrNull(x.value),
      min: x.bound === "range" ? numOrNull(x.min) : null,
      max: x.bound === "range" ? numOrNull(x.max) : null,
      original: blank(x.original),
      sourceLine: numOrNull(x.sourceLine),
      quote: blank(x.quote),
      note: blank(x.note),
    })),
    valueSource: v.valueSource,
    computation: v.valueSource === "computed" ? blank(v.computation) : null,
    consolidation:
      v.valueSource === "consolidated" && blank(v.consolidation?.formCode) && blank(v.consolidation?.cellKey)
        ? { formCode: blank(v.consolidation?.formCode), cellKey: blank(v.consolidation?.cellKey) }
        : null,
    notes: blank(v.notes),
  };
  if (creating) body.code = v.code?.trim();
  return body;
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, labelKey: string, display?: CompareField["display"]): CompareField => ({ name, label: t(labelKey), display });
  return [
    f("nameVi", "indicators.fields.nameVi"),
    f("nameEn", "indicators.fields.nameEn"),
    f("unitVi", "indicators.fields.unitVi"),
    f("unitEn", "indicators.fields.unitEn"),
    f("direction", "indicators.fields.direction", (v) => (v ? directionText(t, v as Direction) : "")),
    f("definitionVi", "indicators.fields.definitionVi"),
    f("baseline", "indicators.fields.baseline", (v) => {
      const b = v as IndicatorValues["baseline"];
      return b && b.value !== undefined && b.value !== null ? `${formatNumber(b.value)} (${b.period ?? b.year ?? ""})` : "—";
    }),
    f("targets", "indicators.targets", (v) =>
      ((v as TargetValues[] | undefined) ?? [])
        .map((x) => `${x.year}: ${targetValueText({ value: x.value ?? null, min: x.min ?? null, max: x.max ?? null, bound: x.bound ?? "exact" })}`)
        .join("; "),
    ),
    f("valueSource", "indicators.fields.valueSource", (v) => (v ? t(`indicators.valueSource.${v as ValueSource}`) : "")),
    f("notes", "indicators.fields.notes"),
  ];
}

export function IndicatorEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<IndicatorValues>();
  const q = useQuery({ ...indicatorQuery(id ?? ""), enabled: !!id });
  const back = id ? `/indicators/${id}` : "/indicators";
  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("indicators.editDefinition")} back={back} query={q} rows={10} />;
  const record = id ? q.data : undefined;
  return (
    <>
      <PageHeader title={record ? t("indicators.editTitle", { code: record.code }) : t("indicators.create")} back={back} />
      <RecordForm<Indicator, IndicatorValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={{ direction: "increase", valueSource: "entered", targets: [], baseline: {}, consolidation: {} }}
        toValues={toValues}
        toBody={(v) => toBody(v, !record)}
        create={(body) => indicatorsApi.create(body as IndicatorInput)}
        update={(iid, body) => indicatorsApi.update(iid, body as IndicatorUpdate)}
        compare={compareFields(t)}
        resource="indicators"
        onSaved={(r) => navigate(`/indicators/${r.id}`)}
        onCancel={() => navigate(back)}
      >
        <DefinitionFields creating={!record} />
      </RecordForm>
    </>
  );
}

function DefinitionFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const label = (n: string) => t(`indicators.fields.${n}`);
  const form = Form.useFormInstance<IndicatorValues>();
  const valueSource = Form.useWatch("valueSource", form);
  const computations = useQuery({
    ...computationsQuery(),
    enabled: valueSource === "computed",
    staleTime: 300_000,
  });
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <>
      <Card title={t("indicators.sections.general")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={label("code")}
              rules={creating ? rules(shape, "code", true) : undefined}
              extra={creating ? t("indicators.codeHint") : undefined}
            >
              <Input autoComplete="off" disabled={!creating} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="targetNo" label={label("targetNo")} rules={rules(shape, "targetNo", false, label("targetNo"))}>
              <Input autoComplete="off" placeholder="(4)" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="direction" label={label("direction")} rules={required}>
              <Select options={DIRECTIONS.map((d) => ({ value: d, label: directionText(t, d) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameVi" label={label("nameVi")} rules={rules(shape, "nameVi", true, label("nameVi"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={label("nameEn")} rules={rules(shape, "nameEn", true, label("nameEn"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="unitVi" label={label("unitVi")} rules={rules(shape, "unitVi", true, label("unitVi"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="unitEn" label={label("unitEn")} rules={rules(shape, "unitEn", true, label("unitEn"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="statementVi" label={label("statementVi")} rules={rules(shape, "statementVi", false, label("statementVi"))}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="definitionVi" label={label("definitionVi")} rules={rules(shape, "definitionVi", false, label("definitionVi"))}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="definitionEn" label={label("definitionEn")} rules={rules(shape, "definitionEn", false, label("definitionEn"))}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t("indicators.sections.baseline")} className="form-section">
        <Typography.Paragraph type="secondary">{t("indicators.baselineHint")}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name={["baseline", "value"]}
              label={label("value")}
              dependencies={[["baseline", "year"]]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v) => {
                    if ((v === null || v === undefined) && getFieldValue(["baseline", "year"])) throw new Error(t("validation.required"));
                  },
                }),
              ]}
            >
              <NumberField style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={["baseline", "year"]}
              label={label("year")}
              dependencies={[["baseline", "value"]]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v) => {
                    const val = getFieldValue(["baseline", "value"]);
                    if ((v === null || v === undefined) && val !== null && val !== undefined) throw new Error(t("validation.required"));
                  },
                }),
              ]}
            >
              <NumberField integer grouping={false} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={["baseline", "period"]}
              label={label("period")}
              rules={rules(baselineShape, "period", false, label("period"))}
              extra={t("indicators.periodHint")}
            >
              <Input placeholder="2006-2011" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={["baseline", "sourceLine"]} label={label("sourceLine")}>
              <NumberField integer style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={["baseline", "labelVi"]} label={label("labelVi")} rules={rules(baselineShape, "labelVi", false, label("labelVi"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={["baseline", "labelEn"]} label={label("labelEn")} rules={rules(baselineShape, "labelEn", false, label("labelEn"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={["baseline", "quote"]} label={label("quote")} rules={rules(baselineShape, "quote", false, label("quote"))}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t("indicators.targets")} className="form-section">
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <TargetRow key={field.key} index={i} name={field.name} onRemove={() => remove(field.name)} />
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ bound: "exact" })}>
                {t("indicators.addTarget")}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t("indicators.sections.values")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="valueSource"
              label={label("valueSource")}
              rules={required}
              extra={valueSource ? t(`indicators.valueSourceHint.${valueSource}`) : undefined}
            >
              <Select options={VALUE_SOURCES.map((s) => ({ value: s, label: t(`indicators.valueSource.${s}`) }))} />
            </Form.Item>
          </Col>
          {valueSource === "computed" && (
            <Col xs={24} md={16}>
              <Form.Item name="computation" label={label("computation")} rules={required}>
                <Select
                  loading={computations.isPending}
                  options={(computations.data ?? []).map((c) => ({ value: c.name, label: `${c.name} — ${c.descriptionVi}` }))}
                />
              </Form.Item>
            </Col>
          )}
          {valueSource === "consolidated" && (
            <>
              <Col xs={24} md={6}>
                <Form.Item name={["consolidation", "formCode"]} label={label("formCode")} rules={required}>
                  <Input placeholder="02/KHCN-NL" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name={["consolidation", "cellKey"]} label={label("cellKey")} rules={required}>
                  <Input />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24}>
            <Form.Item name="notes" label={label("notes")} rules={rules(shape, "notes", false, label("notes"))}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}

function TargetRow({ index, name, onRemove }: { index: number; name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IndicatorValues>();
  const bound = Form.useWatch(["targets", name, "bound"], form) as TargetBound | undefined;
  const label = (n: string) => t(`indicators.fields.${n}`);
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t("indicators.targetN", { n: index + 1 })}
      extra={
        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={onRemove} aria-label={t("indicators.removeTarget", { n: index + 1 })} />
      }
    >
      <Row gutter={16}>
        <Col xs={12} md={4}>
          <Form.Item name={[name, "year"]} label={label("year")} rules={required}>
            <NumberField integer grouping={false} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, "bound"]} label={label("bound")} rules={required}>
            <Select options={TARGET_BOUNDS.map((b) => ({ value: b, label: t(`indicators.bound.${b}`) }))} />
          </Form.Item>
        </Col>
        {bound === "range" ? (
          <>
            <Col xs={12} md={4}>
              <Form.Item name={[name, "min"]} label={label("min")} rules={required}>
                <NumberField style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item
                name={[name, "max"]}
                label={label("max")}
                dependencies={[["targets", name, "min"]]}
                rules={[
                  ...required,
                  ({ getFieldValue }) => ({
                    validator: async (_r, v) => {
                      const min = getFieldValue(["targets", name, "min"]);
                      if (typeof v === "number" && typeof min === "number" && v < min) throw new Error(t("indicators.minMax"));
                    },
                  }),
                ]}
              >
                <NumberField style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col xs={12} md={8}>
            <Form.Item name={[name, "value"]} label={label("value")} rules={required}>
              <NumberField style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} md={6}>
          <Form.Item name={[name, "original"]} label={label("original")}>
            <Input placeholder="trên 40%" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[name, "sourceLine"]} label={label("sourceLine")}>
            <NumberField integer style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={20}>
          <Form.Item name={[name, "quote"]} label={label("quote")}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
