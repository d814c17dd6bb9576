// 02/KHCN-NL — Nhân lực trong các tổ chức khoa học và công nghệ (TT 15/2018/TT-BKHCN): people by qualification ×
// (total, women, ethnic minorities, working in R&D) and by academic title. Prefilled from the people registry
// (people whose primary organisation is the reporting unit, by degree, gender and title).
import type { FormDefinitionInput, TableAxisItem } from "../../api/statistics.js";
import { TT15, partOfTotalRule, reporterSection, rowsSumRule } from "./common.js";

const qualificationRows: TableAxisItem[] = [
  { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true, prefill: "people.total" },
  { key: "tskh", labelVi: "Tiến sĩ khoa học", labelEn: "Doctor of Science", prefill: "people.degree.TSKH" },
  { key: "ts", labelVi: "Tiến sĩ", labelEn: "Doctorate (PhD)", prefill: "people.degree.TS" },
  { key: "ths", labelVi: "Thạc sĩ", labelEn: "Master", prefill: "people.degree.ThS" },
  { key: "dh", labelVi: "Đại học", labelEn: "Bachelor", prefill: "people.degree.DH" },
  { key: "cd", labelVi: "Cao đẳng", labelEn: "College diploma", prefill: "people.degree.CD" },
  { key: "other", labelVi: "Trình độ khác", labelEn: "Other", prefill: "people.degree.other" },
];

const titleRows: TableAxisItem[] = [
  { key: "gs", labelVi: "Giáo sư", labelEn: "Professor", prefill: "people.title.GS" },
  { key: "pgs", labelVi: "Phó giáo sư", labelEn: "Associate professor", prefill: "people.title.PGS" },
];

export const form02: FormDefinitionInput = {
  key: "02-KHCN-NL",
  code: "02/KHCN-NL",
  version: 1,
  effectiveFrom: "2019-01-01",
  legalBasis: TT15,
  titleVi: "Nhân lực trong các tổ chức khoa học và công nghệ",
  titleEn: "People in S&T organisations",
  descriptionVi: "Số người làm việc tại đơn vị tại thời điểm 31/12, theo trình độ chuyên môn, giới tính và chức danh.",
  descriptionEn: "People working at the unit on 31 December, by qualification, gender and academic title.",
  sections: [
    {
      key: "staff",
      titleVi: "I. Nhân lực theo trình độ chuyên môn",
      titleEn: "I. People by qualification",
      fields: [],
      tables: [
        {
          key: "staff",
          titleVi: "Nhân lực theo trình độ chuyên môn",
          titleEn: "People by qualification",
          type: "integer",
          unitVi: "người",
          unitEn: "people",
          rowHeaderVi: "Trình độ chuyên môn",
          rowHeaderEn: "Qualification",
          rows: qualificationRows,
          columns: [
            { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
            { key: "women", labelVi: "Trong đó: Nữ", labelEn: "of which women" },
            { key: "minority", labelVi: "Trong đó: Dân tộc thiểu số", labelEn: "of which ethnic minorities" },
            { key: "rd", labelVi: "Trong đó: Làm nghiên cứu và phát triển", labelEn: "of which working in R&D" },
          ],
          min: 0,
          max: 1_000_000,
          required: true,
        },
      ],
    },
    {
      key: "titles",
      titleVi: "II. Chức danh khoa học",
      titleEn: "II. Academic titles",
      fields: [],
      tables: [
        {
          key: "titles",
          titleVi: "Giáo sư, phó giáo sư",
          titleEn: "Professors and associate professors",
          type: "integer",
          unitVi: "người",
          unitEn: "people",
          rowHeaderVi: "Chức danh",
          rowHeaderEn: "Title",
          rows: titleRows,
          columns: [
            { key: "total", labelVi: "Tổng số", labelEn: "Total", total: true },
            { key: "women", labelVi: "Trong đó: Nữ", labelEn: "of which women" },
          ],
          min: 0,
          max: 100_000,
        },
      ],
    },
    {
      key: "fte",
      titleVi: "III. Quy đổi toàn thời gian",
      titleEn: "III. Full-time equivalent",
      fields: [
        {
          key: "rd_fte",
          labelVi: "Nhân lực nghiên cứu và phát triển quy đổi toàn thời gian (FTE)",
          labelEn: "R&D personnel in full-time equivalent (FTE)",
          type: "number",
          unitVi: "FTE",
          unitEn: "FTE",
          min: 0,
          max: 1_000_000,
        },
      ],
      tables: [],
    },
    reporterSection,
  ],
  rules: [
    rowsSumRule("staff", qualificationRows),
    partOfTotalRule("staff", "women", "nữ", "women"),
    partOfTotalRule("staff", "minority", "người dân tộc thiểu số", "ethnic minorities"),
    partOfTotalRule("staff", "rd", "người làm nghiên cứu và phát triển", "people in R&D"),
    partOfTotalRule("titles", "women", "nữ", "women"),
    {
      key: "titles_le_doctorates",
      left: ["titles.gs.total", "titles.pgs.total"],
      op: "lte",
      right: ["staff.tskh.total", "staff.ts.total"],
      severity: "error",
      messageVi: "Số giáo sư và phó giáo sư ({left}) không được lớn hơn số tiến sĩ khoa học và tiến sĩ ({right}).",
      messageEn: "Professors and associate professors ({left}) cannot exceed doctors of science and PhDs ({right}).",
    },
    {
      key: "fte_le_rd_headcount",
      left: ["rd_fte"],
      op: "lte",
      right: ["staff.total.rd"],
      severity: "warning",
      messageVi: "Số FTE nghiên cứu ({left}) thường không lớn hơn số người làm nghiên cứu ({right}).",
      messageEn: "R&D FTE ({left}) is usually not above the R&D headcount ({right}).",
    },
  ],
};
