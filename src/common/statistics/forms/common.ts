// Building blocks shared by the form templates: the reporter section every form ends with, and helpers that write
// the usual "total = sum of parts" and "part ≤ total" rules of the official tables as data.
import type { FormField, FormSection, TableAxisItem, ValidationRule } from "../../api/statistics.js";

export const TT15 = "Thông tư 15/2018/TT-BKHCN (chế độ báo cáo thống kê ngành KH&CN), hiệu lực 01/01/2019";

export const reporterSection: FormSection = {
  key: "reporter",
  titleVi: "Người lập biểu",
  titleEn: "Prepared by",
  fields: [
    {
      key: "reporter_name",
      labelVi: "Họ và tên người lập biểu",
      labelEn: "Name of the person preparing the form",
      type: "text",
      required: true,
      maxLength: 200,
    },
    { key: "reporter_phone", labelVi: "Điện thoại", labelEn: "Phone", type: "text", maxLength: 50 },
    { key: "reporter_email", labelVi: "Thư điện tử", labelEn: "E-mail", type: "text", maxLength: 200 },
    { key: "prepared_on", labelVi: "Ngày lập biểu", labelEn: "Date prepared", type: "date", required: true },
  ] satisfies FormField[],
  tables: [],
};

const quote = (s: string) => s;

/** For every column of the table: row `total` = sum of the other top-level rows (error). */
export function rowsSumRule(table: string, rows: TableAxisItem[], total = "total"): ValidationRule {
  const parts = rows.filter((r) => r.key !== total && !r.level).map((r) => `${table}.${r.key}.*`);
  return {
    key: `${table}_rows_sum`,
    left: [`${table}.${total}.*`],
    op: "eq",
    right: parts,
    each: { table, over: "columns" },
    severity: "error",
    messageVi: quote("Cột «{item}»: dòng Tổng số ({left}) phải bằng tổng các dòng thành phần ({right})."),
    messageEn: "Column “{item}”: the Total row ({left}) must equal the sum of its parts ({right}).",
  };
}

/** For every row of the table: column `total` = sum of the given columns (error). */
export function columnsSumRule(table: string, parts: string[], total = "total"): ValidationRule {
  return {
    key: `${table}_columns_sum`,
    left: [`${table}.*.${total}`],
    op: "eq",
    right: parts.map((c) => `${table}.*.${c}`),
    each: { table, over: "rows" },
    severity: "error",
    messageVi: "Dòng «{item}»: cột Tổng số ({left}) phải bằng tổng các cột thành phần ({right}).",
    messageEn: "Row “{item}”: the Total column ({left}) must equal the sum of its parts ({right}).",
  };
}

/** For every row of the table: column `part` ≤ column `total` (error). */
export function partOfTotalRule(table: string, part: string, partVi: string, partEn: string, total = "total"): ValidationRule {
  return {
    key: `${table}_${part}_le_total`,
    left: [`${table}.*.${part}`],
    op: "lte",
    right: [`${table}.*.${total}`],
    each: { table, over: "rows" },
    severity: "error",
    messageVi: `Dòng «{item}»: số ${partVi} ({left}) không được lớn hơn tổng số ({right}).`,
    messageEn: `Row “{item}”: ${partEn} ({left}) cannot exceed the total ({right}).`,
  };
}
