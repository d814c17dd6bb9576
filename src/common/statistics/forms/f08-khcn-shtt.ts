// 08/KHCN-SHTT — Sở hữu trí tuệ (TT 15/2018/TT-BKHCN): industrial-property applications filed and titles granted
// in the year, in Viet Nam and abroad, by object.
import type { FormDefinitionInput, TableAxisItem } from "../../api/statistics.js";
import { TT15, reporterSection, rowsSumRule } from "./common.js";

const rows: TableAxisItem[] = [
  { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
  { key: "invention", labelVi: "Sáng chế", labelEn: "Inventions" },
  { key: "utility", labelVi: "Giải pháp hữu ích", labelEn: "Utility solutions" },
  { key: "design", labelVi: "Kiểu dáng công nghiệp", labelEn: "Industrial designs" },
  { key: "trademark", labelVi: "Nhãn hiệu", labelEn: "Trademarks" },
  { key: "plant_variety", labelVi: "Giống cây trồng", labelEn: "Plant varieties" },
  { key: "other", labelVi: "Đối tượng khác", labelEn: "Other objects" },
];

export const form08: FormDefinitionInput = {
  key: "08-KHCN-SHTT",
  code: "08/KHCN-SHTT",
  version: 1,
  effectiveFrom: "2019-01-01",
  legalBasis: TT15,
  titleVi: "Sở hữu trí tuệ",
  titleEn: "Intellectual property",
  descriptionVi: "Đơn đăng ký nộp và văn bằng bảo hộ được cấp trong năm báo cáo.",
  descriptionEn: "Applications filed and titles granted in the reporting year.",
  sections: [
    {
      key: "ip",
      titleVi: "I. Đơn và văn bằng bảo hộ",
      titleEn: "I. Applications and titles",
      fields: [],
      tables: [
        {
          key: "ip",
          titleVi: "Đơn đăng ký và văn bằng bảo hộ sở hữu công nghiệp",
          titleEn: "Industrial-property applications and titles",
          type: "integer",
          unitVi: "đơn / văn bằng",
          unitEn: "applications / titles",
          rowHeaderVi: "Đối tượng",
          rowHeaderEn: "Object",
          rows,
          columns: [
            { key: "filed_vn", labelVi: "Đơn nộp trong nước", labelEn: "Filed in Viet Nam" },
            { key: "filed_abroad", labelVi: "Đơn nộp ở nước ngoài", labelEn: "Filed abroad" },
            { key: "granted_vn", labelVi: "Văn bằng được cấp trong nước", labelEn: "Granted in Viet Nam" },
            { key: "granted_abroad", labelVi: "Văn bằng được cấp ở nước ngoài", labelEn: "Granted abroad" },
          ],
          min: 0,
          max: 100_000,
          required: true,
        },
      ],
    },
    {
      key: "licensing",
      titleVi: "II. Chuyển giao quyền",
      titleEn: "II. Licensing",
      fields: [
        {
          key: "licences",
          labelVi: "Số hợp đồng chuyển giao quyền sử dụng",
          labelEn: "Licence contracts",
          type: "integer",
          unitVi: "hợp đồng",
          unitEn: "contracts",
          min: 0,
          max: 100_000,
        },
        {
          key: "licence_revenue",
          labelVi: "Giá trị hợp đồng chuyển giao",
          labelEn: "Value of licence contracts",
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
  rules: [rowsSumRule("ip", rows)],
};
