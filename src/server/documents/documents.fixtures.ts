// Documents as the Department issues them, with the length of real ones (a council of nine, a call of four tasks, a
// selection with three dossiers): the inputs the layout tests print through LibreOffice.
import type { Issuer } from "./nd30.js";
import type { CallNoticeInput } from "./call-notice.js";
import type { CouncilEstablishmentInput } from "./council-establishment.js";
import type { CouncilMinutesInput } from "./council-minutes.js";
import type { ApprovalDecisionInput } from "./approval-decision.js";
import type { ContractInput } from "./contract.js";
import type { AcceptanceMinutesInput } from "./acceptance-minutes.js";
import type { RegistrationCertificateInput } from "./registration-certificate.js";
import type { ScientificCvInput } from "./scientific-cv.js";

export const sampleIssuer: Issuer = {
  parentBody: "Ủy ban nhân dân thành phố Hải Phòng",
  parentBodyLines: ["Ủy ban nhân dân", "thành phố Hải Phòng"],
  issuingBody: "Sở Khoa học và Công nghệ",
  symbol: "SKHCN",
  place: "Hải Phòng",
  signerAuthority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  signerName: "Nguyễn Văn Bình",
  archiveUnit: "QLKH",
};

const members = [
  { title: "PGS.TS.", name: "Trần Thị Hoa", affiliation: "Trường Đại học Hàng hải Việt Nam", role: "Chủ tịch" },
  { title: "TS.", name: "Vũ Đức Thắng", affiliation: "Viện Nghiên cứu Hải sản", role: "Phó Chủ tịch" },
  { title: "TS.", name: "Lê Minh Đức", affiliation: "Viện Tài nguyên và Môi trường biển", role: "Ủy viên phản biện" },
  { title: "PGS.TS.", name: "Nguyễn Thị Lan Anh", affiliation: "Trường Đại học Hải Phòng", role: "Ủy viên phản biện" },
  { title: "ThS.", name: "Phạm Thu Hà", affiliation: "Sở Khoa học và Công nghệ", role: "Ủy viên, Thư ký khoa học" },
  { title: "TS.", name: "Hoàng Văn Nam", affiliation: "Sở Nông nghiệp và Môi trường", role: "Ủy viên" },
  { title: "TS.", name: "Đỗ Thị Minh Hằng", affiliation: "Trường Đại học Y Dược Hải Phòng", role: "Ủy viên" },
  { title: "KS.", name: "Bùi Quang Huy", affiliation: "Ban Quản lý Khu kinh tế Hải Phòng", role: "Ủy viên" },
  { name: "Ngô Thanh Tùng", affiliation: "Sở Khoa học và Công nghệ", role: "Thư ký hành chính" },
];

const bases2025 = [
  "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15",
  "Căn cứ Quyết định số 45/2025/QĐ-UBND ngày 15/7/2025 của Ủy ban nhân dân thành phố quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học và Công nghệ",
  "Theo đề nghị của Trưởng phòng Quản lý khoa học",
];

