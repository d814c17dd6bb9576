// The organisations of the demo city at scale 1: 150 records.
//   20 universities and colleges   — Đề án line 280: "Trên địa bàn thành phố có 20 trường đại học, cao đẳng"
//   55 S&T organisations, 8 central — line 285: "Hải Phòng hiện có 55 tổ chức KH&CN (trong đó có 8 đơn vị Trung ương …)"
//   15 state agencies, 10 hospitals and health facilities, 45 enterprises, 5 associations — where the people work
//   (line 241 places masters and doctors in universities, city departments, public S&T organisations, districts and
//   associations) and the enterprises the plan names (lines 78–80, 148, 175, 194–201).
// `source` is the line of the plan (docs/plan/plan-facts.json, named_entities.*, organizations.named_institutions)
// that names the organisation; records without it have plausible, invented names.
// Fields are level-2 codes of the field-of-science list (src/common/reference.ts).

export interface OrgSeed {
  key: string;
  type: string;
  nameVi: string;
  nameEn?: string;
  abbreviation?: string;
  governance: "central" | "local";
  district: string;
  fields: string[];
  foundedYear?: number;
  parentKey?: string;
  /** line of the Đề án that names this organisation */
  source?: number;
  /** e-mail / website domain stem (synthetic, under example.vn) */
  domain?: string;
}

const uni = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "university",
  governance: "local",
  ...o,
});
const college = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "college",
  governance: "local",
  ...o,
});

export const UNIVERSITIES_AND_COLLEGES: OrgSeed[] = [
  uni({
    key: "vmu",
    nameVi: "Trường Đại học Hàng hải Việt Nam",
    nameEn: "Vietnam Maritime University",
    abbreviation: "VMU",
    governance: "central",
    district: "LE_CHAN",
    fields: ["203", "202", "299", "502", "201"],
    foundedYear: 1956,
    source: 822,
    domain: "vimaru",
  }),
  uni({
    key: "hpmu",
    nameVi: "Trường Đại học Y Dược Hải Phòng",
    nameEn: "Hai Phong University of Medicine and Pharmacy",
    abbreviation: "HPMU",
    governance: "central",
    district: "NGO_QUYEN",
    fields: ["301", "302", "303", "304", "305"],
    foundedYear: 1979,
    source: 293, // "Đại học Y Hải Phòng" (line 293), "Trường Đại học Y" (line 822); today's name
    domain: "hpmu",
  }),
  uni({
    key: "dhhp",
    nameVi: "Trường Đại học Hải Phòng",
    nameEn: "Hai Phong University",
    abbreviation: "DHHP",
    district: "KIEN_AN",
    fields: ["503", "502", "101", "602", "601"],
    foundedYear: 1959,
    source: 822,
    domain: "dhhp",
  }),
  uni({
    key: "hpu",
    nameVi: "Trường Đại học Dân lập Hải Phòng",
    nameEn: "Hai Phong Private University",
    abbreviation: "HPU",
    district: "LE_CHAN",
    fields: ["102", "502", "201", "207", "602"],
    foundedYear: 1997,
    source: 822, // "Đại học Dân lập"
    domain: "hpu",
  }),
  uni({ key: "uni5", nameVi: "Trường Đại học Kinh tế và Công nghệ Hải Phòng", nameEn: "Hai Phong University of Economics and Technology", abbreviation: "HPUET", district: "DUONG_KINH", fields: ["502", "102", "202"], foundedYear: 2008 }),
  college({ key: "col1", nameVi: "Trường Cao đẳng Hàng hải I", nameEn: "Maritime College No. 1", district: "HAI_AN", fields: ["203", "299"], foundedYear: 1964 }),
  college({ key: "col2", nameVi: "Trường Cao đẳng Y tế Hải Phòng", nameEn: "Hai Phong Medical College", district: "KIEN_AN", fields: ["303", "304"], foundedYear: 1960 }),
  college({ key: "col3", nameVi: "Trường Cao đẳng Du lịch Hải Phòng", nameEn: "Hai Phong Tourism College", district: "HAI_AN", fields: ["502", "602"], foundedYear: 1960 }),
  college({ key: "col4", nameVi: "Trường Cao đẳng Công nghệ Viettronics", nameEn: "Viettronics College of Technology", district: "HAI_AN", fields: ["202", "102"], foundedYear: 1975 }),
  college({ key: "col5", nameVi: "Trường Cao đẳng Cộng đồng Hải Phòng", nameEn: "Hai Phong Community College", district: "AN_DUONG", fields: ["401", "502", "503"], foundedYear: 2006 }),
  college({ key: "col6", nameVi: "Trường Cao đẳng Giao thông vận tải Trung ương II", nameEn: "Central Transport College No. 2", governance: "central", district: "KIEN_AN", fields: ["201", "203"], foundedYear: 1968 }),
  college({ key: "col7", nameVi: "Trường Cao đẳng Công nghiệp Hải Phòng", nameEn: "Hai Phong Industrial College", district: "HONG_BANG", fields: ["203", "205", "202"], foundedYear: 1970 }),
  college({ key: "col8", nameVi: "Trường Cao đẳng Kinh tế – Kỹ thuật Bạch Đằng", nameEn: "Bach Dang College of Economics and Engineering", district: "THUY_NGUYEN", fields: ["502", "203"], foundedYear: 1998 }),
  college({ key: "col9", nameVi: "Trường Cao đẳng Thủy sản Duyên hải", nameEn: "Coastal Fisheries College", district: "DO_SON", fields: ["405", "211"], foundedYear: 1978 }),
  college({ key: "col10", nameVi: "Trường Cao đẳng Nông nghiệp Hải Phòng", nameEn: "Hai Phong Agricultural College", district: "AN_LAO", fields: ["401", "402", "403"], foundedYear: 1972 }),
  college({ key: "col11", nameVi: "Trường Cao đẳng Xây dựng Hải Phòng", nameEn: "Hai Phong Construction College", district: "THUY_NGUYEN", fields: ["201"], foundedYear: 1976 }),
  college({ key: "col12", nameVi: "Trường Cao đẳng Văn hóa Nghệ thuật Hải Phòng", nameEn: "Hai Phong College of Culture and Arts", district: "LE_CHAN", fields: ["604", "602"], foundedYear: 1967 }),
  college({ key: "col13", nameVi: "Trường Cao đẳng Kỹ thuật Cơ điện Hải Phòng", nameEn: "Hai Phong College of Electromechanics", district: "HONG_BANG", fields: ["203", "202"], foundedYear: 1980 }),
  college({ key: "col14", nameVi: "Trường Cao đẳng Lao động – Xã hội Hải Phòng", nameEn: "Hai Phong College of Labour and Social Affairs", district: "NGO_QUYEN", fields: ["504", "502"], foundedYear: 1992 }),
  college({ key: "col15", nameVi: "Trường Cao đẳng Công nghệ thông tin Hải Phòng", nameEn: "Hai Phong College of Information Technology", district: "NGO_QUYEN", fields: ["102", "202"], foundedYear: 2005 }),
];

