// Council rule sets: the numbers of each kind of council (size, roles, quorum, scoring and how ballots are counted)
// as versioned configuration with their legal basis and effective date, like the process templates. Start-up loads
// every version shipped here that the database lacks (immutable rows); a council stores (rule_set_key, version) when
// it is created and is always counted by that version.

export const COUNCIL_KINDS = ["identification", "selection", "appraisal", "acceptance"] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];

export const COUNCIL_ROLES = ["chair", "vice_chair", "reviewer", "member", "scientific_secretary", "admin_secretary"] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
/** The administrative secretary takes minutes and does not vote; every other role votes. */
export const VOTING_ROLES: readonly CouncilRole[] = ["chair", "vice_chair", "reviewer", "member", "scientific_secretary"];

/** A fraction kept exact: [numerator, denominator]. */
export type Fraction = readonly [number, number];

export interface Label {
  labelVi: string;
  labelEn: string;
}
export interface Criterion extends Label {
  key: string;
}
export interface PointCriterion extends Criterion {
  max: number;
}

export type RubricKey = "de_tai" | "khxh_de_an" | "du_an_sxtn";

export type Scoring =
  | {
      /** Each criterion Đạt / Không đạt; a ballot approves only when every criterion is met. */
      method: "criteria_met";
      criteria: Criterion[];
      /** The subject passes when approving ballots > fraction × all ballots ("more than 3/4"). */
      passAbove: Fraction;
      /** Whether the denominator is every ballot cast, or the voting members present. */
      of: "ballots" | "present";
      /** Ballots carry a recommended budget (appraisal). */
      recommendedBudget: boolean;
    }
  | {
      /** 100-point rubric per task type; the highest valid average that passes the thresholds is selected. */
      method: "points";
      rubrics: Record<RubricKey, PointCriterion[]>;
      /** Which rubric a task type uses. */
      rubricByTaskType: Record<string, RubricKey>;
      /** The content criterion per rubric: the second tie-break. */
      contentCriterion: Record<RubricKey, string>;
      /** A ballot is invalid when |total − average of all totals| > fraction × average. */
      invalidDeviation: Fraction;
      passMin: number;
      /** Fails when a criterion was scored 0 by more than fraction × members present. */
      zeroCriterionAbove: Fraction;
      /** Added (fraction of the average) when the applicant organisation proposed the task and the average ≥ passMin. */
      proposerBonus: Fraction;
    }
  | {
      /** Grades Xuất sắc / Đạt / Không đạt per product (quantity/volume and quality) and for the summary report. */
      method: "grades";
      /** A quantity shortfall still counts when achieved ≥ this share of the order (percent). */
      shortfallMinPercent: number;
      /** Share of quantity criteria that must be ≥ Đạt for a member's "Đạt". */
      quantityPassShare: Fraction;
      /** Council: Xuất sắc when ≥ this share of members present say Xuất sắc and nobody says Không đạt. */
      excellentShare: Fraction;
      /** Council: Không đạt when more than this share of members present say Không đạt. */
      failAbove: Fraction;
      /** A dossier later than this many months is Không đạt. */
      lateMonths: number;
    };

export interface RoleBounds {
  min: number;
  max: number;
}

export interface CouncilRuleSet {
  key: string;
  version: number;
  kind: CouncilKind;
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  /** First day the version applies (calls / councils from that day). */
  effectiveFrom: string;
  /** What the version says, for the council's page: one text per language. */
  noteVi: string;
  noteEn: string;
  /** Voting members (chair, vice-chairs, reviewers, secretary, members). */
  size: RoleBounds;
  roles: Record<CouncilRole, RoleBounds>;
  quorum: {
    /** Voting members present ≥ fraction × voting members. */
    present: Fraction;
    /** The chair, or a vice-chair authorised in writing. */
    chair: boolean;
    /** Every reviewer of the council. */
    reviewers: boolean;
    scientificSecretary: boolean;
  };
  conflicts: {
    /** Affiliations with an applicant / lead / proposing organisation that ended within this many years count. */
    affiliationYears: number;
    /** Past tasks with the PI as team co-member count within this many years (by task year). */
    coMemberYears: number;
    /**
     * Staff of the host (lead) organisation: "block" = a conflict like any other; "ordinary_member" = allowed only
     * in the role "member" (acceptance, TT 11/2014).
     */
    hostOrganisationStaff: "block" | "ordinary_member";
  };
  scoring: Scoring;
}

