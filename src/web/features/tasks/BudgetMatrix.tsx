// A dossier's budget as a matrix: one row per category, for each year the city S&T budget and other sources, with
// row and column totals in vi-VN money.
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetSource } from "../../../common/api/task";
import { formatNumber } from "../../app/format";

export interface BudgetLineLike {
  year?: number | null;
  source?: BudgetSource | null;
  category?: BudgetCategory | null;
  amount?: number | null;
}

type Row = { key: string; category: string; cells: Record<string, number>; total: number };

export function BudgetMatrix({ lines }: { lines: (BudgetLineLike | undefined)[] }) {
  const { t } = useTranslation();
  const valid = lines.filter((l): l is Required<BudgetLineLike> => !!l && !!l.year && !!l.source && !!l.category && typeof l.amount === "number");
  const years = [...new Set(valid.map((l) => l.year as number))].sort((a, b) => a - b);
  const cell = (year: number, source: string) => `${year}|${source}`;
  const rows: Row[] = BUDGET_CATEGORIES.map((c) => {
    const cells: Record<string, number> = {};
    let total = 0;
    for (const l of valid.filter((x) => x.category === c)) {
      const k = cell(l.year as number, l.source as string);
      cells[k] = (cells[k] ?? 0) + (l.amount as number);
      total += l.amount as number;
    }
    return { key: c, category: t(`tasks.budgetCategory.${c}`), cells, total };
  });
  const money = (n: number | undefined) => (n ? formatNumber(n, 0) : "");
  const sumOf = (k: string) => rows.reduce((s, r) => s + (r.cells[k] ?? 0), 0);
  const grand = rows.reduce((s, r) => s + r.total, 0);
  const sources: BudgetSource[] = ["city", "other"];
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      className="budget-matrix"
      dataSource={rows}
      scroll={{ x: "max-content" }}
      caption={<Typography.Text type="secondary">{t("tasks.budget.unit")}</Typography.Text>}
      columns={[
        { title: t("tasks.budget.category"), dataIndex: "category", fixed: "left" },
        ...years.map((y) => ({
          title: String(y),
          key: String(y),
          children: sources.map((s) => ({
            title: t(`tasks.budgetSource.${s}`),
            key: cell(y, s),
            align: "right" as const,
            render: (_: unknown, r: Row) => money(r.cells[cell(y, s)]),
          })),
        })),
        { title: t("tasks.budget.rowTotal"), dataIndex: "total", align: "right", render: (n: number) => <strong>{money(n)}</strong> },
      ]}
      summary={() => (
        <Table.Summary.Row className="budget-total-row">
          <Table.Summary.Cell index={0}>
            <strong>{t("tasks.budget.total")}</strong>
          </Table.Summary.Cell>
          {years.flatMap((y, i) =>
            sources.map((s, j) => (
              <Table.Summary.Cell key={cell(y, s)} index={1 + i * 2 + j} align="right">
                <strong>{money(sumOf(cell(y, s)))}</strong>
              </Table.Summary.Cell>
            )),
          )}
          <Table.Summary.Cell index={1 + years.length * 2} align="right">
            <strong data-testid="budget-grand-total">{formatNumber(grand, 0)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
