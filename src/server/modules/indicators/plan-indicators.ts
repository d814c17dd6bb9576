// The plan's quantitative targets as indicators (Đề án, Part 2 section II "Mục tiêu phát triển", and the
// quantitative targets stated elsewhere in the plan), transcribed from docs/plan/plan-facts.json (`targets`),
// each figure with the line of the plan it comes from and the quote. Loaded at start-up by indicators.sync.ts.
//
// Choices (documented here and in ARCHITECTURE.md):
// - A measure the plan targets for several years is ONE indicator with a target per year (high-tech share of
//   industrial output 30 % in 2015 and > 40 % in 2020; TFP; postgraduate share; social investment).
// - "The plan's baseline ("hiện nay") is dated 2012: the plan's latest data are of 10/2012 (plan-facts meta).
//   A baseline stated for a period (2006–2011) is dated by the period's last year.
// - A target without a year is dated 2020, the plan's horizon (noted on the target).
// - "Grows on average X %/year" with a baseline COUNT (S&T workforce ~4,900; trademark filings abroad ~10) is an
//   indicator of the count, whose 2020 target is derived from the baseline at X %/year (arithmetic in the note);
//   a rate target without a baseline count (market transactions, IT industry growth) stays a rate indicator.
// - Patents × 2 "compared with 2006–2010": the ratio of the period's registrations to the reference period's, whose
//   baseline is by definition 1 (the reference period itself).
// - Left out of `other_quantitative_targets_outside_section_II`, with the reason: other.it_egov_2020,
//   other.party_congress_xv, other.party_congress_xvi (a year of a milestone, not a measure);
//   other.automation_stages, other.ship_design_automation (scope of a task, not a measure over time);
//   other.st_budget_2pct, other.social_investment_1_5pct (repeat target (7): their lines are quoted in the notes of
//   t7.budget_share and t7.social_investment).
import type { BaselineInput, TargetInput, ValueSource, Direction } from "../../../common/api/indicator.js";

export interface PlanIndicator {
  code: string;
  /** the plan-facts ids (docs/plan/plan-facts.json) of the targets this indicator carries */
  seedIds: string[];
  targetNo: string | null;
  nameVi: string;
  nameEn: string;
  statementVi: string;
  unitVi: string;
  unitEn: string;
  direction: Direction;
  definitionVi: string;
  definitionEn: string;
  baseline:
    | (Omit<BaselineInput, "period" | "labelVi" | "labelEn" | "note"> & {
        period?: string | null;
        labelVi?: string | null;
        labelEn?: string | null;
        note?: string | null;
      })
    | null;
  targets: Array<
    Omit<TargetInput, "value" | "min" | "max" | "note"> & { value?: number | null; min?: number | null; max?: number | null; note?: string | null }
  >;
  valueSource: ValueSource;
  computation?: string;
  notes: string | null;
  /** values the plan itself gives (loaded once; never overwrite a value users entered) */
  values?: Array<{ year: number; value: number; source: string; note?: string }>;
}

const HORIZON = "Năm đích không nêu trong văn bản; lấy năm cuối kỳ của Đề án (2020).";
const Q403 =
  "Tỷ lệ giá trị sản phẩm công nghệ cao và sản phẩm ứng dụng công nghệ cao đạt 30% trong tổng giá trị sản xuất công nghiệp, 45% tổng GDP của thành phố vào năm 2015";
const Q405_TFP = "Góp phần nâng tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) trong GDP lên khoảng 30% vào 2015, 40% vào năm 2020";
const Q410_PG = "phấn đấu cán bộ có trình độ trên đại học đạt 35% vào năm 2015, 40% vào năm 2020";
const Q412 = "Nâng tổng đầu tư xã hội cho khoa học và công nghệ đạt 1,5% GDP vào năm 2015, trên 2% GDP vào năm 2020";