const role = (min: number, max: number): RoleBounds => ({ min, max });

const IDENTIFICATION_CRITERIA: Criterion[] = [
  { key: "urgency", labelVi: "Tính cấp thiết, tầm quan trọng", labelEn: "Urgency and importance" },
  { key: "scope", labelVi: "Tính liên ngành, liên vùng", labelEn: "Cross-sector or cross-region scope" },
  { key: "no_overlap", labelVi: "Không trùng lặp với nhiệm vụ đã, đang thực hiện", labelEn: "No overlap with existing tasks" },
  { key: "applicability", labelVi: "Khả năng ứng dụng kết quả", labelEn: "Applicability of the results" },
  { key: "resources", labelVi: "Cần huy động nguồn lực của thành phố", labelEn: "Needs the city's resources" },
];

export const IDENTIFICATION_TT06_2023: CouncilRuleSet = {
  key: "identification",
  version: 1,
  kind: "identification",
  nameVi: "Hội đồng tư vấn xác định nhiệm vụ",
  nameEn: "Task identification council",
  legalBasis: "TT 06/2023/TT-BKHCN",
  effectiveFrom: "2023-06-30",
  noteVi:
    "7–11 thành viên, 2 phản biện; phiên họp hợp lệ khi có ≥ 2/3 thành viên gồm chủ tịch (hoặc phó chủ tịch được uỷ quyền), phản biện và thư ký khoa học; " +
    "đề xuất được kiến nghị thực hiện khi > 3/4 tổng số phiếu “Thực hiện”.",
  noteEn:
    "7–11 members, 2 reviewers; quorum ≥ 2/3 incl. chair (or authorised vice-chair), reviewers and scientific secretary; recommended when > 3/4 of all ballots say “Thực hiện”.",
  size: role(7, 11),
  roles: {
    chair: role(1, 1),
    vice_chair: role(0, 2),
    reviewer: role(2, 2),
    scientific_secretary: role(1, 1),
    member: role(0, 11),
    admin_secretary: role(0, 1),
  },
  quorum: { present: [2, 3], chair: true, reviewers: true, scientificSecretary: true },
  conflicts: { affiliationYears: 3, coMemberYears: 5, hostOrganisationStaff: "block" },
  scoring: { method: "criteria_met", criteria: IDENTIFICATION_CRITERIA, passAbove: [3, 4], of: "ballots", recommendedBudget: false },
};

const pc = (key: string, max: number, labelVi: string, labelEn: string): PointCriterion => ({ key, max, labelVi, labelEn });

