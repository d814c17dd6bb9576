// 03/KHCN-CP — Chi cho khoa học và công nghệ (TT 15/2018/TT-BKHCN): expenditure by type (development investment,
// R&D tasks, other recurrent) × source (state budget central / local, enterprises, foreign, other), million VND.
import type { FormDefinitionInput, TableAxisItem } from "../../api/statistics.js";
import { TT15, columnsSumRule, reporterSection, rowsSumRule } from "./common.js";

const rows: TableAxisItem[] = [
  { key: "total", labelVi: "Tổng chi", labelEn: "Total expenditure", total: true },
  { key: "investment", labelVi: "Chi đầu tư phát triển", labelEn: "Development investment" },
  { key: "rd_tasks", labelVi: "Chi thực hiện nhiệm vụ KH&CN", labelEn: "S&T tasks" },
  { key: "recurrent", labelVi: "Chi thường xuyên và chi khác", labelEn: "Recurrent and other" },
];
const sources = ["state_central", "state_local", "enterprise", "foreign", "other"];

export const form03: FormDefinitionInput = {
  key: "03-KHCN-CP",
  code: "03/KHCN-CP",
  version: 1,
  effectiveFrom: "2019-01-01",
  legalBasis: TT15,
  titleVi: "Chi cho khoa học và công nghệ",
  titleEn: "S&T expenditure",
  descriptionVi: "Số đã chi trong năm báo cáo theo loại chi và nguồn kinh phí.",
  descriptionEn: "Amounts spent in the reporting year by type and source of funds.",
  sections: [
    {
      key: "expenditure",
      titleVi: "I. Chi theo loại và nguồn",
      titleEn: "I. Expenditure by type and source",
      fields: [],
      tables: [
        {
          key: "spend",
          titleVi: "Chi cho KH&CN theo loại chi và nguồn kinh phí",
          titleEn: "S&T expenditure by type and source",
          type: "number",
          unitVi: "triệu đồng",
          unitEn: "million VND",
          rowHeaderVi: "Loại chi",
          rowHeaderEn: "Type",
          rows,
          columns: [
            { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
            { key: "state_central", labelVi: "NSNN trung ương", labelEn: "State budget, central" },
            { key: "state_local", labelVi: "NSNN địa phương", labelEn: "State budget, local" },
            { key: "enterprise", labelVi: "Doanh nghiệp", labelEn: "Enterprises" },
            { key: "foreign", labelVi: "Nước ngoài", labelEn: "Foreign" },
            { key: "other", labelVi: "Nguồn khác", labelEn: "Other sources" },
          ],
          min: 0,
          max: 1e9,
          required: true,
        },
      ],
    },
    {
      key: "rd",
      titleVi: "II. Chi cho nghiên cứu và phát triển",
      titleEn: "II. R&D expenditure",
      fields: [
        {
          key: "rd_spend",
          labelVi: "Chi cho nghiên cứu và phát triển (R&D)",
          labelEn: "R&D expenditure",
          type: "number",
          unitVi: "triệu đồng",
          unitEn: "million VND",
          min: 0,
          max: 1e9,
        },
      ],
      tables: [],
    },
    reporterSection,
  ],
  rules: [
    rowsSumRule("spend", rows),
    columnsSumRule("spend", sources),
    {
      key: "rd_le_total",
      left: ["rd_spend"],
      op: "lte",
      right: ["spend.total.total"],
      severity: "error",
      messageVi: "Chi cho R&D ({left}) không được lớn hơn tổng chi ({right}).",
      messageEn: "R&D expenditure ({left}) cannot exceed total expenditure ({right}).",
    },
  ],
};