export const sampleCallNotice: CallNoticeInput = {
  issuer: sampleIssuer,
  number: 5,
  date: new Date("2026-01-04T18:00:00Z"),
  kind: "selection",
  code: "DOT-2026-01",
  title: "Tuyển chọn nhiệm vụ khoa học và công nghệ cấp thành phố năm 2026",
  programmeName: "Chương trình phát triển kinh tế biển",
  fields: ["Khoa học kỹ thuật và công nghệ", "Khoa học nông nghiệp"],
  sectors: ["Công nghiệp", "Thủy sản"],
  description: "Các nhiệm vụ phục vụ phát triển kinh tế biển, bảo vệ môi trường và ứng phó với biến đổi khí hậu của thành phố.",
  opensAt: "2026-01-05T01:00:00Z",
  closesAt: "2026-02-05T10:00:00Z",
  requiredDocuments: [
    { code: "B1-1-ĐON", label: "Đơn đăng ký chủ trì thực hiện nhiệm vụ", required: true },
    { code: "B1-2-TMĐTCN", label: "Thuyết minh nhiệm vụ", required: true },
    { code: "B1-3-LLTC", label: "Tóm tắt hoạt động khoa học và công nghệ của tổ chức đăng ký chủ trì", required: true },
    { code: "B1-4-LLCN", label: "Lý lịch khoa học của cá nhân đăng ký chủ nhiệm và các thành viên", required: true },
    { code: "B1-5-PHNC", label: "Văn bản xác nhận phối hợp nghiên cứu", required: false },
  ],
  tasks: [
    {
      code: "ĐT.2026.01",
      title: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
      objectives: ["Đánh giá hiện trạng xói lở", "Đề xuất giải pháp kỹ thuật chống xói lở phù hợp"],
      products: ["Báo cáo tổng hợp", "Bộ bản đồ hiện trạng xói lở tỷ lệ 1/10.000"],
      durationMonths: 24,
      budgetCap: 1_500_000_000,
    },
    {
      code: "ĐT.2026.02",
      title: "Ứng dụng công nghệ nuôi tôm tuần hoàn tại huyện Tiên Lãng",
      objectives: ["Xây dựng mô hình nuôi tôm tuần hoàn quy mô 2 ha"],
      products: ["Quy trình công nghệ", "Mô hình trình diễn"],
      durationMonths: 18,
      budgetCap: 900_000_000,
    },
  ],
  criteria: [
    {
      title: "Đề tài, dự án khoa học và công nghệ",
      items: [
        { label: "Tổng quan tình hình nghiên cứu, luận giải về mục tiêu và nội dung", max: 15 },
        { label: "Phương pháp nghiên cứu, kỹ thuật sử dụng", max: 20 },
        { label: "Sản phẩm và phương án ứng dụng kết quả", max: 25 },
        { label: "Năng lực của tổ chức chủ trì và chủ nhiệm nhiệm vụ", max: 25 },
        { label: "Dự toán kinh phí", max: 15 },
      ],
    },
  ],
  passRule: "Hồ sơ đạt yêu cầu khi điểm trung bình của các phiếu hợp lệ từ 70 điểm trở lên.",
  submissionUrl: "https://khcn.haiphong.gov.vn",
  contacts: ["Phòng Quản lý khoa học, Sở Khoa học và Công nghệ; điện thoại: 0225 3842 123; thư điện tử: qlkh@haiphong.gov.vn"],
  legalBases: bases2025,
  recipients: ["Các sở, ban, ngành thành phố", "Các viện, trường đại học trên địa bàn", "Cổng thông tin điện tử Sở"],
};

export const sampleEstablishment: CouncilEstablishmentInput = {
  issuer: sampleIssuer,
  number: 12,
  date: "2026-03-02",
  year: 2026,
  kind: "selection",
  subjects: ["Đề tài: Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn (mã số: ĐT.2026.01)"],
  legalBases: bases2025,
  members,
  enforcers: "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học",
  recipients: ["Như Điều 3", "Giám đốc Sở (để báo cáo)"],
};

const ballots = (scores: number[][]) => members.slice(0, 8).map((m, i) => ({ member: m.name, scores: scores[i % scores.length], valid: i !== 7 }));

export const sampleMinutes: CouncilMinutesInput = {
  issuer: sampleIssuer,
  number: 3,
  general: {
    kind: "selection",
    subjects: ["Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn (mã số: ĐT.2026.01)"],
    establishingDecision: "Quyết định số 12/QĐ-SKHCN ngày 02/3/2026 của Giám đốc Sở Khoa học và Công nghệ",
    startsAt: "2026-03-10T01:30:00Z",
    place: "Phòng họp tầng 3, Sở Khoa học và Công nghệ",
    membersTotal: 8,
    present: members.slice(0, 8).map((m) => m.name),
    absent: [],
    guests: ["Đại diện Trường Đại học Hàng hải Việt Nam", "Đại diện Viện Tài nguyên và Môi trường biển"],
  },
  ballots: { issued: 16, returned: 16, valid: 14, invalid: [{ member: "Bùi Quang Huy", reason: "tổng điểm lệch quá 20% so với điểm trung bình" }] },
  scoreTables: ["Hồ sơ của Trường Đại học Hàng hải Việt Nam", "Hồ sơ của Viện Tài nguyên và Môi trường biển"].map((subject, k) => ({
    subject,
    criteria: [
      { label: "Tổng quan", max: 15 },
      { label: "Phương pháp", max: 20 },
      { label: "Sản phẩm", max: 25 },
      { label: "Năng lực", max: 25 },
      { label: "Kinh phí", max: 15 },
    ],
    ballots: ballots(k ? [[10, 14, 18, 17, 10]] : [[13, 17, 22, 21, 13]]),
  })),
  ranking: [
    { rank: 1, subject: "Hồ sơ của Trường Đại học Hàng hải Việt Nam", average: 86, bonus: 0, score: 86, passed: true },
    { rank: 2, subject: "Hồ sơ của Viện Tài nguyên và Môi trường biển", average: 69, bonus: 0, score: 69, passed: false },
  ],
  conclusions: [
    "Hồ sơ của Trường Đại học Hàng hải Việt Nam: điểm trung bình của các phiếu hợp lệ 86; xếp hạng 1; Hội đồng kiến nghị giao hồ sơ này chủ trì thực hiện nhiệm vụ.",
    "Hồ sơ của Viện Tài nguyên và Môi trường biển: điểm trung bình của các phiếu hợp lệ 69; xếp hạng 2; không đạt yêu cầu.",
  ],
  adoption: { agreed: 8, present: 8, endsAt: "2026-03-10T04:15:00Z" },
  secretary: "Phạm Thu Hà",
  chair: "Trần Thị Hoa",
};