const rd = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "rd_institute",
  governance: "local",
  ...o,
});
const svc = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "st_service",
  governance: "local",
  ...o,
});

export const ST_ORGANISATIONS: OrgSeed[] = [
  // ── The 8 central units located in the city (line 285) ──
  rd({ key: "rimf", nameVi: "Viện Nghiên cứu Hải sản", nameEn: "Research Institute for Marine Fisheries", abbreviation: "RIMF", governance: "central", district: "NGO_QUYEN", fields: ["405", "106", "105"], foundedYear: 1961, source: 260 }),
  rd({ key: "imer", nameVi: "Viện Tài nguyên và Môi trường biển", nameEn: "Institute of Marine Environment and Resources", abbreviation: "IMER", governance: "central", district: "NGO_QUYEN", fields: ["105", "106", "207"], source: 260 }),
  rd({ key: "vimm", nameVi: "Viện Y học biển", nameEn: "National Institute of Maritime Medicine", governance: "central", district: "LE_CHAN", fields: ["302", "303", "301"], source: 260 }),
  rd({ key: "vmu_imst", nameVi: "Viện Khoa học và Công nghệ Hàng hải", nameEn: "Institute of Maritime Science and Technology", governance: "central", district: "LE_CHAN", fields: ["299", "203", "202"], parentKey: "vmu" }),
  rd({ key: "vmu_auto", nameVi: "Trung tâm Nghiên cứu Tự động hóa và Điều khiển tàu thủy", nameEn: "Centre for Ship Automation and Control Research", governance: "central", district: "LE_CHAN", fields: ["202", "299"], parentKey: "vmu" }),
  rd({ key: "hpmu_bio", nameVi: "Trung tâm Nghiên cứu Y sinh học", nameEn: "Biomedical Research Centre", governance: "central", district: "NGO_QUYEN", fields: ["301", "305"], parentKey: "hpmu" }),
  rd({ key: "transport", nameVi: "Phân viện Khoa học Công nghệ Giao thông vận tải tại Hải Phòng", nameEn: "Hai Phong Branch, Institute of Transport Science and Technology", governance: "central", district: "HAI_AN", fields: ["201", "299"] }),
  rd({ key: "catba", nameVi: "Trạm Nghiên cứu Đa dạng sinh học biển Cát Bà", nameEn: "Cat Ba Marine Biodiversity Research Station", governance: "central", district: "CAT_HAI", fields: ["106", "105"], parentKey: "imer" }),
  // ── Local organisations the plan names ──
  rd({ key: "ctas", nameVi: "Trung tâm Nghiên cứu ứng dụng tiến bộ khoa học và công nghệ", nameEn: "Centre for Research and Application of S&T Advances", district: "NGO_QUYEN", fields: ["406", "209", "207"], parentKey: "dost", source: 835 }),
  svc({ key: "smq_centre", nameVi: "Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng", nameEn: "Technical Centre for Standards, Metrology and Quality", district: "NGO_QUYEN", fields: ["203", "202", "104"], parentKey: "smq", source: 835 }),
  rd({ key: "hitech_union", nameVi: "Liên hiệp Khoa học - sản xuất sản phẩm kỹ thuật cao", nameEn: "Science-Production Union for High-Tech Products", district: "LE_CHAN", fields: ["202", "205"], source: 835 }),
  rd({ key: "ssh", nameVi: "Trung tâm Khoa học xã hội và Nhân văn", nameEn: "Centre for Social Sciences and Humanities", district: "HONG_BANG", fields: ["504", "601", "506"], source: 835 }),
  svc({ key: "exchange", nameVi: "Sàn Giao dịch Công nghệ và thiết bị Hải Phòng", nameEn: "Hai Phong Technology and Equipment Exchange", district: "HONG_BANG", fields: ["502", "299"], parentKey: "dost", source: 208 }),
  svc({ key: "info", nameVi: "Trung tâm Thông tin khoa học và công nghệ Hải Phòng", nameEn: "Hai Phong S&T Information Centre", district: "NGO_QUYEN", fields: ["102", "508"], parentKey: "dost", source: 843 }),
  svc({ key: "safety", nameVi: "Trung tâm Kiểm định Kỹ thuật An toàn", nameEn: "Technical Safety Inspection Centre", district: "LE_CHAN", fields: ["203", "202"], source: 197 }),
  rd({ key: "seed_centre", nameVi: "Trung tâm Giống nông lâm nghiệp công nghệ cao", nameEn: "High-Tech Agro-Forestry Seed Centre", district: "AN_LAO", fields: ["401", "404", "406"], source: 148 }),
  // ── Other local organisations (invented names) ──
  rd({ key: "st1", nameVi: "Trung tâm Nghiên cứu và Chuyển giao công nghệ nuôi trồng thủy sản", nameEn: "Aquaculture Research and Technology Transfer Centre", district: "KIEN_THUY", fields: ["405"] }),
  svc({ key: "st2", nameVi: "Trung tâm Khuyến nông Hải Phòng", nameEn: "Hai Phong Agricultural Extension Centre", district: "AN_DUONG", fields: ["401", "402"] }),
  svc({ key: "st3", nameVi: "Trung tâm Quan trắc tài nguyên và môi trường Hải Phòng", nameEn: "Hai Phong Environmental Monitoring Centre", district: "LE_CHAN", fields: ["105", "207"] }),
  svc({ key: "st4", nameVi: "Trung tâm Công nghệ thông tin và Truyền thông Hải Phòng", nameEn: "Hai Phong ICT Centre", district: "NGO_QUYEN", fields: ["102", "508"] }),
  rd({ key: "st5", nameVi: "Trung tâm Ứng dụng công nghệ sinh học Hải Phòng", nameEn: "Hai Phong Biotechnology Application Centre", district: "AN_LAO", fields: ["406", "209", "106"] }),
  rd({ key: "st6", nameVi: "Trung tâm Nghiên cứu Môi trường và Phát triển bền vững", nameEn: "Centre for Environment and Sustainable Development", district: "KIEN_AN", fields: ["207", "105"], parentKey: "dhhp" }),
  svc({ key: "st7", nameVi: "Trung tâm Kỹ thuật Môi trường đô thị", nameEn: "Urban Environmental Engineering Centre", district: "HAI_AN", fields: ["207"] }),
  svc({ key: "st8", nameVi: "Trung tâm Tư vấn và Chuyển giao công nghệ xây dựng", nameEn: "Construction Technology Consulting and Transfer Centre", district: "LE_CHAN", fields: ["201"] }),
  svc({ key: "st9", nameVi: "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm Hải Phòng", nameEn: "Hai Phong Drug, Cosmetics and Food Quality Control Centre", district: "NGO_QUYEN", fields: ["304", "211"] }),
  rd({ key: "st10", nameVi: "Trung tâm Giống thủy sản Hải Phòng", nameEn: "Hai Phong Aquatic Breeding Centre", district: "DO_SON", fields: ["405"] }),
  rd({ key: "st11", nameVi: "Trung tâm Nghiên cứu Phát triển nông thôn ven biển", nameEn: "Coastal Rural Development Research Centre", district: "TIEN_LANG", fields: ["401", "507"] }),
  svc({ key: "st12", nameVi: "Trung tâm Chuyển giao công nghệ và Ươm tạo doanh nghiệp", nameEn: "Technology Transfer and Business Incubation Centre", district: "HAI_AN", fields: ["502", "299"] }),
  rd({ key: "st13", nameVi: "Trung tâm Phần mềm và Giải pháp số Hải Phòng", nameEn: "Hai Phong Software and Digital Solutions Centre", district: "NGO_QUYEN", fields: ["102"] }),
  rd({ key: "st14", nameVi: "Trung tâm Nghiên cứu Vật liệu mới và Công nghệ hàn", nameEn: "New Materials and Welding Research Centre", district: "HONG_BANG", fields: ["205", "203"], parentKey: "hpu" }),
  rd({ key: "st15", nameVi: "Trung tâm Nghiên cứu Kinh tế biển", nameEn: "Marine Economy Research Centre", district: "KIEN_AN", fields: ["502", "507"], parentKey: "dhhp" }),
  rd({ key: "st16", nameVi: "Trung tâm Nghiên cứu Ứng dụng Điện tử – Viễn thông", nameEn: "Applied Electronics and Telecommunications Research Centre", district: "LE_CHAN", fields: ["202"] }),
  svc({ key: "st17", nameVi: "Trung tâm Đo lường và Thử nghiệm Cơ khí", nameEn: "Mechanical Metrology and Testing Centre", district: "HONG_BANG", fields: ["203"] }),
  rd({ key: "st18", nameVi: "Trung tâm Nghiên cứu Sinh thái rừng ngập mặn", nameEn: "Mangrove Ecology Research Centre", district: "TIEN_LANG", fields: ["106", "404"] }),
  rd({ key: "st19", nameVi: "Trung tâm Nghiên cứu Nông nghiệp công nghệ cao", nameEn: "High-Tech Agriculture Research Centre", district: "THUY_NGUYEN", fields: ["401", "406"] }),
  rd({ key: "st20", nameVi: "Trung tâm Nghiên cứu Thú y và Chăn nuôi", nameEn: "Veterinary and Animal Husbandry Research Centre", district: "AN_LAO", fields: ["402", "403"] }),
  rd({ key: "st21", nameVi: "Trung tâm Nghiên cứu Lịch sử và Văn hóa Hải Phòng", nameEn: "Hai Phong History and Culture Research Centre", district: "HONG_BANG", fields: ["601", "604"] }),
  rd({ key: "st22", nameVi: "Trung tâm Nghiên cứu Giáo dục và Phát triển nguồn nhân lực", nameEn: "Education and Human Resources Research Centre", district: "KIEN_AN", fields: ["503", "501"], parentKey: "dhhp" }),
  svc({ key: "st23", nameVi: "Trung tâm Tư vấn Sở hữu trí tuệ Hải Phòng", nameEn: "Hai Phong Intellectual Property Consulting Centre", district: "NGO_QUYEN", fields: ["505"] }),
  rd({ key: "st24", nameVi: "Trung tâm Nghiên cứu Năng lượng tái tạo", nameEn: "Renewable Energy Research Centre", district: "DUONG_KINH", fields: ["202", "207"] }),
  svc({ key: "st25", nameVi: "Trung tâm Phân tích và Kiểm nghiệm Hóa chất", nameEn: "Chemical Analysis and Testing Centre", district: "HONG_BANG", fields: ["104", "204"] }),
  rd({ key: "st26", nameVi: "Trung tâm Nghiên cứu Quy hoạch và Phát triển đô thị", nameEn: "Urban Planning and Development Research Centre", district: "LE_CHAN", fields: ["507", "201"] }),
  rd({ key: "st27", nameVi: "Trung tâm Nghiên cứu Logistics và Chuỗi cung ứng", nameEn: "Logistics and Supply Chain Research Centre", district: "HAI_AN", fields: ["502"], parentKey: "hpu" }),
  rd({ key: "st28", nameVi: "Trung tâm Nghiên cứu Y học cổ truyền", nameEn: "Traditional Medicine Research Centre", district: "KIEN_AN", fields: ["302", "304"] }),
  rd({ key: "st29", nameVi: "Trung tâm Nghiên cứu Dinh dưỡng và An toàn thực phẩm", nameEn: "Nutrition and Food Safety Research Centre", district: "NGO_QUYEN", fields: ["303", "211"] }),
  rd({ key: "st30", nameVi: "Trung tâm Nghiên cứu Công nghệ sau thu hoạch và Chế biến thủy sản", nameEn: "Post-Harvest and Seafood Processing Research Centre", district: "CAT_HAI", fields: ["211", "405"] }),
  rd({ key: "st31", nameVi: "Trung tâm Ứng dụng Công nghệ viễn thám và GIS", nameEn: "Remote Sensing and GIS Application Centre", district: "LE_CHAN", fields: ["105", "102"] }),
  rd({ key: "st32", nameVi: "Trung tâm Nghiên cứu Động lực học sông – biển", nameEn: "River and Coastal Dynamics Research Centre", district: "DO_SON", fields: ["105", "201"] }),
  rd({ key: "st33", nameVi: "Trung tâm Nghiên cứu An toàn thông tin", nameEn: "Information Security Research Centre", district: "NGO_QUYEN", fields: ["102"] }),
  rd({ key: "st34", nameVi: "Trung tâm Nghiên cứu Tâm lý học ứng dụng", nameEn: "Applied Psychology Research Centre", district: "LE_CHAN", fields: ["501"] }),
  rd({ key: "st35", nameVi: "Trung tâm Nghiên cứu Pháp luật và Chính sách", nameEn: "Law and Policy Research Centre", district: "HONG_BANG", fields: ["505", "506"] }),
  rd({ key: "st36", nameVi: "Trung tâm Nghiên cứu Thống kê và Dữ liệu kinh tế", nameEn: "Statistics and Economic Data Research Centre", district: "NGO_QUYEN", fields: ["101", "502"] }),
  rd({ key: "st37", nameVi: "Trung tâm Nghiên cứu Quan trắc môi trường biển", nameEn: "Marine Environmental Monitoring Research Centre", district: "DO_SON", fields: ["105", "207"] }),
  rd({ key: "st38", nameVi: "Trung tâm Nghiên cứu Cơ khí chế tạo", nameEn: "Mechanical Fabrication Research Centre", district: "HONG_BANG", fields: ["203", "205"] }),
  rd({ key: "st39", nameVi: "Trung tâm Nghiên cứu Giống thủy sản nước lợ", nameEn: "Brackish-Water Aquaculture Breeding Research Centre", district: "KIEN_THUY", fields: ["405", "106"] }),
];