/** The 100-point scoring sheets (B2-3) of TT 08/2017/TT-BKHCN, one per task type. */
export const SELECTION_RUBRICS: Record<RubricKey, PointCriterion[]> = {
  de_tai: [
    pc("overview", 12, "Tổng quan tình hình nghiên cứu", "Overview of existing research"),
    pc("content", 24, "Nội dung, nhân lực, phương pháp, kỹ thuật", "Content, staffing, methods, techniques"),
    pc("products", 16, "Sản phẩm KH&CN", "S&T products"),
    pc("applicability", 16, "Khả năng ứng dụng vào sản xuất và đời sống", "Applicability to production and life"),
    pc("feasibility", 16, "Tính khả thi của kế hoạch và kinh phí", "Feasibility of plan and budget"),
    pc("capacity", 16, "Năng lực tổ chức và cá nhân", "Capacity of organisation and people"),
  ],
  khxh_de_an: [
    pc("overview", 12, "Tổng quan", "Overview"),
    pc("content", 12, "Nội dung và hoạt động hỗ trợ", "Content and support activities"),
    pc("methods", 12, "Cách tiếp cận và phương pháp", "Approach and methods"),
    pc("feasibility", 20, "Tính khả thi của kế hoạch và kinh phí", "Feasibility of plan and budget"),
    pc("products", 24, "Sản phẩm, lợi ích, phương án chuyển giao", "Products, benefits, transfer plan"),
    pc("capacity", 20, "Năng lực tổ chức và cá nhân", "Capacity of organisation and people"),
  ],
  du_an_sxtn: [
    pc("overview", 8, "Tổng quan công nghệ và thị trường", "Technology and market overview"),
    pc("content", 20, "Nội dung và phương án triển khai", "Content and implementation plan"),
    pc("technology", 12, "Tính mới và khả thi của công nghệ", "Novelty and feasibility of the technology"),
    pc("benefit", 12, "Khả năng phát triển, hiệu quả kinh tế – xã hội", "Growth potential, socio-economic benefit"),
    pc("products", 16, "Sản phẩm KH&CN", "S&T products"),
    pc("finance", 16, "Phương án tài chính", "Financial plan"),
    pc("capacity", 16, "Năng lực tổ chức và cá nhân", "Capacity of organisation and people"),
  ],
};

const SELECTION_COMMON = {
  kind: "selection" as const,
  size: role(7, 9),
  roles: { chair: role(1, 1), vice_chair: role(0, 1), reviewer: role(2, 2), scientific_secretary: role(1, 1), member: role(0, 9), admin_secretary: role(0, 1) },
  quorum: { present: [2, 3] as Fraction, chair: true, reviewers: true, scientificSecretary: false },
  conflicts: { affiliationYears: 3, coMemberYears: 5, hostOrganisationStaff: "block" as const },
};
const selectionScoring = (zeroAbove: Fraction): Scoring => ({
  method: "points",
  rubrics: SELECTION_RUBRICS,
  rubricByTaskType: { de_tai: "de_tai", du_an_khcn: "de_tai", htqt: "de_tai", co_so: "de_tai", de_an: "khxh_de_an", du_an_sxtn: "du_an_sxtn" },
  contentCriterion: { de_tai: "content", khxh_de_an: "content", du_an_sxtn: "content" },
  invalidDeviation: [1, 5],
  passMin: 70,
  zeroCriterionAbove: zeroAbove,
  proposerBonus: [1, 10],
});

export const SELECTION_TT08_2017: CouncilRuleSet = {
  ...SELECTION_COMMON,
  key: "selection",
  version: 1,
  nameVi: "Hội đồng tư vấn tuyển chọn, giao trực tiếp",
  nameEn: "Selection / direct-assignment council",
  legalBasis: "TT 08/2017/TT-BKHCN",
  effectiveFrom: "2017-08-11",
  noteVi: "Phiếu lệch > 20% so với điểm trung bình là phiếu không hợp lệ; đạt khi trung bình ≥ 70 và không tiêu chí nào bị > 1/3 thành viên có mặt chấm 0.",
  noteEn: "A ballot deviating > 20% from the average is invalid; passes with an average ≥ 70 and no criterion scored 0 by > 1/3 of members present.",
  scoring: selectionScoring([1, 3]),
};

export const SELECTION_TT20_2023: CouncilRuleSet = {
  ...SELECTION_COMMON,
  key: "selection",
  version: 2,
  nameVi: "Hội đồng tư vấn tuyển chọn, giao trực tiếp",
  nameEn: "Selection / direct-assignment council",
  legalBasis: "TT 20/2023/TT-BKHCN",
  effectiveFrom: "2023-11-27",
  noteVi: "Như TT 08/2017 nhưng ngưỡng tiêu chí điểm 0 là > 1/4 thành viên có mặt. Đợt đã thông báo trước 27/11/2023 dùng phiên bản 1.",
  noteEn: "As TT 08/2017 but the zero-criterion threshold is > 1/4 of members present. Calls announced before 27/11/2023 use version 1.",
  scoring: selectionScoring([1, 4]),
};

