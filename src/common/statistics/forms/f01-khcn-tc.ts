// 01/KHCN-TC — Số tổ chức khoa học và công nghệ (TT 15/2018/TT-BKHCN), filled per organisation with the general
// information of the reporting unit (the 01/CS layer of TT 25/2015: name, address, founding decision…). The city's
// aggregate counts organisations by type, economic type and field (select answers are counted per option).
import type { FormDefinitionInput } from "../../api/statistics.js";
import { TT15, reporterSection } from "./common.js";

const opt = (value: string, labelVi: string, labelEn: string) => ({ value, labelVi, labelEn });

export const form01: FormDefinitionInput = {
  key: "01-KHCN-TC",
  code: "01/KHCN-TC",
  version: 1,
  effectiveFrom: "2019-01-01",
  legalBasis: TT15,
  titleVi: "Số tổ chức khoa học và công nghệ",
  titleEn: "Number of S&T organisations",
  descriptionVi: "Thông tin chung về đơn vị báo cáo tại thời điểm 31/12 của năm báo cáo.",
  descriptionEn: "General information about the reporting unit on 31 December of the reporting year.",
  sections: [
    {
      key: "identity",
      titleVi: "I. Thông tin chung về đơn vị",
      titleEn: "I. General information about the unit",
      fields: [
        { key: "org_name", labelVi: "Tên đơn vị", labelEn: "Name of the unit", type: "text", required: true, maxLength: 500, prefill: "organisation.name_vi" },
        { key: "org_abbreviation", labelVi: "Tên viết tắt", labelEn: "Abbreviation", type: "text", maxLength: 50, prefill: "organisation.abbreviation" },
        { key: "org_name_en", labelVi: "Tên tiếng Anh", labelEn: "English name", type: "text", maxLength: 500, prefill: "organisation.name_en" },
        { key: "address", labelVi: "Địa chỉ", labelEn: "Address", type: "text", required: true, maxLength: 500, prefill: "organisation.address" },
        { key: "phone", labelVi: "Điện thoại", labelEn: "Phone", type: "text", maxLength: 50, prefill: "organisation.phone" },
        { key: "email", labelVi: "Thư điện tử", labelEn: "E-mail", type: "text", maxLength: 200, prefill: "organisation.email" },
        { key: "website", labelVi: "Trang thông tin điện tử", labelEn: "Website", type: "text", maxLength: 300, prefill: "organisation.website" },
        { key: "founding_decision", labelVi: "Số quyết định thành lập", labelEn: "Founding decision number", type: "text", maxLength: 200 },
        { key: "founding_date", labelVi: "Ngày thành lập", labelEn: "Founding date", type: "date" },
        { key: "founding_authority", labelVi: "Cơ quan quyết định thành lập", labelEn: "Founding authority", type: "text", maxLength: 300 },
      ],
      tables: [],
    },
    {
      key: "classification",
      titleVi: "II. Phân loại",
      titleEn: "II. Classification",
      fields: [
        {
          key: "org_type",
          labelVi: "Loại hình tổ chức",
          labelEn: "Type of organisation",
          type: "select",
          required: true,
          prefill: "organisation.type",
          options: [
            opt("rd", "Tổ chức nghiên cứu và phát triển", "R&D organisation"),
            opt("hei", "Cơ sở giáo dục đại học", "Higher-education institution"),
            opt("service", "Tổ chức dịch vụ KH&CN", "S&T service organisation"),
          ],
        },
        {
          key: "economic_type",
          labelVi: "Loại hình kinh tế",
          labelEn: "Economic type",
          type: "select",
          required: true,
          options: [
            opt("state", "Nhà nước", "State"),
            opt("non_state", "Ngoài nhà nước", "Non-state"),
            opt("foreign", "Có vốn đầu tư nước ngoài", "Foreign-invested"),
          ],
        },
        {
          key: "main_field",
          labelVi: "Lĩnh vực hoạt động chính",
          labelEn: "Main field of activity",
          type: "select",
          required: true,
          options: [
            opt("1", "Khoa học tự nhiên", "Natural sciences"),
            opt("2", "Khoa học kỹ thuật và công nghệ", "Engineering and technology"),
            opt("3", "Khoa học y, dược", "Medical and health sciences"),
            opt("4", "Khoa học nông nghiệp", "Agricultural sciences"),
            opt("5", "Khoa học xã hội", "Social sciences"),
            opt("6", "Khoa học nhân văn", "Humanities"),
          ],
        },
        {
          key: "managing_level",
          labelVi: "Cấp quản lý",
          labelEn: "Managing level",
          type: "select",
          required: true,
          options: [
            opt("central", "Trung ương", "Central"),
            opt("city", "Thành phố", "City"),
            opt("district", "Quận, huyện", "District"),
            opt("none", "Không có cơ quan chủ quản", "None"),
          ],
        },
      ],
      tables: [],
    },
    {
      key: "units",
      titleVi: "III. Đơn vị trực thuộc",
      titleEn: "III. Affiliated units",
      fields: [
        {
          key: "affiliated_units",
          labelVi: "Số đơn vị trực thuộc làm KH&CN",
          labelEn: "Affiliated units doing S&T",
          type: "integer",
          unitVi: "đơn vị",
          unitEn: "units",
          min: 0,
          max: 1000,
        },
        { key: "laboratories", labelVi: "Số phòng thí nghiệm", labelEn: "Laboratories", type: "integer", unitVi: "phòng", unitEn: "labs", min: 0, max: 1000 },
        {
          key: "accredited_laboratories",
          labelVi: "Trong đó: phòng thí nghiệm đạt VILAS / ISO/IEC 17025",
          labelEn: "of which accredited (VILAS / ISO/IEC 17025)",
          type: "integer",
          unitVi: "phòng",
          unitEn: "labs",
          min: 0,
          max: 1000,
          prefill: "organisation.accredited_laboratories",
        },
      ],
      tables: [],
    },
    reporterSection,
  ],
  rules: [
    {
      key: "accredited_le_laboratories",
      left: ["accredited_laboratories"],
      op: "lte",
      right: ["laboratories"],
      severity: "error",
      messageVi: "Số phòng thí nghiệm đạt chuẩn ({left}) không được lớn hơn tổng số phòng thí nghiệm ({right}).",
      messageEn: "Accredited laboratories ({left}) cannot exceed the number of laboratories ({right}).",
    },
  ],
};