const agency = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "state_agency",
  governance: "local",
  ...o,
});

export const STATE_AGENCIES: OrgSeed[] = [
  agency({ key: "dost", nameVi: "Sở Khoa học và Công nghệ", nameEn: "Department of Science and Technology", abbreviation: "Sở KH&CN", district: "NGO_QUYEN", fields: ["299", "502"], source: 306 }),
  agency({ key: "smq", nameVi: "Chi cục Tiêu chuẩn Đo lường Chất lượng", nameEn: "Sub-department for Standards, Metrology and Quality", district: "NGO_QUYEN", fields: ["203"], parentKey: "dost", source: 194 }),
  agency({ key: "ag_health", nameVi: "Sở Y tế", nameEn: "Department of Health", district: "HONG_BANG", fields: ["303"] }),
  agency({ key: "ag_edu", nameVi: "Sở Giáo dục và Đào tạo", nameEn: "Department of Education and Training", district: "NGO_QUYEN", fields: ["503"] }),
  agency({ key: "ag_agri", nameVi: "Sở Nông nghiệp và Phát triển nông thôn", nameEn: "Department of Agriculture and Rural Development", district: "HONG_BANG", fields: ["401", "405"] }),
  agency({ key: "ag_env", nameVi: "Sở Tài nguyên và Môi trường", nameEn: "Department of Natural Resources and Environment", district: "LE_CHAN", fields: ["105", "207"] }),
  agency({ key: "ag_ind", nameVi: "Sở Công Thương", nameEn: "Department of Industry and Trade", district: "HONG_BANG", fields: ["502", "203"] }),
  agency({ key: "ag_ict", nameVi: "Sở Thông tin và Truyền thông", nameEn: "Department of Information and Communications", district: "NGO_QUYEN", fields: ["102", "508"] }),
  agency({ key: "ag_con", nameVi: "Sở Xây dựng", nameEn: "Department of Construction", district: "LE_CHAN", fields: ["201"] }),
  agency({ key: "ag_tra", nameVi: "Sở Giao thông vận tải", nameEn: "Department of Transport", district: "NGO_QUYEN", fields: ["201", "299"] }),
  agency({ key: "ag_plan", nameVi: "Sở Kế hoạch và Đầu tư", nameEn: "Department of Planning and Investment", district: "HONG_BANG", fields: ["502"] }),
  agency({ key: "ag_fin", nameVi: "Sở Tài chính", nameEn: "Department of Finance", district: "HONG_BANG", fields: ["502"] }),
  agency({ key: "ag_office", nameVi: "Văn phòng UBND thành phố", nameEn: "Office of the City People's Committee", district: "HONG_BANG", fields: ["506"], source: 83 }),
  agency({ key: "ag_customs", nameVi: "Cục Hải quan thành phố Hải Phòng", nameEn: "Hai Phong Customs Department", governance: "central", district: "NGO_QUYEN", fields: ["502", "102"], source: 83 }),
  agency({ key: "ag_eza", nameVi: "Ban Quản lý Khu kinh tế Hải Phòng", nameEn: "Hai Phong Economic Zone Authority", district: "HAI_AN", fields: ["502", "507"] }),
];