export const sampleApproval: ApprovalDecisionInput = {
  issuer: sampleIssuer,
  number: 7,
  date: "2026-04-20",
  year: 2026,
  taskCode: "ĐT.2026.01",
  taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
  leadOrganisation: "Trường Đại học Hàng hải Việt Nam",
  principalInvestigator: "TS. Lê Minh Đức",
  budget: [
    { source: "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", amount: 1_000_000_000 },
    { source: "Nguồn khác", amount: 250_000_000 },
  ],
  durationMonths: 24,
  startDate: "2026-05-01",
  endDate: "2028-04-30",
  objectives: ["Đánh giá hiện trạng xói lở bờ biển Đồ Sơn", "Đề xuất giải pháp kỹ thuật chống xói lở phù hợp", "Xây dựng mô hình thử nghiệm 200 m bờ kè"],
  legalBases: bases2025,
  enforcers: "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học, Trưởng phòng Kế hoạch - Tài chính",
  recipients: ["Như Điều 3", "Giám đốc Sở (để báo cáo)"],
};

export const sampleContract: ContractInput = {
  issuer: sampleIssuer,
  number: 15,
  date: "2026-05-01",
  year: 2026,
  approvalDecision: "Quyết định số 07/QĐ-SKHCN ngày 20/4/2026 của Giám đốc Sở Khoa học và Công nghệ",
  legalBases: ["Căn cứ Bộ luật Dân sự số 91/2015/QH13", ...bases2025.slice(0, 2), "Căn cứ Quyết định số 07/QĐ-SKHCN ngày 20/4/2026"],
  partyA: {
    name: "Sở Khoa học và Công nghệ thành phố Hải Phòng",
    representative: "Nguyễn Văn Bình",
    position: "Phó Giám đốc",
    address: "18 Hoàng Diệu, Hải Phòng",
  },
  partyB: {
    name: "Trường Đại học Hàng hải Việt Nam",
    representative: "Đỗ Văn Khải",
    position: "Hiệu trưởng",
    address: "484 Lạch Tray, Hải Phòng",
    taxCode: "0200123456",
    bankAccount: "3711.0.1055555 tại Kho bạc Nhà nước Hải Phòng",
  },
  principalInvestigator: "TS. Lê Minh Đức",
  taskCode: "ĐT.2026.01",
  taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
  startDate: "2026-05-01",
  endDate: "2028-04-30",
  value: [
    { source: "Ngân sách nhà nước", amount: 1_000_000_000 },
    { source: "Nguồn khác", amount: 250_000_000 },
  ],
  products: [
    { name: "Báo cáo tổng hợp", requirement: "Đánh giá hiện trạng xói lở và giải pháp", quantity: "01" },
    { name: "Bộ bản đồ hiện trạng", requirement: "Tỷ lệ 1/10.000, hệ VN-2000", quantity: "01 bộ" },
    { name: "Mô hình thử nghiệm", requirement: "200 m bờ kè mềm", quantity: "01" },
  ],
  schedule: [
    { when: "Sau khi ký hợp đồng", amount: 500_000_000, condition: "Tạm ứng lần 1" },
    { when: "Sau kiểm tra giữa kỳ", amount: 400_000_000, condition: "Khối lượng đạt trên 50%" },
    { when: "Sau nghiệm thu", amount: 100_000_000, condition: "Thanh lý hợp đồng" },
  ],
};

