// Reference code lists, versioned with their legal basis and effective date. They are loaded into the database
// (tables code_list_versions and codes) at start-up; a new version sits beside the old one, records keep their codes.
import { UNITS_2025, UNITS_2025_FROM, unitLabel } from "./admin-units.js";

const VIETNAMESE = new Intl.Collator("vi");
export interface CodeDef {
  code: string;
  vi: string;
  en: string;
  parent?: string;
  level?: number;
}
export interface CodeListDef {
  key: CodeListKey;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  note?: string;
  codes: CodeDef[];
}

export const CODE_LIST_KEYS = ["field", "sector", "degree", "title", "org_type", "district", "admin_unit", "gender"] as const;
export type CodeListKey = (typeof CODE_LIST_KEYS)[number];

const fieldsL1: [string, string, string][] = [
  ["1", "Khoa học tự nhiên", "Natural sciences"],
  ["2", "Khoa học kỹ thuật và công nghệ", "Engineering and technology"],
  ["3", "Khoa học y, dược", "Medical and health sciences"],
  ["4", "Khoa học nông nghiệp", "Agricultural sciences"],
  ["5", "Khoa học xã hội", "Social sciences"],
  ["6", "Khoa học nhân văn", "Humanities"],
];
const fieldsL2: [string, string, string][] = [
  ["101", "Toán học và thống kê", "Mathematics and statistics"],
  ["102", "Khoa học máy tính và thông tin", "Computer and information sciences"],
  ["103", "Vật lý", "Physical sciences"],
  ["104", "Hoá học", "Chemical sciences"],
  ["105", "Các khoa học trái đất và môi trường liên quan", "Earth and related environmental sciences"],
  ["106", "Sinh học", "Biological sciences"],
  ["199", "Khoa học tự nhiên khác", "Other natural sciences"],
  ["201", "Kỹ thuật dân dụng", "Civil engineering"],
  ["202", "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin", "Electrical, electronic and information engineering"],
  ["203", "Kỹ thuật cơ khí", "Mechanical engineering"],
  ["204", "Kỹ thuật hóa học", "Chemical engineering"],
  ["205", "Kỹ thuật vật liệu và luyện kim", "Materials engineering and metallurgy"],
  ["206", "Kỹ thuật y học", "Medical engineering"],
  ["207", "Kỹ thuật môi trường", "Environmental engineering"],
  ["208", "Công nghệ sinh học môi trường", "Environmental biotechnology"],
  ["209", "Công nghệ sinh học công nghiệp", "Industrial biotechnology"],
  ["210", "Công nghệ nano", "Nano-technology"],
  ["211", "Kỹ thuật thực phẩm và đồ uống", "Food and beverage engineering"],
  ["299", "Khoa học kỹ thuật và công nghệ khác", "Other engineering and technologies"],
  ["301", "Y học cơ sở", "Basic medicine"],
  ["302", "Y học lâm sàng", "Clinical medicine"],
  ["303", "Y tế", "Health sciences"],
  ["304", "Dược học", "Pharmacy"],
  ["305", "Công nghệ sinh học trong y học", "Medical biotechnology"],
  ["399", "Khoa học y, dược khác", "Other medical sciences"],
  ["401", "Trồng trọt", "Agriculture, crop science"],
  ["402", "Chăn nuôi", "Animal and dairy science"],
  ["403", "Thú y", "Veterinary science"],
  ["404", "Lâm nghiệp", "Forestry"],
  ["405", "Thủy sản", "Fisheries"],
  ["406", "Công nghệ sinh học trong nông nghiệp", "Agricultural biotechnology"],
  ["499", "Khoa học nông nghiệp khác", "Other agricultural sciences"],
  ["501", "Tâm lý học", "Psychology"],
  ["502", "Kinh tế và kinh doanh", "Economics and business"],
  ["503", "Khoa học giáo dục", "Educational sciences"],
  ["504", "Xã hội học", "Sociology"],
  ["505", "Pháp luật", "Law"],
  ["506", "Khoa học chính trị", "Political science"],
  ["507", "Địa lý kinh tế và xã hội", "Social and economic geography"],
  ["508", "Thông tin đại chúng và truyền thông", "Media and communications"],
  ["599", "Khoa học xã hội khác", "Other social sciences"],
  ["601", "Lịch sử và khảo cổ học", "History and archaeology"],
  ["602", "Ngôn ngữ học và văn học", "Languages and literature"],
  ["603", "Triết học, đạo đức học và tôn giáo", "Philosophy, ethics and religion"],
  ["604", "Nghệ thuật", "Arts"],
  ["699", "Khoa học nhân văn khác", "Other humanities"],
];