const hospital = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "hospital",
  governance: "local",
  ...o,
});

export const HOSPITALS: OrgSeed[] = [
  hospital({ parentKey: "ag_health", key: "h1", nameVi: "Bệnh viện Hữu nghị Việt Tiệp", nameEn: "Viet Tiep Friendship Hospital", district: "LE_CHAN", fields: ["302", "301"] }),
  hospital({ parentKey: "ag_health", key: "h2", nameVi: "Bệnh viện Trẻ em Hải Phòng", nameEn: "Hai Phong Children's Hospital", district: "KIEN_AN", fields: ["302"] }),
  hospital({ parentKey: "ag_health", key: "h3", nameVi: "Bệnh viện Phụ sản Hải Phòng", nameEn: "Hai Phong Obstetrics and Gynaecology Hospital", district: "NGO_QUYEN", fields: ["302", "305"] }),
  hospital({ parentKey: "ag_health", key: "h4", nameVi: "Bệnh viện Kiến An", nameEn: "Kien An Hospital", district: "KIEN_AN", fields: ["302"] }),
  hospital({ parentKey: "ag_health", key: "h5", nameVi: "Bệnh viện Y học cổ truyền Hải Phòng", nameEn: "Hai Phong Traditional Medicine Hospital", district: "LE_CHAN", fields: ["302", "304"] }),
  hospital({ parentKey: "ag_health", key: "h6", nameVi: "Bệnh viện Mắt Hải Phòng", nameEn: "Hai Phong Eye Hospital", district: "NGO_QUYEN", fields: ["302"] }),
  hospital({ parentKey: "ag_health", key: "h7", nameVi: "Bệnh viện Phổi Hải Phòng", nameEn: "Hai Phong Lung Hospital", district: "KIEN_AN", fields: ["302", "303"] }),
  hospital({ parentKey: "ag_health", key: "h8", nameVi: "Bệnh viện Tâm thần Hải Phòng", nameEn: "Hai Phong Psychiatric Hospital", district: "AN_DUONG", fields: ["302", "501"] }),
  hospital({ parentKey: "ag_health", key: "h9", nameVi: "Trung tâm Kiểm soát bệnh tật Hải Phòng", nameEn: "Hai Phong Centre for Disease Control", abbreviation: "CDC Hải Phòng", district: "NGO_QUYEN", fields: ["303", "301"] }),
  hospital({ parentKey: "ag_health", key: "h10", nameVi: "Bệnh viện Đa khoa huyện Thủy Nguyên", nameEn: "Thuy Nguyen District General Hospital", district: "THUY_NGUYEN", fields: ["302"] }),
];