export const sampleAcceptanceMinutes: AcceptanceMinutesInput = {
  issuer: sampleIssuer,
  number: null,
  general: {
    subjects: ["Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn (mã số: ĐT.2026.01)"],
    establishingDecision: "Quyết định số 40/QĐ-SKHCN ngày 02/5/2028 của Giám đốc Sở Khoa học và Công nghệ",
    startsAt: "2028-05-20T02:00:00Z",
    place: "Phòng họp tầng 3, Sở Khoa học và Công nghệ",
    membersTotal: 9,
    present: members.slice(0, 8).map((m) => m.name),
    absent: ["Ngô Thanh Tùng"],
    guests: ["Đại diện Trường Đại học Hàng hải Việt Nam"],
  },
  ballots: { issued: 8, returned: 8, valid: 8, invalid: [] },
  products: [
    { name: "Báo cáo tổng hợp", counts: { excellent: 2, pass: 6, fail: 0 } },
    { name: "Bộ bản đồ hiện trạng", counts: { excellent: 1, pass: 7, fail: 0 } },
    { name: "Mô hình thử nghiệm", counts: { excellent: 0, pass: 8, fail: 0 } },
  ],
  report: { excellent: 1, pass: 7, fail: 0 },
  overall: { excellent: 2, pass: 6, fail: 0 },
  councilGrade: "pass",
  conclusions: [
    "Hội đồng đánh giá nhiệm vụ ở mức Đạt.",
    "Hội đồng đề nghị tổ chức chủ trì, chủ nhiệm nhiệm vụ hoàn thiện hồ sơ theo ý kiến của Hội đồng để công nhận kết quả và đăng ký kết quả thực hiện nhiệm vụ.",
  ],
  adoption: { agreed: 8, present: 8, endsAt: "2028-05-20T05:00:00Z" },
  secretary: "Phạm Thu Hà",
  chair: "Trần Thị Hoa",
};

export const sampleCertificate: RegistrationCertificateInput = {
  issuer: sampleIssuer,
  number: 21,
  date: "2028-07-01",
  year: 2028,
  registrationCode: "ĐT-2028-00021-ĐT",
  taskCode: "ĐT.2026.01",
  taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
  leadOrganisation: "Trường Đại học Hàng hải Việt Nam",
  principalInvestigator: "TS. Lê Minh Đức",
  acceptanceDate: "2028-05-20",
  startDate: "2026-05-01",
  endDate: "2028-04-30",
  registeredOn: "2028-06-25",
  recipients: ["Trường Đại học Hàng hải Việt Nam"],
};

