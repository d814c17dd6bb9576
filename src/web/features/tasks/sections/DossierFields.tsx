// The dossier's editable form: the text sections, duration and start, the expected products, the timeline, the team
// and the budget by year × source × category (with its matrix); each field checked with the shared zod schemas.
import type { ReactNode } from "react";
import { Button, Card, Col, DatePicker, Form, type FormItemProps, Input, Row, Select, Space, Table } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import {
  BUDGET_CATEGORIES,
  BUDGET_SOURCES,
  OUTPUT_TYPES,
  TEAM_ROLES,
  dossierBudgetLine,
  dossierMilestone,
  dossierProduct,
  dossierUpdate,
  type OutputType,
} from "../../../../common/api/task";
import { DATE_FORMAT } from "../../../app/format";
import { rules } from "../../../components/form-rules";
import { NumberField } from "../../../components/NumberField";
import { PersonSelect } from "../../../components/entity-select";
import { BudgetMatrix } from "../BudgetMatrix";
import { MoneyInput } from "../task-ui";
import { TEXT_SECTIONS, type BudgetValues, type DossierValues } from "./dossier-form";

const shape = dossierUpdate.shape;

export function DossierFields() {
  const { t } = useTranslation();
  const label = (n: string) => t(`tasks.dossier.fields.${n}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("tasks.dossier.sections.description")} className="form-section">
        {TEXT_SECTIONS.map((n) => (
          <Form.Item key={n} name={n} label={label(n)} rules={rules(shape, n)}>
            <Input.TextArea id={`dossier-${n}`} autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="durationMonths" label={label("durationMonths")} rules={rules(shape, "durationMonths", false, label("durationMonths"))}>
              <NumberField id="dossier-durationMonths" integer style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="startDate" label={label("startDate")}>
              <DatePicker id="dossier-startDate" format={DATE_FORMAT} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <ProductsTable />
      <MilestonesTable />
      <TeamTable />
      <BudgetEditor />
    </Space>
  );
}

type ListField = { key: number; name: number };

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t("common.remove")} onClick={onClick} />;
}

/** One column of an editable list: a form field per row (name, rules and the input, labelled by the column title). */
interface ListColumn {
  key: string;
  title: string;
  width?: number;
  rules?: FormItemProps["rules"];
  dependencies?: (row: number) => FormItemProps["dependencies"];
  input: (label: string) => ReactNode;
}

/** A Form.List shown as a table: one row per item, a field per column, a remove button, and an add button. */
function EditableList({
  name,
  title,
  className,
  columns,
  addLabel,
  newRow,
}: {
  name: string;
  title: string;
  className: string;
  columns: ListColumn[] | ((row: number) => ListColumn[]);
  addLabel: string;
  newRow: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const columnsOf = (row: number) => (typeof columns === "function" ? columns(row) : columns);
  return (
    <Card title={title} className={`form-section ${className}`}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            <Table<ListField>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("tasks.dossier.noRows") }}
              columns={[
                ...columnsOf(0).map((c, i) => ({
                  title: c.title,
                  key: c.key,
                  width: c.width,
                  render: (_: unknown, f: ListField) => {
                    const col = columnsOf(f.name)[i];
                    return (
                      <Form.Item name={[f.name, col.key]} rules={col.rules} dependencies={col.dependencies?.(f.name)} style={{ margin: 0 }}>
                        {col.input(col.title)}
                      </Form.Item>
                    );
                  },
                })),
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "remove",
                  render: (_: unknown, f: ListField) => <RemoveButton onClick={() => remove(f.name)} />,
                },
              ]}
            />
            <Button style={{ marginTop: 8 }} icon={<PlusOutlined aria-hidden />} onClick={() => add(newRow)}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function ProductsTable() {
  const { t } = useTranslation();
  const s = dossierProduct.shape;
  const label = (k: string) => t(`tasks.dossier.product.${k}`);
  return (
    <EditableList
      name="products"
      title={t("tasks.dossier.sections.products")}
      className="dossier-products"
      addLabel={label("add")}
      newRow={{ outputType: "product", quantity: 1 }}
      columns={[
        { key: "name", title: label("name"), width: 280, rules: rules(s, "name", true), input: (l) => <Input aria-label={l} /> },
        {
          key: "outputType",
          title: label("outputType"),
          width: 200,
          rules: [{ required: true, message: t("validation.required") }],
          input: (l) => <Select aria-label={l} options={OUTPUT_TYPES.map((o: OutputType) => ({ value: o, label: t(`tasks.outputType.${o}`) }))} />,
        },
        {
          key: "quantity",
          title: label("quantity"),
          width: 110,
          rules: rules(s, "quantity", true),
          input: (l) => <NumberField aria-label={l} style={{ width: "100%" }} />,
        },
        { key: "unit", title: label("unit"), width: 120, rules: rules(s, "unit", true), input: (l) => <Input aria-label={l} /> },
        { key: "qualityTarget", title: label("qualityTarget"), width: 280, rules: rules(s, "qualityTarget", true), input: (l) => <Input aria-label={l} /> },
      ]}
    />
  );
}

function MilestonesTable() {
  const { t } = useTranslation();
  const s = dossierMilestone.shape;
  const label = (k: string) => t(`tasks.dossier.milestone.${k}`);
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <EditableList
      name="milestones"
      title={t("tasks.dossier.sections.milestones")}
      className="dossier-milestones"
      addLabel={label("add")}
      newRow={{}}
      columns={(row) => [
        { key: "content", title: label("content"), width: 320, rules: rules(s, "content", true), input: (l) => <Input aria-label={l} /> },
        { key: "startsOn", title: label("startsOn"), width: 150, rules: required, input: (l) => <DatePicker aria-label={l} format={DATE_FORMAT} /> },
        {
          key: "endsOn",
          title: label("endsOn"),
          width: 150,
          dependencies: (r) => [["milestones", r, "startsOn"]],
          rules: [
            ...required,
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs | null) => {
                const from = getFieldValue(["milestones", row, "startsOn"]) as Dayjs | null;
                if (v && from && v.isBefore(from, "day")) throw new Error(label("endBeforeStart"));
              },
            }),
          ],
          input: (l) => <DatePicker aria-label={l} format={DATE_FORMAT} />,
        },
        { key: "deliverable", title: label("deliverable"), width: 260, rules: rules(s, "deliverable"), input: (l) => <Input aria-label={l} /> },
      ]}
    />
  );
}

function TeamTable() {
  const { t } = useTranslation();
  const label = (k: string) => t(`tasks.dossier.team.${k}`);
  const required = [{ required: true, message: t("validation.required") }];
  return (
    <EditableList
      name="team"
      title={t("tasks.dossier.sections.team")}
      className="dossier-team"
      addLabel={label("add")}
      newRow={{ role: "member" }}
      columns={[
        { key: "personId", title: label("person"), width: 360, rules: required, input: (l) => <PersonSelect aria-label={l} style={{ width: "100%" }} /> },
        {
          key: "role",
          title: label("role"),
          width: 200,
          rules: required,
          input: (l) => <Select aria-label={l} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`tasks.teamRole.${r}`) }))} />,
        },
        {
          key: "months",
          title: label("months"),
          width: 130,
          rules: [{ type: "number", min: 0.1, max: 120 }],
          input: (l) => <NumberField aria-label={l} style={{ width: "100%" }} />,
        },
      ]}
    />
  );
}

function BudgetEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DossierValues>();
  const lines = (Form.useWatch("budget", form) ?? []) as BudgetValues[];
  const start = Form.useWatch("startDate", form) as Dayjs | null | undefined;
  const s = dossierBudgetLine.shape;
  const defaultYear = start?.year() ?? new Date().getFullYear();
  return (
    <Card title={t("tasks.dossier.sections.budget")} className="form-section dossier-budget">
      <Form.List
        name="budget"
        rules={[
          {
            validator: async (_r, v: BudgetValues[] | undefined) => {
              const keys = (v ?? []).map((b) => `${b?.year}|${b?.source}|${b?.category}`);
              if (new Set(keys).size !== keys.length) throw new Error(t("tasks.budget.duplicate"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table<ListField>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("tasks.dossier.noRows") }}
              columns={[
                {
                  title: t("tasks.budget.year"),
                  key: "year",
                  width: 110,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "year"]} rules={rules(s, "year", true)} style={{ margin: 0 }}>
                      <NumberField aria-label={t("tasks.budget.year")} integer grouping={false} style={{ width: "100%" }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("tasks.budget.source"),
                  key: "source",
                  width: 200,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "source"]} rules={[{ required: true, message: t("validation.required") }]} style={{ margin: 0 }}>
                      <Select aria-label={t("tasks.budget.source")} options={BUDGET_SOURCES.map((x) => ({ value: x, label: t(`tasks.budgetSource.${x}`) }))} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("tasks.budget.category"),
                  key: "category",
                  width: 220,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "category"]} rules={[{ required: true, message: t("validation.required") }]} style={{ margin: 0 }}>
                      <Select
                        aria-label={t("tasks.budget.category")}
                        options={BUDGET_CATEGORIES.map((x) => ({ value: x, label: t(`tasks.budgetCategory.${x}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: `${t("tasks.budget.amount")} (${t("tasks.dong")})`,
                  key: "amount",
                  width: 200,
                  render: (_, f) => (
                    <Form.Item name={[f.name, "amount"]} rules={rules(s, "amount", true)} style={{ margin: 0 }}>
                      <MoneyInput aria-label={t("tasks.budget.amount")} />
                    </Form.Item>
                  ),
                },
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "remove",
                  render: (_, f) => <RemoveButton onClick={() => remove(f.name)} />,
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Button
              style={{ marginTop: 8, marginBottom: 16 }}
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ year: defaultYear, source: "city", category: "labour" })}
            >
              {t("tasks.budget.add")}
            </Button>
          </>
        )}
      </Form.List>
      <BudgetMatrix lines={lines} />
    </Card>
  );
}
