// The plan's figures that shape the demo people registry, each with the line of the Đề án it comes from
// (docs/plan/plan-facts.json, section human_resources). The plan is a human document: where it gives no figure
// for R&D staff, the closest printed population is used and named.

/** Registry size at scale 1: line 245 "gần 1.450 người có trình độ từ đại học làm việc trong các tổ chức nghiên cứu
 *  và phát triển" — rounded to the "~1,500 R&D people". */
export const PEOPLE_PER_SCALE = 1500;
export const ORGANISATIONS_PER_SCALE = 150;
/** line 293: "20 phòng thử nghiệm được công nhận" (VILAS / ISO/IEC 17025) */
export const LABORATORIES_PER_SCALE = 20;

/** Ages are counted at this year (the demo runs in late 2026). */
export const REFERENCE_YEAR = 2026;

/**
 * Degree shares of R&D staff — line 245: of ~1,450 graduates in R&D organisations, 199 hold a doctorate ("199 tiến sỹ")
 * and 520 a master's ("520 thạc sỹ"); the rest hold a bachelor's degree (the population is "từ đại học", so no CĐ).
 * The plan does not split TSKH from TS (line 243 counts "199 tiến sĩ khoa học, tiến sĩ" together): TSKH is rare in
 * Vietnam, so 0.5 of the 13.72 points go to TSKH.
 */
const RD_STAFF = 1450;
export const DEGREE_SHARES: readonly (readonly [string, number])[] = [
  ["TSKH", 0.005],
  ["TS", 199 / RD_STAFF - 0.005],
  ["ThS", 520 / RD_STAFF],
  ["DH", 1 - 199 / RD_STAFF - 520 / RD_STAFF],
];

/**
 * Titles — line 230: "42 GS, PGS (08 GS, 34 PGS)" in the city; as a share of the ~1,450 R&D staff of line 245.
 * Given only to doctorate holders aged 40 or more (GS: 50 or more), exact counts per registry size.
 */
export const TITLE_SHARES = { GS: 8 / RD_STAFF, PGS: 34 / RD_STAFF } as const;

/**
 * Gender — line 239: masters and above are "nam giới chiếm 57,46%, nữ là 42,54%".
 * Bachelor-level staff: line 251 (civil servants, the only printed split covering them): male 63.09 %, female 36.91 %.
 */
export const MALE_SHARE_POSTGRADUATE = 0.5746;
export const MALE_SHARE_BACHELOR = 0.6309;

/**
 * Age — line 237: masters and doctors "tuổi dưới 35: 48,67%, từ 35-55 là 41,74%, tuổi trên 55 chỉ chiếm 9,59%".
 * Bachelor-level staff — line 249 (civil servants): under 30 17.94 %, 30–50 56.45 %, over 50 25.6 %.
 * Each band is [share, youngest, oldest]; the youngest age also depends on the degree (see minimumAge).
 */
export const AGE_BANDS_POSTGRADUATE: readonly (readonly [number, number, number])[] = [
  [0.4867, 24, 34],
  [0.4174, 35, 55],
  [0.0959, 56, 70],
];
export const AGE_BANDS_BACHELOR: readonly (readonly [number, number, number])[] = [
  [0.1794, 22, 29],
  [0.5645, 30, 50],
  [0.256, 51, 62],
];
export const minimumAge = (degree: string) => (degree === "TSKH" ? 40 : degree === "TS" ? 28 : degree === "ThS" ? 24 : 22);

/**
 * Fields — line 235 gives the training fields of graduate staff: "Giáo dục - Đào tạo chiếm tỷ lệ 30,31%, Y tế 13,98%,
 * Kinh tế 11,39%, Nông nghiệp và phát triển nông thôn: 5,2%, Công nghiệp: 4,25%, Công nghệ thông tin: 4,21%,
 * Môi trường: 2,24%, Xây dựng 2,22%"; the other 26.2 % are spread over the remaining fields of science.
 * Each group maps to level-2 codes of the field list (QĐ 12/2008).
 */