/** A scientist's CV with a working life's records: three degrees, two languages, six tasks, five councils, results, awards and a patent. */
export const sampleScientificCv: ScientificCvInput = {
  place: "Hải Phòng",
  date: "2026-12-07",
  fullName: "Nguyễn Văn An",
  birthYear: 1975,
  sex: "Nam",
  academicTitle: "Phó giáo sư",
  degree: "Tiến sĩ",
  position: "Trưởng phòng Công nghệ vật liệu",
  contact: { address: "484 Lạch Tray, phường Lạch Tray, thành phố Hải Phòng", phone: "0225 3829 111", email: "an.nv@example.vn" },
  organisation: { name: "Trường Đại học Hàng hải Việt Nam", address: "484 Lạch Tray, phường Lạch Tray, thành phố Hải Phòng" },
  education: [
    ["Đại học", "Trường Đại học Hàng hải Việt Nam", "Máy tàu thủy", "1997"],
    ["Thạc sĩ", "Trường Đại học Bách khoa Hà Nội", "Kỹ thuật cơ khí", "2003"],
    ["Tiến sĩ", "Trường Đại học Hàng hải Việt Nam", "Kỹ thuật vật liệu", "2009"],
  ],
  languages: [
    ["Tiếng Anh", "Tốt", "Khá", "Tốt", "Tốt"],
    ["Tiếng Nga", "Trung bình", "Trung bình", "Trung bình", "Khá"],
  ],
  work: [
    ["09/2001 – nay", "Giảng viên, Trưởng phòng Công nghệ vật liệu", "Trường Đại học Hàng hải Việt Nam"],
    ["01/2010 – 12/2015", "Cộng tác viên", "Viện Nghiên cứu Hải sản"],
  ],
  results: [
    ['Kết quả nhiệm vụ "Nghiên cứu công nghệ hàn tự động thép cường độ cao trong đóng tàu" (ĐT.2022.03)', "Số đăng ký 2024-17/ĐKKQ", "2024"],
    ["Bài báo trên Tạp chí Khoa học Công nghệ Hàng hải", "Sản phẩm của nhiệm vụ ĐT.2022.03", "2024"],
  ],
  tasks: [
    [
      "Nghiên cứu chế tạo vật liệu composite nền polyme gia cường sợi bazan cho vỏ tàu cá vỏ nhỏ (ĐT.2026.01)",
      "Chủ nhiệm",
      "01/2026 – 06/2027",
      "Đang thực hiện",
    ],
    ["Nghiên cứu công nghệ hàn tự động thép cường độ cao trong đóng tàu (ĐT.2022.03)", "Chủ nhiệm", "01/2022 – 12/2023", "Đã đăng ký kết quả; Đạt"],
    ["Ứng dụng cảm biến giám sát ăn mòn kết cấu cảng biển (ĐT.2020.07)", "Thành viên chính", "03/2020 – 02/2022", "Đã đăng ký kết quả; Xuất sắc"],
    ["Xây dựng quy trình kiểm định mối hàn bằng siêu âm (DA.2019.02)", "Thành viên", "01/2019 – 12/2020", "Đã thanh lý"],
    ["Đánh giá hiện trạng công nghệ đóng tàu vỏ thép tại Hải Phòng (ĐT.2017.05)", "Thư ký khoa học", "01/2017 – 12/2018", "Đã thanh lý"],
    ["Nghiên cứu sơn chống hà cho tàu cá (ĐT.2015.11)", "Thành viên", "2015", "Đã thanh lý"],
  ],
  councils: [
    ["Hội đồng tư vấn tuyển chọn, giao trực tiếp", "Nghiên cứu quy trình nuôi tôm thẻ chân trắng tuần hoàn (ĐT.2026.04)", "Ủy viên phản biện", "20/11/2025"],
    ["Hội đồng tư vấn đánh giá, nghiệm thu", "Ứng dụng IoT giám sát môi trường ao nuôi (ĐT.2023.02)", "Chủ tịch", "14/06/2025"],
    ["Tổ thẩm định nội dung và kinh phí", "Phát triển giống lúa chịu mặn cho vùng ven biển (ĐT.2025.01)", "Ủy viên", "03/03/2025"],
    ["Hội đồng tư vấn xác định nhiệm vụ", "Nhiệm vụ khoa học và công nghệ cấp thành phố năm 2025 (4 nhiệm vụ)", "Ủy viên", "10/09/2024"],
    ["Hội đồng tư vấn tuyển chọn, giao trực tiếp", "Giải pháp chống sạt lở bờ sông bằng vật liệu địa kỹ thuật (ĐT.2024.06)", "Ủy viên", "18/12/2023"],
  ],
  awards: [
    ["Giải thưởng", "Giải Ba, Giải thưởng Sáng tạo khoa học công nghệ Việt Nam — Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "2019", ""],
    ["Giải thưởng", "Bằng khen về thành tích nghiên cứu khoa học — Ủy ban nhân dân thành phố Hải Phòng", "2021", ""],
    ["Sở hữu trí tuệ", "Quy trình hàn tự động thép cường độ cao (đơn đăng ký giải pháp hữu ích)", "", "ĐT.2022.03"],
  ],
};

/** A person the registry knows little about: every list item prints "Không có", contact data withheld. */
export const sampleScientificCvEmpty: ScientificCvInput = {
  place: "Hải Phòng",
  date: "2026-12-07",
  fullName: "Phạm Thị Mai",
  birthYear: null,
  sex: "Nữ",
  academicTitle: null,
  degree: null,
  position: null,
  contact: null,
  organisation: null,
  education: [],
  languages: [],
  work: [],
  results: [],
  tasks: [],
  councils: [],
  awards: [],
};