const ent = (o: Omit<OrgSeed, "type" | "governance"> & { type?: string; governance?: "central" | "local" }): OrgSeed => ({
  type: "enterprise",
  governance: "local",
  ...o,
});

/** Enterprises named by the plan (line in `source`); names written in their usual form ("Công ty Cổ phần …"). */
export const NAMED_ENTERPRISES: OrgSeed[] = [
  ent({ key: "paint", nameVi: "Công ty Cổ phần Sơn Hải Phòng", nameEn: "Hai Phong Paint JSC", district: "HONG_BANG", fields: ["204", "205"], source: 78 }),
  ent({ key: "e2", nameVi: "Công ty Cổ phần Đúc đồng", nameEn: "Copper Casting JSC", district: "HONG_BANG", fields: ["205", "203"], source: 78 }),
  ent({ key: "e3", type: "st_enterprise", nameVi: "Công ty Cổ phần Cân Hải Phòng", nameEn: "Hai Phong Scale JSC", district: "LE_CHAN", fields: ["202", "203"], source: 78 }),
  ent({ key: "e4", type: "st_enterprise", nameVi: "Công ty Cổ phần Cao su nhựa", nameEn: "Rubber and Plastics JSC", district: "HONG_BANG", fields: ["204", "205"], source: 78 }),
  ent({ key: "e5", nameVi: "Công ty Cổ phần Cơ khí An Biên", nameEn: "An Bien Mechanical JSC", district: "LE_CHAN", fields: ["203"], source: 78 }),
  ent({ key: "e6", nameVi: "Công ty TNHH Ô tô Hoa Mai", nameEn: "Hoa Mai Automobile Co., Ltd.", district: "AN_DUONG", fields: ["203"], source: 80 }),
  ent({ key: "e7", nameVi: "Công ty TNHH Thương mại Hoàng Huy", nameEn: "Hoang Huy Trading Co., Ltd.", district: "AN_DUONG", fields: ["203", "502"], source: 80 }),
  ent({ key: "e8", nameVi: "Công ty TNHH Ô tô BENDE Việt Nam", nameEn: "BENDE Vietnam Automobile Co., Ltd.", district: "HAI_AN", fields: ["203"], source: 80 }),
  ent({ key: "e9", nameVi: "Công ty Cổ phần Thương mại, Dịch vụ và Kho vận Hải Phòng", nameEn: "Hai Phong Trading, Services and Warehousing JSC", district: "HAI_AN", fields: ["502"], source: 80 }),
  ent({ key: "e10", nameVi: "Công ty Cổ phần Thép VINAKANZAI", nameEn: "VINAKANZAI Steel JSC", district: "HONG_BANG", fields: ["205"], source: 80 }),
  ent({ key: "e11", nameVi: "Công ty TNHH MTV Chế tạo thiết bị và Đóng tàu Hải Phòng", nameEn: "Hai Phong Equipment Manufacturing and Shipbuilding Co., Ltd.", district: "HONG_BANG", fields: ["299", "203"], source: 80 }),
  ent({ key: "e12", nameVi: "Xí nghiệp tập thể Bình An", nameEn: "Binh An Collective Enterprise", district: "AN_LAO", fields: ["401"], source: 148 }),
  ent({ key: "e13", nameVi: "Công ty Liên doanh Cáp điện LS-VINA", nameEn: "LS-VINA Cable JV", district: "HONG_BANG", fields: ["202", "205"], source: 201 }),
  ent({ key: "e14", nameVi: "Công ty Thép Việt – Úc", nameEn: "Viet-Uc Steel", district: "HONG_BANG", fields: ["205"], source: 201 }),
  ent({ key: "e15", nameVi: "Công ty Thép Việt – Hàn", nameEn: "Viet-Han Steel", abbreviation: "VPS", district: "HAI_AN", fields: ["205"], source: 201 }),
  ent({ key: "e16", nameVi: "Công ty Xi măng CHINFON", nameEn: "Chinfon Cement", district: "THUY_NGUYEN", fields: ["204", "201"], source: 201 }),
  ent({ key: "e17", nameVi: "Công ty Đóng tàu Bạch Đằng", nameEn: "Bach Dang Shipyard", district: "HONG_BANG", fields: ["299", "203"], source: 197 }),
  ent({ key: "e18", nameVi: "Công ty Công nghiệp tàu thủy Phà Rừng", nameEn: "Pha Rung Shipbuilding Industry Company", district: "THUY_NGUYEN", fields: ["299", "203"], source: 196 }),
  ent({ key: "e19", nameVi: "Công ty TNHH MTV Điện lực Hải Phòng", nameEn: "Hai Phong Power Company", district: "NGO_QUYEN", fields: ["202"], source: 194 }),
  ent({ key: "e20", nameVi: "Công ty Cấp nước Hải Phòng", nameEn: "Hai Phong Water Supply Company", district: "HONG_BANG", fields: ["207", "201"], source: 196 }),
  ent({ key: "e21", nameVi: "Công ty Xăng dầu Khu vực 3", nameEn: "Petrolimex Region 3", district: "NGO_QUYEN", fields: ["204"], source: 194 }),
  ent({ key: "e22", nameVi: "Công ty Cổ phần Đầu tư và Xây lắp điện", nameEn: "Electrical Investment and Installation JSC", district: "LE_CHAN", fields: ["202", "201"], source: 197 }),
  ent({ key: "e23", nameVi: "Công ty TNHH Việt Đức", nameEn: "Viet Duc Co., Ltd.", district: "AN_DUONG", fields: ["203"], source: 197 }),
  ent({ key: "e24", nameVi: "Công ty Cổ phần Ắc quy Tia Sáng", nameEn: "Tia Sang Battery JSC", district: "LE_CHAN", fields: ["202", "204"], source: 175 }),
  ent({ key: "e25", nameVi: "Công ty Cổ phần Nhựa Tiền Phong", nameEn: "Tien Phong Plastic JSC", district: "LE_CHAN", fields: ["204", "205"], source: 175 }),
  ent({ key: "e26", nameVi: "Công ty TNHH VICO", nameEn: "VICO Co., Ltd.", district: "AN_DUONG", fields: ["204"], source: 175 }),
  ent({ key: "e27", nameVi: "Công ty Cổ phần Chế biến dịch vụ thủy sản Cát Hải", nameEn: "Cat Hai Seafood Processing and Services JSC", district: "CAT_HAI", fields: ["211", "405"], source: 175 }),
  ent({ key: "e28", nameVi: "Công ty Cổ phần Đồ hộp Hạ Long", nameEn: "Ha Long Canned Food JSC", district: "NGO_QUYEN", fields: ["211"], source: 175 }),
  ent({ key: "e29", nameVi: "Công ty TNHH Hải Long", nameEn: "Hai Long Co., Ltd.", district: "HAI_AN", fields: ["211", "405"], source: 175 }),
];