export const PLAN_INDICATORS: PlanIndicator[] = [
  {
    code: "t2.hightech_share_industrial",
    seedIds: ["target.2.hightech_share_industrial_2015", "target.2.hightech_share_industrial_2020"],
    targetNo: "(2)",
    nameVi: "Tỷ lệ giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong tổng giá trị sản xuất công nghiệp",
    nameEn: "High-tech and high-tech-application products as a share of industrial production value",
    statementVi: Q403 + "; đạt trên 40% tổng giá trị sản xuất công nghiệp vào năm 2020",
    unitVi: "%",
    unitEn: "% of industrial production value",
    direction: "increase",
    definitionVi:
      "Giá trị sản phẩm công nghệ cao và sản phẩm ứng dụng công nghệ cao chia cho tổng giá trị sản xuất công nghiệp của thành phố trong năm, nhân 100.",
    definitionEn: "Value of high-tech and high-tech-application products divided by the city's total industrial production value in the year, times 100.",
    baseline: null,
    targets: [
      { year: 2015, value: 30, bound: "exact", original: "30%", sourceLine: 403, quote: Q403 },
      {
        year: 2020,
        value: 40,
        bound: "lower_bound",
        original: "trên 40%",
        sourceLine: 403,
        quote: "đạt trên 40% tổng giá trị sản xuất công nghiệp vào năm 2020",
      },
    ],
    valueSource: "entered",
    notes: "Đề án không nêu giá trị hiện trạng của tỷ lệ này theo giá trị sản xuất công nghiệp (chỉ nêu 6,3% theo GDP, Phần thứ nhất, mục I.2).",
  },
  {
    code: "t2.hightech_share_gdp",
    seedIds: ["target.2.hightech_share_gdp_2015"],
    targetNo: "(2)",
    nameVi: "Tỷ lệ giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong GDP của thành phố",
    nameEn: "High-tech and high-tech-application products as a share of city GDP",
    statementVi: Q403,
    unitVi: "% GDP",
    unitEn: "% of city GDP",
    direction: "increase",
    definitionVi: "Giá trị sản phẩm công nghệ cao và sản phẩm ứng dụng công nghệ cao chia cho GDP (GRDP) của thành phố trong năm, nhân 100.",
    definitionEn: "Value of high-tech and high-tech-application products divided by the city's GDP (GRDP) in the year, times 100.",
    baseline: {
      value: 6.3,
      year: 2012,
      labelVi: "hiện nay",
      labelEn: "current (c. 2012)",
      sourceLine: 145,
      quote: "từ 6,3% hiện nay lên 45% theo mục tiêu phấn đấu",
    },
    targets: [{ year: 2015, value: 45, bound: "exact", original: "45%", sourceLine: 403, quote: Q403 }],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t3.tech_renewal_rate",
    seedIds: ["target.3.tech_renewal_rate"],
    targetNo: "(3)",
    nameVi: "Tốc độ đổi mới công nghệ, thiết bị",
    nameEn: "Technology and equipment renewal rate",
    statementVi: "Tốc độ đổi mới công nghệ, thiết bị đạt 20 - 25%/năm",
    unitVi: "%/năm",
    unitEn: "% per year",
    direction: "increase",
    definitionVi: "Giá trị công nghệ, thiết bị được đổi mới trong năm so với tổng giá trị công nghệ, thiết bị của các doanh nghiệp trên địa bàn, nhân 100.",
    definitionEn: "Value of technology and equipment renewed in the year relative to the total value of the enterprises' technology and equipment, times 100.",
    baseline: {
      value: 10.76,
      year: 2011,
      period: "2006-2011",
      labelVi: "Tốc độ đổi mới thiết bị giai đoạn 2006-2011",
      labelEn: "Equipment renewal rate 2006-2011",
      sourceLine: 131,
      quote: "Tốc độ đổi mới thiết bị giai đoạn 2006- 2011 là 10,76%/năm",
    },
    targets: [
      {
        year: 2020,
        min: 20,
        max: 25,
        bound: "range",
        original: "20 - 25%/năm",
        sourceLine: 405,
        quote: "Tốc độ đổi mới công nghệ, thiết bị đạt 20 - 25%/năm",
        note: HORIZON,
      },
    ],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t3.market_transaction_growth",
    seedIds: ["target.3.market_transaction_growth"],
    targetNo: "(3)",
    nameVi: "Tốc độ tăng giá trị giao dịch của thị trường khoa học và công nghệ",
    nameEn: "Growth of the S&T market's transaction value",
    statementVi: "giá trị giao dịch của thị trường khoa học và công nghệ tăng trung bình 15-20%/năm",
    unitVi: "%/năm",
    unitEn: "% per year",
    direction: "increase",
    definitionVi:
      "Tốc độ tăng giá trị các hợp đồng chuyển giao, mua bán công nghệ, thiết bị (qua Sàn giao dịch công nghệ và thiết bị và các kênh khác) so với năm trước, %.",
    definitionEn:
      "Year-on-year growth of the value of technology transfer and technology/equipment sale contracts (through the Technology and Equipment Exchange and other channels), %.",
    baseline: null,
    targets: [
      {
        year: 2020,
        min: 15,
        max: 20,
        bound: "range",
        original: "15-20%/năm",
        sourceLine: 405,
        quote: "giá trị giao dịch của thị trường khoa học và công nghệ tăng trung bình 15-20%/năm",
        note: HORIZON,
      },
    ],
    valueSource: "entered",
    notes:
      "Đề án không nêu tốc độ tăng hiện trạng; bối cảnh: 212 hợp đồng trị giá trên 300 tỷ đồng qua Sàn giao dịch công nghệ và thiết bị trong 3 năm (mục I.5).",
  },
  {
    code: "t3.tfp_share",
    seedIds: ["target.3.tfp_2015", "target.3.tfp_2020"],
    targetNo: "(3)",
    nameVi: "Tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) trong tăng trưởng GDP",
    nameEn: "Contribution of total factor productivity (TFP) to GDP growth",
    statementVi: Q405_TFP,
    unitVi: "%",
    unitEn: "% of GDP growth",
    direction: "increase",
    definitionVi: "Phần đóng góp của TFP vào tốc độ tăng trưởng GDP của thành phố (phương pháp hạch toán tăng trưởng), %.",
    definitionEn: "Share of the city's GDP growth attributed to TFP (growth accounting), %.",
    baseline: {
      value: 26.9,
      year: 2010,
      period: "2001-2010",
      labelVi: "trung bình TFP đóng góp giai đoạn 2001 - 2010",
      labelEn: "Average TFP contribution 2001-2010",
      sourceLine: 153,
      quote: "Trong giai đoạn 2001 - 2010, trung bình TFP đóng góp 26,9%",
    },
    targets: [
      { year: 2015, value: 30, bound: "approximate", original: "khoảng 30%", sourceLine: 405, quote: Q405_TFP },
      { year: 2020, value: 40, bound: "exact", original: "40%", sourceLine: 405, quote: Q405_TFP },
    ],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t4.patents_2015",
    seedIds: ["target.4.patents_2015"],
    targetNo: "(4)",
    nameVi: "Số sáng chế, giải pháp hữu ích đăng ký bảo hộ giai đoạn 2011-2015 so với giai đoạn 2006-2010",
    nameEn: "Patent and utility-solution registrations 2011-2015 relative to 2006-2010",
    statementVi: "Số lượng sáng chế, giải pháp hữu ích đăng ký bảo hộ đến năm 2015 tăng gấp 2 lần so với giai đoạn 2006-2010",
    unitVi: "lần",
    unitEn: "times",
    direction: "increase",
    definitionVi: "Số đơn sáng chế và giải pháp hữu ích của thành phố được đăng ký bảo hộ từ 2011 đến năm tính, chia cho số của giai đoạn 2006-2010.",
    definitionEn: "Patent and utility-solution registrations of the city from 2011 to the year, divided by the count for 2006-2010.",
    baseline: {
      value: 1,
      year: 2010,
      period: "2006-2010",
      labelVi: "giai đoạn so sánh 2006-2010 (= 1 lần)",
      labelEn: "reference period 2006-2010 (= 1×)",
      sourceLine: 407,
      quote: "tăng gấp 2 lần so với giai đoạn 2006-2010",
      note: "Giá trị gốc bằng 1 theo định nghĩa (giai đoạn so sánh chia cho chính nó).",
    },
    targets: [
      {
        year: 2015,
        value: 2,
        bound: "exact",
        original: "gấp 2 lần",
        sourceLine: 407,
        quote: "Số lượng sáng chế, giải pháp hữu ích đăng ký bảo hộ đến năm 2015 tăng gấp 2 lần so với giai đoạn 2006-2010",
      },
    ],
    valueSource: "entered",
    notes:
      "Đề án nêu 1.511 đơn và 973 văn bằng cho MỌI đối tượng sở hữu công nghiệp giai đoạn 2006-2010 nhưng không tách riêng sáng chế, giải pháp hữu ích; lũy kế đến 10/2012: 10 sáng chế, 10 giải pháp hữu ích.",
  },
  {
    code: "t4.patents_2020",
    seedIds: ["target.4.patents_2020"],
    targetNo: "(4)",
    nameVi: "Số sáng chế, giải pháp hữu ích đăng ký bảo hộ giai đoạn 2016-2020 so với giai đoạn 2011-2015",
    nameEn: "Patent and utility-solution registrations 2016-2020 relative to 2011-2015",
    statementVi: "đến năm 2020 tăng 2 lần so với giai đoạn 2011 - 2015",
    unitVi: "lần",
    unitEn: "times",
    direction: "increase",
    definitionVi: "Số đơn sáng chế và giải pháp hữu ích của thành phố được đăng ký bảo hộ từ 2016 đến năm tính, chia cho số của giai đoạn 2011-2015.",
    definitionEn: "Patent and utility-solution registrations of the city from 2016 to the year, divided by the count for 2011-2015.",
    baseline: {
      value: 1,
      year: 2015,
      period: "2011-2015",
      labelVi: "giai đoạn so sánh 2011-2015 (= 1 lần)",
      labelEn: "reference period 2011-2015 (= 1×)",
      sourceLine: 407,
      quote: "đến năm 2020 tăng 2 lần so với giai đoạn 2011 - 2015",
      note: "Giá trị gốc bằng 1 theo định nghĩa (giai đoạn so sánh chia cho chính nó).",
    },
    targets: [{ year: 2020, value: 2, bound: "exact", original: "2 lần", sourceLine: 407, quote: "đến năm 2020 tăng 2 lần so với giai đoạn 2011 - 2015" }],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t4.patents_applied",
    seedIds: ["target.4.patents_applied"],
    targetNo: "(4)",
    nameVi: "Tỷ lệ bằng độc quyền sáng chế, giải pháp hữu ích của Hải Phòng được ứng dụng vào thực tiễn",
    nameEn: "Share of Hai Phong's patents and utility solutions applied in production and life",
    statementVi: "100% bằng độc quyền sáng chế, giải pháp hữu ích của Hải Phòng được ứng dụng vào thực tiễn sản xuất và đời sống",
    unitVi: "%",
    unitEn: "% of patent and utility-solution titles",
    direction: "increase",
    definitionVi: "Số bằng độc quyền sáng chế, giải pháp hữu ích của tổ chức, cá nhân thành phố đã được ứng dụng chia cho tổng số bằng còn hiệu lực, nhân 100.",
    definitionEn: "Patent and utility-solution titles of the city's organisations and people that are applied, divided by all titles in force, times 100.",
    baseline: null,
    targets: [
      {
        year: 2020,
        value: 100,
        bound: "exact",
        original: "100%",
        sourceLine: 407,
        quote: "100% bằng độc quyền sáng chế, giải pháp hữu ích của Hải Phòng được ứng dụng vào thực tiễn sản xuất và đời sống",
        note: HORIZON,
      },
    ],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t4.ip_rank",
    seedIds: ["target.4.ip_rank"],
    targetNo: "(4)",
    nameVi: "Thứ hạng của thành phố cả nước về số đơn đăng ký bảo hộ sở hữu công nghiệp",
    nameEn: "The city's national rank by number of industrial-property applications",
    statementVi: "nằm trong nhóm địa phương đứng đầu cả nước về số lượng đơn đăng ký bảo hộ các đối tượng sở hữu công nghiệp",
    unitVi: "thứ hạng",
    unitEn: "rank",
    direction: "decrease",
    definitionVi:
      "Thứ hạng của Hải Phòng trong các tỉnh, thành phố theo số đơn đăng ký bảo hộ các đối tượng sở hữu công nghiệp trong năm (Cục Sở hữu trí tuệ); hạng 1 là cao nhất.",
    definitionEn:
      "Hai Phong's rank among provinces by the number of industrial-property applications in the year (IP Office of Viet Nam); rank 1 is the highest.",
    baseline: null,
    targets: [],
    valueSource: "entered",
    notes:
      'Đề án nêu mục tiêu định tính "nhóm địa phương đứng đầu cả nước" không kèm số: không có chỉ tiêu số, trạng thái đánh giá theo xu hướng (thứ hạng giảm là tiến bộ).',
  },
  {
    code: "t4.specialties_registered",
    seedIds: ["target.4.specialties_registered"],
    targetNo: "(4)",
    nameVi: "Tỷ lệ đặc sản, làng nghề truyền thống của Hải Phòng được đăng ký bảo hộ quyền sở hữu công nghiệp",
    nameEn: "Share of Hai Phong's specialties and traditional craft villages registered for industrial-property protection",
    statementVi: "100% các đặc sản, làng nghề truyền thống của Hải Phòng được đăng ký bảo hộ quyền sở hữu công nghiệp",
    unitVi: "%",
    unitEn: "% of specialties and craft villages",
    direction: "increase",
    definitionVi:
      "Số đặc sản, làng nghề truyền thống đã được đăng ký bảo hộ (nhãn hiệu tập thể, chứng nhận, chỉ dẫn địa lý) chia cho tổng số trong danh mục của thành phố, nhân 100.",
    definitionEn:
      "Specialties and traditional craft villages registered (collective or certification marks, geographical indications) divided by all those listed by the city, times 100.",
    baseline: null,
    targets: [
      {
        year: 2020,
        value: 100,
        bound: "exact",
        original: "100%",
        sourceLine: 407,
        quote: "100% các đặc sản, làng nghề truyền thống của Hải Phòng được đăng ký bảo hộ quyền sở hữu công nghiệp",
        note: HORIZON,
      },
    ],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t4.trademark_filings_abroad",
    seedIds: ["target.4.foreign_trademark_growth"],
    targetNo: "(4)",
    nameVi: "Số đơn đăng ký nhãn hiệu ra nước ngoài",
    nameEn: "Trademark applications filed abroad",
    statementVi: "số lượng đơn đăng ký nhãn hiệu ra nước ngoài tăng trung bình 20%/năm",
    unitVi: "đơn",
    unitEn: "applications",
    direction: "increase",
    definitionVi: "Số đơn đăng ký nhãn hiệu của tổ chức, cá nhân thành phố nộp ra nước ngoài (trực tiếp hoặc qua hệ thống Madrid) trong năm.",
    definitionEn: "Trademark applications filed abroad (directly or through the Madrid system) by the city's organisations and people in the year.",
    baseline: {
      value: 10,
      year: 2012,
      labelVi: "đơn đăng ký bảo hộ ở nước ngoài (khoảng)",
      labelEn: "applications for protection abroad (about)",
      sourceLine: 175,
      quote: "Hải Phòng chỉ có khoảng 10 đơn đăng ký",
      note: 'Số gần đúng ("khoảng") và tính mọi loại đối tượng sở hữu trí tuệ.',
    },
    targets: [
      {
        year: 2020,
        value: 42.998,
        bound: "exact",
        original: "20%/năm",
        sourceLine: 407,
        quote: "số lượng đơn đăng ký nhãn hiệu ra nước ngoài tăng trung bình 20%/năm",
        note: "Suy ra từ mức tăng 20%/năm: 10 × 1,2^(2020 − 2012) = 43,0. " + HORIZON,
      },
    ],
    valueSource: "entered",
    notes: null,
  },
  {
    code: "t6.graduates_per_10k",
    seedIds: ["target.6.graduates_per_10k"],
    targetNo: "(6)",
    nameVi: "Nhân lực có trình độ cao đẳng, đại học trở lên trên 1 vạn dân",
    nameEn: "College- and university-educated people per 10,000 population",
    statementVi: "Phấn đấu đến 2020 nhân lực có trình độ cao đẳng, đại học trở lên đạt 850 người/vạn dân",
    unitVi: "người/vạn dân",
    unitEn: "persons per 10,000 population",
    direction: "increase",
    definitionVi:
      "Số người có trình độ cao đẳng, đại học trở lên chia cho dân số trung bình của thành phố, nhân 10.000 (số liệu thống kê lao động của thành phố).",
    definitionEn: "People with a college or university degree or higher divided by the city's average population, times 10,000 (the city's labour statistics).",
    baseline: {
      value: 734,
      year: 2012,
      labelVi: "hiện nay",
      labelEn: "current (c. 2012)",
      sourceLine: 230,
      quote: "đạt 734 người có trình độ cao đẳng, đại học/1 vạn dân",
    },
    targets: [
      {
        year: 2020,
        value: 850,
        bound: "exact",
        original: "850 người/vạn dân",
        sourceLine: 410,
        quote: "Phấn đấu đến 2020 nhân lực có trình độ cao đẳng, đại học trở lên đạt 850 người/vạn dân",
      },
    ],
    valueSource: "entered",
    notes:
      "Cơ sở dữ liệu nhân lực của nền tảng chỉ gồm cán bộ KH&CN nên không tính được chỉ tiêu này cho toàn thành phố: giá trị được nhập từ số liệu thống kê.",
    values: [{ year: 2000, value: 286, source: 'Đề án, Phần thứ nhất, mục I.6.1: "(năm 2000 là 286 người/vạn dân)"' }],
  },
  {
    code: "t6.rd_staff_per_10k",
    seedIds: ["target.6.rd_staff_per_10k"],
    targetNo: "(6)",
    nameVi: "Cán bộ nghiên cứu - phát triển trên 1 vạn dân",
    nameEn: "R&D staff per 10,000 population",
    statementVi: "tỷ lệ cán bộ nghiên cứu - phát triển đạt 12 - 13 người/vạn dân",
    unitVi: "người/vạn dân",
    unitEn: "persons per 10,000 population",
    direction: "increase",
    definitionVi:
      "Số người trong cơ sở dữ liệu nhân lực KH&CN có trình độ đại học trở lên (TSKH, TS, ThS, ĐH) đang công tác tại tổ chức nghiên cứu - phát triển, trường đại học, cao đẳng, tổ chức dịch vụ KH&CN hoặc doanh nghiệp KH&CN (tổ chức chính hoặc nơi công tác còn hiệu lực), chia cho dân số (chuỗi population) nhân 10.000.",
    definitionEn:
      "People in the S&T people registry with a university degree or higher (DSc, PhD, master, bachelor) working at an R&D organisation, university, college, S&T service organisation or S&T enterprise (primary organisation or a current affiliation), divided by the population (series population), times 10,000.",
    baseline: {
      value: 8,
      year: 2012,
      labelVi: "Số cán bộ nghiên cứu và phát triển hiện nay",
      labelEn: "current R&D staff (national average 7)",
      sourceLine: 245,
      quote: "Số cán bộ nghiên cứu và phát triển đạt 8 người/vạn dân",
    },
    targets: [
      {
        year: 2020,
        min: 12,
        max: 13,
        bound: "range",
        original: "12 - 13 người/vạn dân",
        sourceLine: 410,
        quote: "tỷ lệ cán bộ nghiên cứu - phát triển đạt 12 - 13 người/vạn dân",
        note: 'Năm 2020 suy ra từ cùng câu "Phấn đấu đến 2020 ...".',
      },
    ],
    valueSource: "computed",
    computation: "rd_staff_per_10k",
    notes: null,
  },
  {
    code: "t6.st_workforce",
    seedIds: ["target.6.st_workforce_growth"],
    targetNo: "(6)",
    nameVi: "Đội ngũ nhân lực KH&CN có trình độ đại học trở lên trong các trường, viện và tổ chức KH&CN",
    nameEn: "S&T workforce with a university degree or higher in universities, colleges, institutes and S&T organisations",
    statementVi:
      "Đội ngũ nhân lực khoa học và công nghệ trong các trường đại học, cao đẳng, viện nghiên cứu, tổ chức khoa học và công nghệ trên địa bàn thành phố tăng bình quân 20%/năm",
    unitVi: "người",
    unitEn: "persons",
    direction: "increase",
    definitionVi:
      "Số người trong cơ sở dữ liệu nhân lực KH&CN có trình độ đại học trở lên đang công tác tại trường đại học, cao đẳng, tổ chức nghiên cứu - phát triển, tổ chức dịch vụ KH&CN hoặc doanh nghiệp KH&CN.",
    definitionEn:
      "People in the S&T people registry with a university degree or higher working at a university, college, R&D organisation, S&T service organisation or S&T enterprise.",
    baseline: {
      value: 4900,
      year: 2012,
      labelVi: "cán bộ có trình độ đại học trở lên (gần)",
      labelEn: "graduate staff (nearly)",
      sourceLine: 243,
      quote: "với tổng số gần 4.900 cán bộ có trình độ đại học trở lên",
    },
    targets: [
      {
        year: 2020,
        value: 21069.6,
        bound: "exact",
        original: "20%/năm",
        sourceLine: 410,
        quote: "tăng bình quân 20%/năm",
        note: "Suy ra từ mức tăng 20%/năm: 4.900 × 1,2^(2020 − 2012) = 21.069,6. " + HORIZON,
      },
    ],
    valueSource: "computed",
    computation: "st_workforce",
    notes: null,
  },
  {
    code: "t6.postgraduate_share",
    seedIds: ["target.6.postgrad_share_2015", "target.6.postgrad_share_2020"],
    targetNo: "(6)",
    nameVi: "Tỷ lệ cán bộ KH&CN có trình độ trên đại học",
    nameEn: "Share of S&T staff with a postgraduate degree",
    statementVi: Q410_PG,
    unitVi: "%",
    unitEn: "% of staff",
    direction: "increase",
    definitionVi: "Trong đội ngũ nhân lực KH&CN (chỉ tiêu t6.st_workforce), số người có trình độ TSKH, TS, ThS chia cho tổng số, nhân 100.",
    definitionEn: "Within the S&T workforce (indicator t6.st_workforce), people holding a DSc, PhD or master's degree divided by the total, times 100.",
    baseline: {
      value: 31.1,
      year: 2012,
      labelVi: "tiến sĩ và thạc sĩ trong gần 4.900 cán bộ của các trường, tổ chức KH&CN (suy ra)",
      labelEn: "PhDs and masters among ~4,900 staff of universities and S&T organisations (derived)",
      sourceLine: 243,
      quote: "trong đó có 199 tiến sĩ khoa học, tiến sĩ … 1325 thạc sĩ",
      note: "Suy ra: (199 + 1.325) ÷ 4.900 × 100 = 31,1%. Đề án không nêu gốc cho chỉ tiêu này; gốc khác trong văn bản: 3,07% (trên mọi người có trình độ cao đẳng trở lên), 11,63% (khu vực nhà nước).",
    },
    targets: [
      { year: 2015, value: 35, bound: "exact", original: "35%", sourceLine: 410, quote: Q410_PG },
      { year: 2020, value: 40, bound: "exact", original: "40%", sourceLine: 410, quote: Q410_PG },
    ],
    valueSource: "computed",
    computation: "postgraduate_share",
    notes: null,
  },
  {
    code: "t7.social_investment",
    seedIds: ["target.7.social_investment_2015", "target.7.social_investment_2020"],
    targetNo: "(7)",
    nameVi: "Tổng đầu tư xã hội cho khoa học và công nghệ so với GDP",
    nameEn: "Total social investment in S&T as a share of GDP",
    statementVi: Q412,
    unitVi: "% GDP",
    unitEn: "% of city GDP",
    direction: "increase",
    definitionVi:
      "Tổng chi cho KH&CN từ mọi nguồn (ngân sách trung ương, thành phố, doanh nghiệp, nguồn khác) trên địa bàn chia cho GDP của thành phố (chuỗi gdp), nhân 100.",
    definitionEn:
      "Total S&T spending from all sources (central and city budgets, enterprises, other) in the city divided by the city's GDP (series gdp), times 100.",
    baseline: null,
    targets: [
      { year: 2015, value: 1.5, bound: "exact", original: "1,5% GDP", sourceLine: 412, quote: Q412 },
      { year: 2020, value: 2, bound: "lower_bound", original: "trên 2% GDP", sourceLine: 412, quote: Q412 },
    ],
    valueSource: "computed",
    computation: "social_investment_pct_gdp",
    notes: 'Đề án không nêu gốc cho chỉ tiêu này. Nhắc lại ở mục IV.6: "tổng mức đầu tư của toàn xã hội cho khoa học và công nghệ đạt 1,5% GDP".',
  },
  {
    code: "t7.budget_share",
    seedIds: ["target.7.budget_share"],
    targetNo: "(7)",
    nameVi: "Tỷ lệ chi ngân sách thành phố cho khoa học và công nghệ",
    nameEn: "S&T share of city budget expenditure",
    statementVi: "tăng mức đầu tư từ ngân sách cho khoa học và công nghệ bảo đảm tối thiểu 2% tổng chi ngân sách thành phố hàng năm",
    unitVi: "% tổng chi ngân sách",
    unitEn: "% of city budget expenditure",
    direction: "at_least",
    definitionVi:
      "Chi ngân sách thành phố cho KH&CN (sự nghiệp và đầu tư phát triển) trong năm chia cho tổng chi ngân sách thành phố (chuỗi city_spending), nhân 100.",
    definitionEn:
      "City budget spending on S&T (recurrent and development) in the year divided by total city budget expenditure (series city_spending), times 100.",
    baseline: {
      value: 0.57,
      year: 2012,
      labelVi: "hiện tại bình quân đạt",
      labelEn: "current average",
      sourceLine: 315,
      quote: "(hiện tại bình quân đạt 0,57%)",
    },
    targets: [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({
      year,
      value: 2,
      bound: "lower_bound_inclusive" as const,
      original: "tối thiểu 2%",
      sourceLine: 412,
      quote: "tăng mức đầu tư từ ngân sách cho khoa học và công nghệ bảo đảm tối thiểu 2% tổng chi ngân sách thành phố hàng năm",
      note: "Chỉ tiêu hằng năm.",
    })),
    valueSource: "computed",
    computation: "budget_share_of_spending",
    notes: 'Nhắc lại ở mục IV.6: "Phấn đấu ngân sách giành cho hoạt động khoa học và công nghệ của thành phố hàng năm đạt 2% ngân sách chi".',
  },
  {
    code: "o.it_industry_growth",
    seedIds: ["other.it_industry_growth"],
    targetNo: null,
    nameVi: "Tốc độ tăng trưởng công nghiệp công nghệ thông tin",
    nameEn: "Growth of the IT industry",
    statementVi: "Công nghiệp công nghệ thông tin có tốc độ tăng trưởng trung bình đạt 30% - 35 %/năm",
    unitVi: "%/năm",
    unitEn: "% per year",
    direction: "increase",
    definitionVi: "Tốc độ tăng giá trị sản xuất công nghiệp công nghệ thông tin (phần cứng, phần mềm, nội dung số) so với năm trước, %.",
    definitionEn: "Year-on-year growth of IT industry production value (hardware, software, digital content), %.",
    baseline: null,
    targets: [
      {
        year: 2020,
        min: 30,
        max: 35,
        bound: "range",
        original: "30% - 35 %/năm",
        sourceLine: 707,
        quote: "Công nghiệp công nghệ thông tin có tốc độ tăng trưởng trung bình đạt 30% - 35 %/năm",
        note: HORIZON,
      },
    ],
    valueSource: "entered",
    notes: "Mục III.11.a của Đề án.",
  },
  {
    code: "o.it_industry_share",
    seedIds: ["other.it_industry_share_2020"],
    targetNo: null,
    nameVi: "Tỷ trọng giá trị sản xuất công nghiệp công nghệ thông tin trong tổng giá trị sản xuất công nghiệp",
    nameEn: "IT industry share of industrial production value",
    statementVi: "Đến năm 2020, tổng giá trị sản xuất công nghiệp công nghệ thông tin chiếm khoảng 20% tổng giá trị sản xuất công nghiệp",
    unitVi: "%",
    unitEn: "% of industrial production value",
    direction: "increase",
    definitionVi: "Giá trị sản xuất công nghiệp công nghệ thông tin chia cho tổng giá trị sản xuất công nghiệp của thành phố, nhân 100.",
    definitionEn: "IT industry production value divided by the city's total industrial production value, times 100.",
    baseline: null,
    targets: [
      {
        year: 2020,
        value: 20,
        bound: "approximate",
        original: "khoảng 20%",
        sourceLine: 707,
        quote: "Đến năm 2020, tổng giá trị sản xuất công nghiệp công nghệ thông tin chiếm khoảng 20% tổng giá trị sản xuất công nghiệp",
      },
    ],
    valueSource: "entered",
    notes: "Mục III.11.a của Đề án.",
  },
  {
    code: "o.measurement_automation",
    seedIds: ["other.measurement_automation"],
    targetNo: null,
    nameVi: "Mức độ tự động hoá các hệ thống đo lường, xử lý thông tin công nghiệp và môi trường",
    nameEn: "Automation level of industrial and environmental measurement and information-processing systems",
    statementVi: "phải tự động hoá đến 80%",
    unitVi: "%",
    unitEn: "%",
    direction: "increase",
    definitionVi: "Tỷ lệ khâu đo lường, thu thập và xử lý thông tin của các hệ thống đo lường công nghiệp, môi trường được tự động hoá, %.",
    definitionEn: "Share of measurement, data-collection and processing steps of industrial and environmental measurement systems that are automated, %.",
    baseline: null,
    targets: [
      { year: 2020, value: 80, bound: "upper_bound_inclusive", original: "đến 80%", sourceLine: 738, quote: "phải tự động hoá đến 80%", note: HORIZON },
    ],
    valueSource: "entered",
    notes: "Mục III.11.c của Đề án.",
  },
  {
    code: "o.hightech_rd_investment",
    seedIds: ["other.national_rd_8_10"],
    targetNo: null,
    nameVi: "Tỷ lệ đầu tư cho nghiên cứu phát triển trong doanh thu của các ngành công nghiệp áp dụng công nghệ cao",
    nameEn: "R&D investment as a share of revenue in high-tech industries",
    statementVi: "tỉ lệ đầu tư cho nghiên cứu phát triển trong các ngành công nghiệp áp dụng công nghệ cao đến 8-10% doanh thu",
    unitVi: "% doanh thu",
    unitEn: "% of revenue",
    direction: "increase",
    definitionVi:
      "Chi cho nghiên cứu - phát triển của doanh nghiệp các ngành công nghiệp áp dụng công nghệ cao trên địa bàn chia cho doanh thu của họ, nhân 100.",
    definitionEn: "R&D spending of the city's high-tech-industry enterprises divided by their revenue, times 100.",
    baseline: null,
    targets: [{ year: 2020, min: 8, max: 10, bound: "range", original: "8-10%", sourceLine: 149, quote: "đến 8-10% doanh thu" }],
    valueSource: "entered",
    notes: "Chỉ tiêu quốc gia (QĐ 53/QĐ-BCT) được Đề án dẫn ở mục I.2.1c.",
  },
];

/** plan-facts ids of quantitative targets deliberately not turned into indicators, with the reason. */
export const LEFT_OUT: Record<string, string> = {
  "other.it_egov_2020": "a milestone year, not a measure",
  "other.party_congress_xv": "a milestone year, not a measure",
  "other.party_congress_xvi": "a milestone year, not a measure",
  "other.automation_stages": "the scope of a task, not a measure over time",
  "other.ship_design_automation": "the scope of a task, not a measure over time",
  "other.st_budget_2pct": "repeats target (7): t7.budget_share",
  "other.social_investment_1_5pct": "repeats target (7): t7.social_investment",
};