export const APPRAISAL_2014: CouncilRuleSet = {
  key: "appraisal",
  version: 1,
  kind: "appraisal",
  nameVi: "Tổ thẩm định nội dung và kinh phí",
  nameEn: "Content and budget appraisal",
  legalBasis: "TT 55/2015/TTLT-BTC-BKHCN; TT 20/2023/TT-BKHCN",
  effectiveFrom: "2015-04-22",
  noteVi:
    "Mỗi thành viên đánh giá Đạt / Không đạt về nội dung và kinh phí, có ý kiến và kinh phí kiến nghị; thông qua khi quá nửa số thành viên có mặt đánh giá Đạt cả hai. " +
    "Kinh phí kiến nghị của tổ là trung bình (làm tròn đồng) kinh phí kiến nghị của các phiếu Đạt.",
  noteEn:
    "Each member marks content and budget Đạt / Không đạt with comments and a recommended budget; passes when more than half the members present approve both. " +
    "The recommended budget is the average (rounded to the đồng) of the approving ballots' recommendations.",
  size: role(5, 9),
  roles: { chair: role(1, 1), vice_chair: role(0, 1), reviewer: role(0, 2), scientific_secretary: role(0, 1), member: role(0, 9), admin_secretary: role(0, 1) },
  quorum: { present: [2, 3], chair: true, reviewers: false, scientificSecretary: false },
  conflicts: { affiliationYears: 3, coMemberYears: 5, hostOrganisationStaff: "block" },
  scoring: {
    method: "criteria_met",
    criteria: [
      { key: "content", labelVi: "Nội dung", labelEn: "Content" },
      { key: "budget", labelVi: "Kinh phí", labelEn: "Budget" },
    ],
    passAbove: [1, 2],
    of: "present",
    recommendedBudget: true,
  },
};

export const ACCEPTANCE_TT11_2014: CouncilRuleSet = {
  key: "acceptance",
  version: 1,
  kind: "acceptance",
  nameVi: "Hội đồng đánh giá, nghiệm thu",
  nameEn: "Acceptance council",
  legalBasis: "TT 11/2014/TT-BKHCN",
  effectiveFrom: "2014-07-15",
  noteVi: "9 thành viên; cán bộ tổ chức chủ trì chỉ là uỷ viên; phiên họp hợp lệ khi ≥ 2/3 có mặt gồm chủ tịch, 2 phản biện và thư ký khoa học.",
  noteEn: "9 members; host-organisation staff only as ordinary members; quorum ≥ 2/3 incl. chair, both reviewers and the scientific secretary.",
  size: role(9, 9),
  roles: { chair: role(1, 1), vice_chair: role(0, 1), reviewer: role(2, 2), scientific_secretary: role(1, 1), member: role(0, 9), admin_secretary: role(0, 1) },
  quorum: { present: [2, 3], chair: true, reviewers: true, scientificSecretary: true },
  conflicts: { affiliationYears: 3, coMemberYears: 5, hostOrganisationStaff: "ordinary_member" },
  scoring: { method: "grades", shortfallMinPercent: 75, quantityPassShare: [3, 4], excellentShare: [3, 4], failAbove: [1, 3], lateMonths: 6 },
};

export const COUNCIL_RULE_SETS: readonly CouncilRuleSet[] = [
  IDENTIFICATION_TT06_2023,
  SELECTION_TT08_2017,
  SELECTION_TT20_2023,
  APPRAISAL_2014,
  ACCEPTANCE_TT11_2014,
];

/** The version of a kind in force on a day (latest effective date ≤ day, then highest version). */
export function ruleSetInForce(sets: readonly CouncilRuleSet[], kind: CouncilKind, day: string): CouncilRuleSet | null {
  let best: CouncilRuleSet | null = null;
  for (const s of sets) {
    if (s.kind !== kind || s.effectiveFrom > day) continue;
    if (!best || s.effectiveFrom > best.effectiveFrom || (s.effectiveFrom === best.effectiveFrom && s.version > best.version)) best = s;
  }
  return best;
}