const association = (o: Omit<OrgSeed, "type" | "governance"> & { governance?: "central" | "local" }): OrgSeed => ({
  type: "association",
  governance: "local",
  ...o,
});

export const ASSOCIATIONS: OrgSeed[] = [
  association({ key: "usta", nameVi: "Liên hiệp các hội Khoa học và Kỹ thuật Hải Phòng", nameEn: "Hai Phong Union of Science and Technology Associations", district: "NGO_QUYEN", fields: ["299", "502"], source: 847 }),
  association({ key: "a2", nameVi: "Hội Y học Hải Phòng", nameEn: "Hai Phong Medical Association", district: "LE_CHAN", fields: ["302"] }),
  association({ key: "a3", nameVi: "Hội Khoa học Kinh tế Hải Phòng", nameEn: "Hai Phong Association of Economic Sciences", district: "HONG_BANG", fields: ["502"] }),
  association({ key: "a4", nameVi: "Hội Nghề cá Hải Phòng", nameEn: "Hai Phong Fisheries Association", district: "DO_SON", fields: ["405"] }),
  association({ key: "a5", nameVi: "Hội Tin học Hải Phòng", nameEn: "Hai Phong Informatics Association", district: "NGO_QUYEN", fields: ["102"] }),
];

/** Building blocks for invented organisation names (enterprises named by the plan are above). */
export const ENTERPRISE_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"] as const;
export const ENTERPRISE_TRADES: readonly (readonly [string, string[]])[] = [
  ["Kỹ thuật", ["203", "202"]],
  ["Công nghệ", ["102", "202"]],
  ["Cơ khí", ["203"]],
  ["Đóng tàu", ["299", "203"]],
  ["Vận tải biển", ["299", "502"]],
  ["Logistics", ["502"]],
  ["Thủy sản", ["405", "211"]],
  ["Thực phẩm", ["211"]],
  ["Dược phẩm", ["304"]],
  ["Thiết bị y tế", ["206", "302"]],
  ["Môi trường", ["207"]],
  ["Xây dựng", ["201"]],
  ["Vật liệu mới", ["205", "210"]],
  ["Điện tử", ["202"]],
  ["Phần mềm", ["102"]],
  ["Hóa chất", ["204"]],
  ["Nông nghiệp công nghệ cao", ["401", "406"]],
  ["Năng lượng", ["202", "207"]],
  ["Tư vấn", ["502"]],
  ["Tự động hóa", ["202", "203"]],
];
export const ENTERPRISE_BRANDS = [
  "Hải Âu", "Minh Phát", "An Phú", "Đông Hải", "Sao Biển", "Tân Cảng", "Bạch Đằng", "Cát Bi", "Đồ Sơn", "Hoa Phượng",
  "Lạch Tray", "Trường Thịnh", "Phúc Lộc", "Thành Công", "Hưng Thịnh", "Việt Tiến", "Nam Triệu", "Hòa Bình", "Kim Long",
  "Thiên Ân", "Đại Dương", "Hồng Hà", "Vạn Xuân", "Tiên Lãng", "Duyên Hải", "Cửa Cấm", "Tam Bạc", "Văn Úc", "Cát Bà",
  "Bình Minh", "Quang Minh", "Đức Thành", "Ngọc Sơn", "Phương Đông", "Sông Giá", "Đình Vũ", "Hải Thành", "Tràng Cát",
  "An Hưng", "Vĩnh Phát", "Hải Nam", "Thái Sơn", "Việt Hải", "Sao Mai", "Trung Kiên", "Thịnh Vượng", "Tân Phát",
  "Đông Á", "Hòa Phát", "Bảo An",
] as const;
/** Topics of invented research and service centres at larger scales: [name part, fields]. */
export const CENTRE_TOPICS: readonly (readonly [string, string[]])[] = [
  ["Nuôi trồng thủy sản", ["405"]],
  ["Công nghệ sinh học", ["406", "209"]],
  ["Môi trường biển", ["105", "207"]],
  ["Công nghệ thông tin", ["102"]],
  ["Tự động hóa", ["202"]],
  ["Vật liệu mới", ["205"]],
  ["Kỹ thuật tàu thủy", ["299", "203"]],
  ["Y học dự phòng", ["303"]],
  ["Dược liệu", ["304", "406"]],
  ["Kinh tế biển", ["502"]],
  ["Phát triển nông thôn", ["401", "507"]],
  ["Năng lượng tái tạo", ["202", "207"]],
  ["Công nghệ thực phẩm", ["211"]],
  ["Xây dựng công trình biển", ["201"]],
  ["Khoa học xã hội", ["504", "506"]],
  ["Văn hóa và Du lịch", ["601", "604"]],
];
export const CENTRE_FORMS: readonly (readonly [string, string])[] = [
  ["Trung tâm Nghiên cứu", "rd_institute"],
  ["Viện Nghiên cứu", "rd_institute"],
  ["Trung tâm Ứng dụng", "rd_institute"],
  ["Trung tâm Tư vấn và Chuyển giao công nghệ", "st_service"],
  ["Trung tâm Dịch vụ kỹ thuật", "st_service"],
];