const fieldCodes: CodeDef[] = [
  ...fieldsL1.map(([code, vi, en]) => ({ code, vi, en, level: 1 })),
  ...fieldsL2.map(([code, vi, en]) => ({ code, vi, en, level: 2, parent: code[0] })),
];

export const CODE_LISTS: CodeListDef[] = [
  {
    key: "field",
    version: 1,
    effectiveFrom: "2008-01-04",
    legalBasis: "QĐ 12/2008/QĐ-BKHCN",
    note: "Bảng phân loại lĩnh vực nghiên cứu KH&CN, cấp 1 và cấp 2",
    codes: fieldCodes,
  },
  {
    key: "field",
    version: 2,
    effectiveFrom: "2025-12-15",
    legalBasis: "TT 24/2025/TT-BKHCN",
    note: "Bảng phân loại 4 cấp; cấp 1–2 giữ 6 lĩnh vực và 46 mã; cấp 3–4 bổ sung khi ban hành đầy đủ",
    codes: fieldCodes,
  },
  {
    key: "sector",
    version: 1,
    effectiveFrom: "2014-01-01",
    legalBasis: "Đề án phát triển KH&CN Hải Phòng đến 2020, định hướng 2030",
    note: "Sáu lĩnh vực quản lý của Đề án",
    codes: [
      { code: "KHXHNV", vi: "Khoa học xã hội và nhân văn", en: "Social sciences and humanities" },
      { code: "DTCB_MT", vi: "Điều tra cơ bản và bảo vệ môi trường", en: "Basic surveys and environmental protection" },
      { code: "CN", vi: "Công nghiệp", en: "Industry" },
      { code: "NN", vi: "Nông nghiệp", en: "Agriculture" },
      { code: "TS", vi: "Thủy sản", en: "Fisheries" },
      { code: "YD", vi: "Y – dược", en: "Medicine and pharmacy" },
    ],
  },
  {
    key: "degree",
    version: 1,
    effectiveFrom: "2015-01-01",
    legalBasis: "Chế độ báo cáo thống kê ngành KH&CN (TT 15/2018/TT-BKHCN)",
    codes: [
      { code: "TSKH", vi: "Tiến sĩ khoa học", en: "Doctor of Science" },
      { code: "TS", vi: "Tiến sĩ", en: "Doctorate (PhD)" },
      { code: "ThS", vi: "Thạc sĩ", en: "Master" },
      { code: "DH", vi: "Đại học", en: "Bachelor" },
      { code: "CD", vi: "Cao đẳng", en: "College diploma" },
      { code: "KHAC", vi: "Khác", en: "Other" },
    ],
  },
  {
    key: "title",
    version: 1,
    effectiveFrom: "2015-01-01",
    legalBasis: "Chế độ báo cáo thống kê ngành KH&CN (TT 15/2018/TT-BKHCN)",
    codes: [
      { code: "GS", vi: "Giáo sư", en: "Professor" },
      { code: "PGS", vi: "Phó giáo sư", en: "Associate professor" },
    ],
  },
  {
    key: "gender",
    version: 1,
    effectiveFrom: "2015-01-01",
    legalBasis: "Chế độ báo cáo thống kê ngành KH&CN",
    codes: [
      { code: "male", vi: "Nam", en: "Male" },
      { code: "female", vi: "Nữ", en: "Female" },
      { code: "other", vi: "Khác", en: "Other" },
    ],
  },
  {
    key: "org_type",
    version: 1,
    effectiveFrom: "2019-01-01",
    legalBasis: "Luật KH&CN 2013; TT 15/2018/TT-BKHCN (biểu 01/KHCN-TC)",
    codes: [
      { code: "university", vi: "Trường đại học", en: "University" },
      { code: "college", vi: "Trường cao đẳng", en: "College" },
      { code: "rd_institute", vi: "Tổ chức nghiên cứu và phát triển", en: "R&D organisation" },
      { code: "st_service", vi: "Tổ chức dịch vụ KH&CN", en: "S&T service organisation" },
      { code: "state_agency", vi: "Cơ quan quản lý nhà nước", en: "State agency" },
      { code: "st_enterprise", vi: "Doanh nghiệp KH&CN", en: "S&T enterprise" },
      { code: "enterprise", vi: "Doanh nghiệp", en: "Enterprise" },
      { code: "hospital", vi: "Bệnh viện, cơ sở y tế", en: "Hospital or health facility" },
      { code: "association", vi: "Hội, hiệp hội", en: "Association" },
      { code: "other", vi: "Khác", en: "Other" },
    ],
  },
  {
    key: "district",
    version: 1,
    effectiveFrom: "2013-01-01",
    legalBasis: "Đơn vị hành chính cấp huyện của thành phố Hải Phòng (đến 30/6/2025)",
    note: "Từ 01/7/2025 chính quyền hai cấp và hợp nhất với Hải Dương: phiên bản mới thay thế khi ban hành",
    codes: [
      { code: "HONG_BANG", vi: "Quận Hồng Bàng", en: "Hong Bang District" },
      { code: "NGO_QUYEN", vi: "Quận Ngô Quyền", en: "Ngo Quyen District" },
      { code: "LE_CHAN", vi: "Quận Lê Chân", en: "Le Chan District" },
      { code: "HAI_AN", vi: "Quận Hải An", en: "Hai An District" },
      { code: "KIEN_AN", vi: "Quận Kiến An", en: "Kien An District" },
      { code: "DO_SON", vi: "Quận Đồ Sơn", en: "Do Son District" },
      { code: "DUONG_KINH", vi: "Quận Dương Kinh", en: "Duong Kinh District" },
      { code: "THUY_NGUYEN", vi: "Huyện Thủy Nguyên", en: "Thuy Nguyen District" },
      { code: "AN_DUONG", vi: "Huyện An Dương", en: "An Duong District" },
      { code: "AN_LAO", vi: "Huyện An Lão", en: "An Lao District" },
      { code: "KIEN_THUY", vi: "Huyện Kiến Thụy", en: "Kien Thuy District" },
      { code: "TIEN_LANG", vi: "Huyện Tiên Lãng", en: "Tien Lang District" },
      { code: "VINH_BAO", vi: "Huyện Vĩnh Bảo", en: "Vinh Bao District" },
      { code: "CAT_HAI", vi: "Huyện Cát Hải", en: "Cat Hai District" },
      { code: "BACH_LONG_VI", vi: "Huyện Bạch Long Vĩ", en: "Bach Long Vi District" },
    ],
  },
  {
    key: "admin_unit",
    version: 1,
    effectiveFrom: UNITS_2025_FROM,
    legalBasis:
      "Nghị quyết 1669/NQ-UBTVQH15 ngày 16/6/2025 về việc sắp xếp các đơn vị hành chính cấp xã của thành phố Hải Phòng năm 2025; mã số theo Công văn 1027/CTK-CSCL ngày 25/6/2025",
    note: "Đơn vị hành chính cấp xã của thành phố Hải Phòng (sau hợp nhất với tỉnh Hải Dương) từ 01/7/2025: 45 phường, 67 xã, 2 đặc khu",
    // in Vietnamese alphabetical order of their names, whatever their kind
    codes: [...UNITS_2025].sort((a, b) => VIETNAMESE.compare(a.name, b.name)).map((u) => ({ code: u.code, vi: unitLabel(u, "vi"), en: unitLabel(u, "en") })),
  },
];

/** The newest version of a list in force on a day (YYYY-MM-DD, the caller's calendar day). */
export function currentList(key: CodeListKey, on: string): CodeListDef {
  const versions = CODE_LISTS.filter((l) => l.key === key && l.effectiveFrom <= on).sort((a, b) => b.version - a.version);
  return versions[0] ?? CODE_LISTS.find((l) => l.key === key)!;
}

/** A code's label in the list in force on `on`, in `lang`; a code the list does not have is shown as it is. */
export function codeLabel(key: CodeListKey, code: string | null, on: string, lang: "vi" | "en" = "vi"): string | null {
  if (!code) return null;
  const c = currentList(key, on).codes.find((x) => x.code === code);
  return c ? c[lang] : code;
}
