// 04/KHCN-NV — Nhiệm vụ khoa học và công nghệ (TT 15/2018/TT-BKHCN): tasks by level × status (carried over, new,
// accepted in the year, ongoing at 31/12) and their funding (million VND). Prefilled from the platform's tasks led by
// the reporting unit (city-level tasks; other levels as the platform records them).
import type { FormDefinitionInput, TableAxisItem } from "../../api/statistics.js";
import { TT15, columnsSumRule, reporterSection, rowsSumRule } from "./common.js";

const levels = (prefix: string, prefill: boolean): TableAxisItem[] => [
  { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
  { key: "national", labelVi: "Cấp quốc gia", labelEn: "National", ...(prefill ? { prefill: `${prefix}.national` } : {}) },
  { key: "ministry", labelVi: "Cấp bộ", labelEn: "Ministry", ...(prefill ? { prefill: `${prefix}.ministry` } : {}) },
  { key: "provincial", labelVi: "Cấp tỉnh / thành phố", labelEn: "Provincial / city", ...(prefill ? { prefill: `${prefix}.city` } : {}) },
  { key: "grassroots", labelVi: "Cấp cơ sở", labelEn: "Grassroots", ...(prefill ? { prefill: `${prefix}.grassroots` } : {}) },
];
const countRows = levels("tasks", true);
const fundRows = levels("task_funds", true);

export const form04: FormDefinitionInput = {
  key: "04-KHCN-NV",
  code: "04/KHCN-NV",
  version: 1,
  effectiveFrom: "2019-01-01",
  legalBasis: TT15,
  titleVi: "Nhiệm vụ khoa học và công nghệ",
  titleEn: "S&T tasks",
  descriptionVi: "Nhiệm vụ KH&CN do đơn vị chủ trì trong năm báo cáo, theo cấp quản lý và tình trạng.",
  descriptionEn: "S&T tasks led by the unit in the reporting year, by managing level and status.",
  sections: [
    {
      key: "counts",
      titleVi: "I. Số nhiệm vụ",
      titleEn: "I. Number of tasks",
      fields: [],
      tables: [
        {
          key: "tasks",
          titleVi: "Số nhiệm vụ KH&CN theo cấp quản lý",
          titleEn: "S&T tasks by managing level",
          type: "integer",
          unitVi: "nhiệm vụ",
          unitEn: "tasks",
          rowHeaderVi: "Cấp quản lý",
          rowHeaderEn: "Level",
          rows: countRows,
          columns: [
            { key: "carried_over", labelVi: "Chuyển tiếp từ năm trước", labelEn: "Carried over" },
            { key: "new", labelVi: "Mở mới trong năm", labelEn: "Started in the year" },
            { key: "accepted", labelVi: "Đã nghiệm thu trong năm", labelEn: "Accepted in the year" },
            { key: "ongoing", labelVi: "Đang thực hiện tại 31/12", labelEn: "Ongoing on 31/12" },
          ],
          min: 0,
          max: 100_000,
          required: true,
        },
      ],
    },
    {
      key: "funds",
      titleVi: "II. Kinh phí",
      titleEn: "II. Funding",
      fields: [],
      tables: [
        {
          key: "funds",
          titleVi: "Kinh phí thực hiện nhiệm vụ trong năm",
          titleEn: "Funding of the tasks in the year",
          type: "number",
          unitVi: "triệu đồng",
          unitEn: "million VND",
          rowHeaderVi: "Cấp quản lý",
          rowHeaderEn: "Level",
          rows: fundRows,
          columns: [
            { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
            { key: "state", labelVi: "Ngân sách nhà nước", labelEn: "State budget" },
            { key: "other", labelVi: "Nguồn khác", labelEn: "Other sources" },
          ],
          min: 0,
          max: 1e9,
        },
      ],
    },
    reporterSection,
  ],
  rules: [
    rowsSumRule("tasks", countRows),
    rowsSumRule("funds", fundRows),
    columnsSumRule("funds", ["state", "other"]),
    {
      key: "tasks_ongoing_le_active",
      left: ["tasks.*.ongoing", "tasks.*.accepted"],
      op: "lte",
      right: ["tasks.*.carried_over", "tasks.*.new"],
      each: { table: "tasks", over: "rows" },
      severity: "error",
      messageVi: "Dòng «{item}»: số đang thực hiện và đã nghiệm thu ({left}) không được lớn hơn số chuyển tiếp và mở mới ({right}).",
      messageEn: "Row “{item}”: ongoing plus accepted ({left}) cannot exceed carried over plus new ({right}).",
    },
  ],
};
