import "./statistics.css";
// A statistical form rendered from its template (configuration): sections, plain fields with their units, and the
// disaggregation tables (rows × columns of the official layout) with one input per cell. The same component shows a
// report being filled (inputs; the computed totals read-only and recomputed as the parts change, by the rule the
// server applies — common/statistics/computed.ts; each cell outlined by its messages, whose one list is the page's
// summary), a locked report (text) and the city's consolidated table (numeric cells only).
import { memo, useMemo } from "react";
import { Card, Col, DatePicker, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { CellValue, CellValues, FormDefinition, FormField, FormTable, ValidationMessage } from "../../../common/api/statistics";
import { computedCells, withComputed } from "../../../common/statistics/computed";
import { DATE_FORMAT, formatDate, formatNumber } from "../../app/format";
import { NumberField } from "../../components/NumberField";
import { msgText, pick, useLang } from "./statistics-ui";
import { CloseCircleFilled } from "@ant-design/icons";

export type Lang = "vi" | "en";

/** The DOM id of a cell's input ("staff.ts.women" → "cell-staff__ts__women"), for links from the message list. */
export const cellDomId = (cellKey: string) => `cell-${cellKey.replace(/[^a-zA-Z0-9_]/g, "__")}`;

/** Moves the focus to a cell (from a message in the summary). */
export function focusCell(cellKey: string) {
  const el = document.getElementById(cellDomId(cellKey));
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  (el.querySelector("input") ?? el).focus?.({ preventScroll: true });
}

interface Props {
  definition: FormDefinition;
  values: CellValues;
  /** absent: read-only */
  onChange?: (cellKey: string, value: CellValue) => void;
  messages?: ValidationMessage[];
  /** prefill sources per cell (shown as a hint under the field) */
  sources?: Record<string, string>;
  /** the city's aggregate: only numeric cells; select fields show the count per option */
  consolidated?: boolean;
}

interface Marks {
  /** messages whose main cell is this one */
  byCell: Map<string, ValidationMessage[]>;
  /** worst severity of the messages whose main cell is this one (the input is outlined) */
  status: Map<string, "error" | "warning">;
  /** worst severity of the rules the cell takes part in (the table cell is shaded) */
  involved: Map<string, "error" | "warning">;
}

function marksOf(messages: ValidationMessage[]): Marks {
  const byCell = new Map<string, ValidationMessage[]>();
  const status = new Map<string, "error" | "warning">();
  const involved = new Map<string, "error" | "warning">();
  for (const m of messages) {
    byCell.set(m.cellKey, [...(byCell.get(m.cellKey) ?? []), m]);
    if (status.get(m.cellKey) !== "error") status.set(m.cellKey, m.severity);
    for (const k of m.cellKeys) if (involved.get(k) !== "error") involved.set(k, m.severity);
  }
  return { byCell, status, involved };
}

const numberValue = (v: CellValue | undefined) =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null;

export function FormGrid({ definition, values: given, onChange, messages = [], sources, consolidated }: Props) {
  const lang = useLang();
  const marks = useMemo(() => marksOf(messages), [messages]);
  // while the form is filled, the totals follow what is typed
  const values = useMemo(() => (onChange ? withComputed(definition, given) : given), [definition, given, onChange]);
  const computed = computedCells(definition);
  return (
    <div className="stat-form">
      {definition.sections.map((s) => {
        const fields = consolidated ? s.fields.filter((f) => f.type === "number" || f.type === "integer" || f.type === "select") : s.fields;
        if (!fields.length && !s.tables.length) return null;
        return (
          <Card key={s.key} title={pick(lang, s.titleVi, s.titleEn)} className="stat-section" size="small">
            {fields.length > 0 && (
              <Row gutter={[16, 0]}>
                {fields.map((f) => (
                  <Col
                    key={f.key}
                    xs={24}
                    md={f.type === "text" && (f.maxLength ?? 0) > 200 ? 24 : 12}
                    xl={f.type === "text" && (f.maxLength ?? 0) > 200 ? 16 : 8}
                  >
                    {consolidated && f.type === "select" ? (
                      <SelectCounts field={f} values={values} lang={lang} />
                    ) : (
                      <FieldCell
                        field={f}
                        value={values[f.key]}
                        onChange={onChange}
                        messages={marks.byCell.get(f.key)}
                        status={marks.status.get(f.key)}
                        source={sources?.[f.key]}
                        lang={lang}
                      />
                    )}
                  </Col>
                ))}
              </Row>
            )}
            {s.tables.map((tb) => (
              <TableGrid
                key={tb.key}
                table={tb}
                values={values}
                onChange={onChange}
                marks={marks}
                computed={computed}
                lang={lang}
                consolidated={consolidated}
              />
            ))}
          </Card>
        );
      })}
    </div>
  );
}

function unitOf(f: { unitVi?: string; unitEn?: string }, lang: Lang) {
  return pick(lang, f.unitVi, f.unitEn);
}

const FieldCell = memo(function FieldCell({
  field: f,
  value,
  onChange,
  messages,
  status,
  source,
  lang,
}: {
  field: FormField;
  value: CellValue | undefined;
  onChange?: (k: string, v: CellValue) => void;
  messages?: ValidationMessage[];
  status?: "error" | "warning";
  source?: string;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const id = cellDomId(f.key);
  const unit = unitOf(f, lang);
  const label = pick(lang, f.labelVi, f.labelEn);
  const help = [...(messages ?? []).map((m) => msgText(lang, m)), ...(source ? [t("statistics.report.prefilledFrom", { source })] : [])];
  return (
    <Form.Item
      label={unit ? `${label} (${unit})` : label}
      htmlFor={id}
      required={!!f.required}
      validateStatus={status}
      help={help.length ? help.map((h, i) => <div key={i}>{h}</div>) : undefined}
      tooltip={pick(lang, f.helpVi, f.helpEn) || undefined}
      layout="vertical"
      className="stat-field"
    >
      {onChange ? (
        <FieldInput id={id} field={f} value={value} onChange={onChange} lang={lang} status={status} />
      ) : (
        <ReadValue id={id} field={f} value={value} lang={lang} />
      )}
    </Form.Item>
  );
});

function FieldInput({
  id,
  field: f,
  value,
  onChange,
  lang,
  status,
}: {
  id: string;
  field: FormField;
  value: CellValue | undefined;
  onChange: (k: string, v: CellValue) => void;
  lang: Lang;
  status?: "error" | "warning";
}) {
  switch (f.type) {
    case "number":
    case "integer":
      return <NumberInput id={id} integer={f.type === "integer"} value={value} onChange={(v) => onChange(f.key, v)} lang={lang} status={status} />;
    case "select":
      return (
        <Select
          id={id}
          // the clear icon stays out of the accessibility tree (Ant Design names it "close-circle")
          allowClear={{ clearIcon: <CloseCircleFilled aria-hidden /> }}
          status={status}
          value={typeof value === "string" && value ? value : undefined}
          onChange={(v) => onChange(f.key, v ?? null)}
          options={(f.options ?? []).map((o) => ({ value: o.value, label: pick(lang, o.labelVi, o.labelEn) }))}
          style={{ width: "100%" }}
        />
      );
    case "date": {
      const d = typeof value === "string" && value ? dayjs(value) : null;
      return (
        <DatePicker
          id={id}
          status={status}
          allowClear={{ clearIcon: <CloseCircleFilled aria-hidden /> }}
          format={DATE_FORMAT}
          value={d && d.isValid() ? d : null}
          onChange={(v) => onChange(f.key, v ? v.format("YYYY-MM-DD") : null)}
          style={{ width: "100%" }}
        />
      );
    }
    default:
      return (
        <Input
          id={id}
          status={status}
          maxLength={f.maxLength ?? 2000}
          value={typeof value === "string" ? value : value === null || value === undefined ? "" : String(value)}
          onChange={(e) => onChange(f.key, e.target.value === "" ? null : e.target.value)}
        />
      );
  }
}

function ReadValue({ id, field: f, value, lang }: { id: string; field: FormField; value: CellValue | undefined; lang: Lang }) {
  let text = "";
  if (value !== null && value !== undefined && value !== "") {
    if (f.type === "number" || f.type === "integer") text = formatNumber(numberValue(value));
    else if (f.type === "select") {
      const o = (f.options ?? []).find((x) => x.value === value);
      text = o ? pick(lang, o.labelVi, o.labelEn) : String(value);
    } else if (f.type === "date") text = formatDate(String(value));
    else text = String(value);
  }
  return (
    <div id={id} className="stat-read">
      {text || <Typography.Text type="secondary">—</Typography.Text>}
    </div>
  );
}

/** The number of reports that chose each option (consolidated key "<field>=<option>"). */
function SelectCounts({ field: f, values, lang }: { field: FormField; values: CellValues; lang: Lang }) {
  return (
    <Form.Item label={pick(lang, f.labelVi, f.labelEn)} layout="vertical" className="stat-field">
      <table className="stat-table stat-table-compact">
        <tbody>
          {(f.options ?? []).map((o) => (
            <tr key={o.value}>
              <th scope="row">{pick(lang, o.labelVi, o.labelEn)}</th>
              <td className="num">{formatNumber(numberValue(values[`${f.key}=${o.value}`]) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Form.Item>
  );
}

/** A numeric input in the reader's notation (vi "1.234,5", en "1,234.5"), grouped by thousands. Empty = null (not reported); text that is not a number is passed on as typed, so the validation says so. */
export function NumberInput({
  id,
  integer,
  value,
  onChange,
  lang,
  status,
  ariaLabel,
}: {
  id?: string;
  integer: boolean;
  value: CellValue | undefined;
  onChange: (v: CellValue) => void;
  lang: Lang;
  status?: "error" | "warning";
  ariaLabel?: string;
}) {
  return (
    <NumberField
      id={id}
      aria-label={ariaLabel}
      status={status}
      integer={integer}
      lang={lang}
      value={value ?? null}
      onChange={onChange}
      className="stat-number"
      style={{ width: "100%" }}
    />
  );
}

function TableGrid({
  table: tb,
  values,
  onChange,
  marks,
  computed,
  lang,
  consolidated,
}: {
  table: FormTable;
  values: CellValues;
  onChange?: (k: string, v: CellValue) => void;
  marks: Marks;
  computed: ReadonlyMap<string, unknown>;
  lang: Lang;
  consolidated?: boolean;
}) {
  const { t } = useTranslation();
  const title = pick(lang, tb.titleVi, tb.titleEn);
  return (
    <div className="stat-table-block">
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {title}
      </Typography.Title>
      <div className="stat-table-scroll">
        <table className="stat-table" aria-label={title}>
          <caption>{t("statistics.report.unit", { unit: pick(lang, tb.unitVi, tb.unitEn) })}</caption>
          <thead>
            <tr>
              <th scope="col">{pick(lang, tb.rowHeaderVi, tb.rowHeaderEn)}</th>
              {tb.columns.map((c) => (
                <th scope="col" key={c.key} className={c.total ? "total" : undefined}>
                  {pick(lang, c.labelVi, c.labelEn)}
                </th>
              ))}
            </tr>
            <tr className="stat-colnum" aria-hidden>
              <td>A</td>
              {tb.columns.map((c, i) => (
                <td key={c.key}>{i + 1}</td>
              ))}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((r) => {
              const rowLabel = pick(lang, r.labelVi, r.labelEn);
              return (
                <tr key={r.key} className={r.total ? "total" : undefined}>
                  <th scope="row" style={{ paddingLeft: 8 + (r.level ?? 0) * 16 }}>
                    {rowLabel}
                  </th>
                  {tb.columns.map((c) => {
                    const key = `${tb.key}.${r.key}.${c.key}`;
                    const status = marks.status.get(key);
                    const involved = marks.involved.get(key);
                    const isComputed = computed.has(key);
                    const cls =
                      [
                        c.total || r.total ? "total" : "",
                        isComputed && onChange ? "computed" : "",
                        involved ? `in-${involved}` : "",
                        status ? `has-${status}` : "",
                      ]
                        .filter(Boolean)
                        .join(" ") || undefined;
                    const cellLabel = `${rowLabel} — ${pick(lang, c.labelVi, c.labelEn)}`;
                    const tip = [
                      ...(isComputed && onChange ? [t("statistics.report.computedHint")] : []),
                      ...(marks.byCell.get(key) ?? []).map((m) => msgText(lang, m)),
                    ];
                    return (
                      <td key={c.key} className={cls} title={tip.join("\n") || undefined}>
                        {onChange && isComputed ? (
                          <output id={cellDomId(key)} className="num" aria-label={cellLabel} tabIndex={-1}>
                            {formatNumber(numberValue(values[key]), 6) || "—"}
                          </output>
                        ) : onChange ? (
                          <TableCell
                            cellKey={key}
                            integer={tb.type === "integer"}
                            value={values[key]}
                            onChange={onChange}
                            lang={lang}
                            status={status}
                            label={cellLabel}
                          />
                        ) : (
                          <span id={cellDomId(key)} className="num">
                            {formatNumber(numberValue(values[key]) ?? (consolidated ? 0 : null))}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const TableCell = memo(function TableCell({
  cellKey,
  integer,
  value,
  onChange,
  lang,
  status,
  label,
}: {
  cellKey: string;
  integer: boolean;
  value: CellValue | undefined;
  onChange: (k: string, v: CellValue) => void;
  lang: Lang;
  status?: "error" | "warning";
  label: string;
}) {
  return (
    <NumberInput id={cellDomId(cellKey)} integer={integer} value={value} onChange={(v) => onChange(cellKey, v)} lang={lang} status={status} ariaLabel={label} />
  );
});
