// The model's table: the baseline's inputs implied from the print (the basis of scenarios), and a scenario's cells
// recomputed from its inputs beside the baseline's model, each row with its arithmetic.
import { Card, Descriptions, Space, Table, Tooltip, Typography } from "antd";
import type { ColumnsType, ColumnType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { FundingPlanVersion, TableCellDto, TableRowDto } from "../../../../common/api/funding-plan";
import { formatNumber } from "../../../app/format";
import { currentLang } from "../../../i18n/index";
import { InputValue, num } from "../funding-plan-ui";

// ─── the model's inputs (the basis of scenarios), apart from the checks ───
export function ModelInputs({ version }: { version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const rows = version.rows.filter((r) => r.inputs);
  return (
    <Card size="small" title={t("fundingPlans.model.title")}>
      <Typography.Paragraph type="secondary">{t("fundingPlans.model.help")}</Typography.Paragraph>
      <Table<TableRowDto>
        size="small"
        rowKey="label"
        pagination={false}
        dataSource={rows}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", width: 70 },
          {
            title: t("fundingPlans.input.gdp"),
            key: "gdp",
            render: (_: unknown, r: TableRowDto) => <InputValue value={r.inputs!.gdp} implied={r.inputs!.gdpImplied} explanation={r.inputs!.explanation.gdp} />,
          },
          {
            title: t("fundingPlans.input.citySpending"),
            key: "citySpending",
            render: (_: unknown, r: TableRowDto) => (
              <InputValue value={r.inputs!.citySpending} implied={r.inputs!.citySpendingImplied} explanation={r.inputs!.explanation.citySpending} />
            ),
          },
          {
            title: t("fundingPlans.input.shares"),
            key: "shares",
            render: (_: unknown, r: TableRowDto) =>
              t("fundingPlans.input.sharesText", {
                social: formatNumber(r.inputs!.socialSharePct),
                city: formatNumber(r.inputs!.cityBudgetSharePct),
                recurrent: formatNumber(r.inputs!.recurrentSharePct),
              }),
          },
        ]}
      />
    </Card>
  );
}

// ─── a scenario: the model recomputed from its inputs, beside the baseline's model ───
export function PlanTable({ version }: { version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const columns: ColumnsType<TableRowDto> = [
    { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", fixed: "left", width: 80 },
    ...version.columns.map((c, index): ColumnType<TableRowDto> & { children: ColumnType<TableRowDto>[] } => ({
      title: lang === "en" ? c.labelEn : c.labelVi,
      key: c.key,
      children: [
        {
          title: t("fundingPlans.col.scenario"),
          key: `${c.key}-value`,
          align: "right",
          width: 120,
          render: (_: unknown, r: TableRowDto) => (
            <Tooltip title={r.cells[index]!.arithmetic}>
              <span>{num(r.cells[index]!.recomputed)}</span>
            </Tooltip>
          ),
        },
        {
          title: t("fundingPlans.col.baseline"),
          key: `${c.key}-base`,
          align: "right",
          width: 110,
          render: (_: unknown, r: TableRowDto) => num(r.cells[index]!.baseline),
        },
        {
          title: t("fundingPlans.col.delta"),
          key: `${c.key}-delta`,
          align: "right",
          width: 100,
          render: (_: unknown, r: TableRowDto) => {
            const d = r.cells[index]!.deltaFromBaseline;
            return <Typography.Text type={d ? (d > 0 ? "success" : "danger") : undefined}>{d ? (d > 0 ? "+" : "") + num(d) : "0"}</Typography.Text>;
          },
        },
      ],
    })),
  ];
  return (
    <Table<TableRowDto>
      size="small"
      bordered
      rowKey="label"
      columns={columns}
      dataSource={version.rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      expandable={{ expandedRowRender: (r) => <RowDetail row={r} version={version} />, rowExpandable: () => true }}
    />
  );
}

function RowDetail({ row, version }: { row: TableRowDto; version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const label = (key: string) => {
    const c = version.columns.find((x) => x.key === key)!;
    return lang === "en" ? c.labelEn : c.labelVi;
  };
  const i = row.inputs;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {i && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t("fundingPlans.input.gdp")}>
            <InputValue value={i.gdp} implied={i.gdpImplied} explanation={i.explanation.gdp} />
          </Descriptions.Item>
          <Descriptions.Item label={t("fundingPlans.input.citySpending")}>
            <InputValue value={i.citySpending} implied={i.citySpendingImplied} explanation={i.explanation.citySpending} />
          </Descriptions.Item>
          <Descriptions.Item label={t("fundingPlans.input.shares")}>
            {t("fundingPlans.input.sharesText", {
              social: formatNumber(i.socialSharePct),
              city: formatNumber(i.cityBudgetSharePct),
              recurrent: formatNumber(i.recurrentSharePct),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={row.cells}
        columns={[
          { title: t("fundingPlans.col.column"), key: "key", render: (_: unknown, c: TableCellDto) => label(c.key) },
          { title: t("fundingPlans.col.arithmetic"), key: "arithmetic", render: (_: unknown, c: TableCellDto) => c.arithmetic },
        ]}
      />
    </Space>
  );
}