export const FIELD_GROUPS: readonly { key: string; share: number; codes: string[] }[] = [
  { key: "education", share: 0.3031, codes: ["503"] },
  { key: "health", share: 0.1398, codes: ["301", "302", "302", "303", "304", "305"] },
  { key: "economics", share: 0.1139, codes: ["502"] },
  { key: "agriculture", share: 0.052, codes: ["401", "402", "403", "405", "405", "406"] },
  { key: "industry", share: 0.0425, codes: ["203", "204", "205", "209", "211"] },
  { key: "it", share: 0.0421, codes: ["102"] },
  { key: "environment", share: 0.0224, codes: ["105", "207", "208"] },
  { key: "construction", share: 0.0222, codes: ["201"] },
  {
    key: "other",
    share: 1 - (0.3031 + 0.1398 + 0.1139 + 0.052 + 0.0425 + 0.0421 + 0.0224 + 0.0222),
    codes: [
      "101",
      "103",
      "104",
      "106",
      "106",
      "199",
      "202",
      "202",
      "206",
      "210",
      "299",
      "299",
      "299",
      "399",
      "404",
      "499",
      "501",
      "504",
      "505",
      "506",
      "507",
      "508",
      "599",
      "601",
      "602",
      "603",
      "604",
      "699",
    ],
  },
];

/**
 * Where people work (organisation categories). Line 241 puts 51.1 % of masters and above in universities and colleges;
 * the other shares are this generator's choice for an R&D registry (line 241's 38.9 % in city departments describes
 * the whole state sector, not R&D staff).
 */
export const WORKPLACE_SHARES: readonly (readonly [WorkplaceCategory, number])[] = [
  ["academic", 0.511],
  ["st", 0.3],
  ["health", 0.07],
  ["agency", 0.06],
  ["business", 0.05],
  ["association", 0.009],
];
export type WorkplaceCategory = "academic" | "st" | "health" | "agency" | "business" | "association";
export const CATEGORY_OF_TYPE: Record<string, WorkplaceCategory> = {
  university: "academic",
  college: "academic",
  rd_institute: "st",
  st_service: "st",
  hospital: "health",
  state_agency: "agency",
  enterprise: "business",
  st_enterprise: "business",
  association: "association",
  other: "association",
};

/** Expertise keywords per level-2 field. */
export const KEYWORDS: Record<string, string[]> = {
  "101": ["thống kê ứng dụng", "tối ưu hóa", "mô hình toán học", "xác suất"],
  "102": ["trí tuệ nhân tạo", "học máy", "an toàn thông tin", "cơ sở dữ liệu", "chính phủ điện tử", "IoT"],
  "103": ["vật lý chất rắn", "quang học", "vật lý hạt nhân ứng dụng"],
  "104": ["hóa phân tích", "hóa hữu cơ", "hóa môi trường", "xúc tác"],
  "105": ["hải dương học", "địa chất biển", "biến đổi khí hậu", "nước biển dâng", "trầm tích"],
  "106": ["đa dạng sinh học", "sinh thái biển", "rừng ngập mặn", "vi sinh vật"],
  "199": ["khoa học liên ngành"],
  "201": ["kết cấu công trình", "địa kỹ thuật", "công trình cảng", "bê tông nhẹ", "quy hoạch xây dựng"],
  "202": ["tự động hóa", "điều khiển PLC", "điện tử công suất", "năng lượng mặt trời", "viễn thông", "cảm biến"],
  "203": ["cơ khí chế tạo", "máy CNC", "động cơ diesel tàu thủy", "cân điện tử", "hàn"],
  "204": ["sơn tàu biển", "polyme", "cao su kỹ thuật", "xi măng"],
  "205": ["vật liệu compozit", "luyện kim", "vật liệu chống cháy", "thép", "ăn mòn kim loại"],
  "206": ["thiết bị y tế", "chẩn đoán hình ảnh"],
  "207": ["xử lý nước thải", "quản lý chất thải rắn", "quan trắc môi trường", "ô nhiễm không khí", "sự cố tràn dầu"],
  "208": ["xử lý sinh học", "chế phẩm EM"],
  "209": ["enzim", "lên men công nghiệp"],
  "210": ["vật liệu nano"],
  "211": ["chế biến thủy sản", "an toàn thực phẩm", "bảo quản sau thu hoạch", "đồ hộp"],
  "299": ["kỹ thuật tàu thủy", "đóng tàu", "hàng hải", "điều khiển tàu biển", "logistics cảng biển"],
  "301": ["sinh lý học", "giải phẫu", "miễn dịch học"],
  "302": ["tim mạch", "nhi khoa", "sản phụ khoa", "ngoại khoa", "ghép thận", "y học biển", "y học cổ truyền"],
  "303": ["y tế công cộng", "dịch tễ học", "dinh dưỡng", "y học dự phòng"],
  "304": ["dược liệu", "bào chế", "kiểm nghiệm thuốc"],
  "305": ["sinh học phân tử", "phân tích ADN", "thụ tinh trong ống nghiệm"],
  "399": ["y học thể thao"],
  "401": ["lúa lai F1", "rau an toàn", "VietGAP", "giống cây trồng", "nông nghiệp công nghệ cao"],
  "402": ["chăn nuôi gia cầm", "thức ăn chăn nuôi", "VietGAHP"],
  "403": ["thú y", "dịch bệnh gia súc"],
  "404": ["lâm nghiệp", "rừng phòng hộ ven biển"],
  "405": ["nuôi trồng thủy sản", "tôm sú", "cá song", "cá giò", "bào ngư", "nguồn lợi hải sản", "khai thác hải sản"],
  "406": ["nuôi cấy mô", "công nghệ sinh học nông nghiệp", "chế phẩm sinh học"],
  "499": ["kinh tế nông nghiệp"],
  "501": ["tâm lý học giáo dục", "tâm lý lao động"],
  "502": ["kinh tế biển", "logistics", "quản trị doanh nghiệp", "tài chính công", "năng suất chất lượng", "kinh tế phát triển"],
  "503": ["phương pháp giảng dạy", "quản lý giáo dục", "đào tạo nghề", "giáo dục STEM", "kiểm định chất lượng giáo dục"],
  "504": ["xã hội học đô thị", "lao động việc làm", "giảm nghèo"],
  "505": ["pháp luật hành chính", "sở hữu trí tuệ", "luật hàng hải"],
  "506": ["hệ thống chính trị", "chính sách công"],
  "507": ["quy hoạch vùng", "nông thôn mới", "đô thị hóa"],
  "508": ["báo chí", "truyền thông số"],
  "599": ["nghiên cứu phát triển"],
  "601": ["lịch sử Hải Phòng", "khảo cổ học", "di sản văn hóa"],
  "602": ["ngôn ngữ học", "văn học Việt Nam", "tiếng Anh chuyên ngành"],
  "603": ["triết học", "đạo đức học"],
  "604": ["âm nhạc", "mỹ thuật", "sân khấu"],
  "699": ["văn hóa học"],
};

/** Street names by district (urban districts) and a main road for the rural ones. */
export const STREETS: Record<string, string[]> = {
  HONG_BANG: ["Hoàng Văn Thụ", "Điện Biên Phủ", "Minh Khai", "Hồng Bàng", "Quang Trung", "Tam Bạc"],
  NGO_QUYEN: ["Lê Lợi", "Lạch Tray", "Lê Lai", "Đà Nẵng", "Văn Cao", "Lê Thánh Tông", "Cầu Đất", "Lương Khánh Thiện"],
  LE_CHAN: ["Tô Hiệu", "Trần Nguyên Hãn", "Hai Bà Trưng", "Hồ Sen", "Nguyễn Văn Linh", "Dân Lập", "Thiên Lôi", "Lạch Tray"],
  HAI_AN: ["Lê Hồng Phong", "Ngô Gia Tự", "Cát Bi", "Đà Nẵng", "Văn Cao", "Đình Vũ"],
  KIEN_AN: ["Trần Thành Ngọ", "Phan Đăng Lưu", "Trường Chinh", "Lê Quốc Uy"],
  DO_SON: ["Lý Thánh Tông", "Nguyễn Hữu Cầu", "Vạn Sơn"],
  DUONG_KINH: ["Phạm Văn Đồng", "Mạc Đăng Doanh"],
  THUY_NGUYEN: ["Quốc lộ 10", "Đường Núi Đèo"],
  AN_DUONG: ["Quốc lộ 5", "Tôn Đức Thắng"],
  AN_LAO: ["Quốc lộ 10", "Đường 354"],
  KIEN_THUY: ["Đường 353", "Đường 403"],
  TIEN_LANG: ["Đường 354", "Đường 212"],
  VINH_BAO: ["Đường 17B", "Quốc lộ 37"],
  CAT_HAI: ["Đường 1/4", "Núi Ngọc"],
  BACH_LONG_VI: ["Khu trung tâm huyện"],
};
export const URBAN_DISTRICTS = ["HONG_BANG", "NGO_QUYEN", "LE_CHAN", "HAI_AN", "KIEN_AN", "DO_SON", "DUONG_KINH"];
/** Where invented organisations and people's homes are: mostly the urban districts. */
export const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = [
  ["HONG_BANG", 10],
  ["NGO_QUYEN", 14],
  ["LE_CHAN", 14],
  ["HAI_AN", 10],
  ["KIEN_AN", 8],
  ["DO_SON", 3],
  ["DUONG_KINH", 4],
  ["THUY_NGUYEN", 8],
  ["AN_DUONG", 7],
  ["AN_LAO", 4],
  ["KIEN_THUY", 4],
  ["TIEN_LANG", 4],
  ["VINH_BAO", 4],
  ["CAT_HAI", 2],
  ["BACH_LONG_VI", 0.2],
];

/** Accredited laboratory names (VILAS / ISO/IEC 17025) for invented laboratories, with their fields. */
export const LAB_NAMES: readonly (readonly [string, string[]])[] = [
  ["Phòng Thí nghiệm Hóa – Môi trường", ["104", "207"]],
  ["Phòng Thử nghiệm Vi sinh thực phẩm", ["211", "106"]],
  ["Phòng Thí nghiệm Vật liệu xây dựng", ["201"]],
  ["Phòng Thử nghiệm Điện – Điện tử", ["202"]],
  ["Phòng Phân tích chất lượng nước", ["207", "104"]],
  ["Phòng Xét nghiệm Y sinh", ["301", "305"]],
  ["Phòng Thử nghiệm Cơ lý", ["203", "205"]],
  ["Phòng Hiệu chuẩn Đo lường", ["203", "202"]],
  ["Phòng Thí nghiệm Bệnh thủy sản", ["405"]],
  ["Phòng Kiểm nghiệm Dược phẩm", ["304"]],
  ["Phòng Thí nghiệm Phân bón và Đất", ["401", "104"]],
  ["Phòng Thử nghiệm Dầu mỡ và Nhiên liệu", ["204"]],
];

/**
 * Where the registry's people studied (the scientific CV's training history), by level-1 field of science: the
 * universities that train most of the city's graduates, each with a weight. Doctorates are also awarded by the
 * national academies and institutes (POSTGRADUATE_INSTITUTIONS).
 */
export const UNIVERSITIES_BY_FIELD: Record<string, readonly (readonly [string, number])[]> = {
  "1": [
    ["Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội", 4],
    ["Trường Đại học Sư phạm Hà Nội", 2],
    ["Trường Đại học Hải Phòng", 2],
  ],
  "2": [
    ["Trường Đại học Hàng hải Việt Nam", 5],
    ["Trường Đại học Bách khoa Hà Nội", 4],
    ["Trường Đại học Xây dựng Hà Nội", 2],
    ["Trường Đại học Thủy lợi", 1],
    ["Trường Đại học Giao thông Vận tải", 1],
  ],
  "3": [
    ["Trường Đại học Y Dược Hải Phòng", 5],
    ["Trường Đại học Y Hà Nội", 3],
    ["Trường Đại học Dược Hà Nội", 1],
  ],
  "4": [
    ["Học viện Nông nghiệp Việt Nam", 4],
    ["Trường Đại học Nha Trang", 2],
    ["Trường Đại học Nông Lâm, Đại học Thái Nguyên", 1],
  ],
  "5": [
    ["Trường Đại học Hải Phòng", 4],
    ["Trường Đại học Kinh tế Quốc dân", 3],
    ["Trường Đại học Sư phạm Hà Nội", 2],
    ["Trường Đại học Luật Hà Nội", 1],
  ],
  "6": [
    ["Trường Đại học Khoa học Xã hội và Nhân văn, Đại học Quốc gia Hà Nội", 3],
    ["Trường Đại học Hải Phòng", 2],
  ],
};
export const POSTGRADUATE_INSTITUTIONS: Record<string, readonly string[]> = {
  "1": ["Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Đại học Quốc gia Hà Nội"],
  "2": ["Trường Đại học Bách khoa Hà Nội", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Trường Đại học Hàng hải Việt Nam"],
  "3": ["Trường Đại học Y Hà Nội", "Viện Vệ sinh Dịch tễ Trung ương", "Trường Đại học Y Dược Hải Phòng"],
  "4": ["Học viện Nông nghiệp Việt Nam", "Viện Nghiên cứu Hải sản", "Viện Khoa học Nông nghiệp Việt Nam"],
  "5": ["Học viện Khoa học xã hội", "Trường Đại học Kinh tế Quốc dân"],
  "6": ["Học viện Khoa học xã hội", "Đại học Quốc gia Hà Nội"],
};

/** Foreign languages of the registry's people: English for most graduates, Russian for those who studied before 1990. */
export const OTHER_LANGUAGES = ["Tiếng Pháp", "Tiếng Trung", "Tiếng Nhật", "Tiếng Hàn", "Tiếng Đức"] as const;

/** Awards a researcher of the city may hold: [name, awarded by]. */
export const AWARDS: readonly (readonly [string, string])[] = [
  ["Giải thưởng Sáng tạo khoa học công nghệ Việt Nam", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam"],
  ["Bằng khen của Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"],
  ["Giải thưởng Hội thi Sáng tạo kỹ thuật thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"],
  ["Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ"],
  ["Kỷ niệm chương Vì sự nghiệp khoa học và công nghệ", "Bộ Khoa học và Công nghệ"],
];
