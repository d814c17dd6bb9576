// Demo S&T tasks on both process templates, at varied steps: proposals, an identification council, an approved list,
// a task whose selection call is open now (the demo "pi" account, Nguyễn Văn An, can apply), a task with two valid
// dossiers from different organisations waiting for its selection council, and tasks in appraisal, with an approval
// decision drafted for the leader to sign, approved, in progress, accepted and registered with their approved budgets.
// Windows and dates are relative to the day the demo starts; people and organisations are picked in a fixed order, so
// the same seed gives the same records.
import { sql } from "drizzle-orm";
import { calls, taskDossierBudget, taskDossierMilestones, taskDossierProducts, taskDossierTeam, taskDossiers, tasks } from "../../db/schema/index.js";
import type { Executor } from "../../platform/context.js";
import { templateInForce } from "../../platform/workflow.js";
import { vietnamDate } from "../../platform/clock.js";
import { defaultRequiredDocuments } from "../../../common/api/call.js";
import type { DossierStatus, TaskMethod, TaskType } from "../../db/schema/tasks.js";
import { eachTogether } from "../../platform/together.js";

const DAY = 86400_000;
const MILLION = 1_000_000;

interface DossierSpec {
  owner: string;
  pi: string;
  org: string;
  status: DossierStatus;
  team: string[];
  startDate: string;
  months: number;
  city: number;
  other: number;
}

interface TaskSpec {
  template: "baseline-2013" | "law-2025";
  year: number;
  titleVi: string;
  titleEn: string;
  taskType: TaskType;
  fieldCode: string;
  sectorCode: string;
  state: string;
  method?: TaskMethod;
  programme?: string;
  proposalCall: string;
  selectionCall?: string;
  proposer: string;
  proposingOrg: string;
  budget: number;
  months: number;
  enteredBy: string;
  enteredDaysAgo: number;
  dossiers?: DossierSpec[];
  /** copy the first dossier to the task as the selected one */
  selected?: boolean;
  decision?: { number: string; daysAgo: number };
  grade?: "excellent" | "pass";
  registration?: string;
}

async function ids(tx: Executor, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await tx.execute<{ id: string }>(query)).rows.map((r) => r.id);
}

export async function insertDemoTasks(tx: Executor, now: Date) {
  const user = async (name: string) => (await ids(tx, sql`SELECT id FROM users WHERE username = ${name}`))[0];
  const [officer, leader, pi, orgRep, enterprise] = await eachTogether(tx, ["officer", "leader", "pi", "org_rep", "enterprise"], user);
  const links = await tx.execute<{ username: string; person_id: string | null; organisation_id: string | null }>(
    sql`SELECT username, person_id, organisation_id FROM users WHERE username IN ('pi', 'enterprise')`,
  );
  const link = (u: string) => links.rows.find((r) => r.username === u)!;
  const piPerson = link("pi").person_id!;
  const vmu = link("pi").organisation_id!;
  const paint = link("enterprise").organisation_id!;
  const persons = await ids(tx, sql`SELECT id FROM people WHERE id <> ${piPerson} ORDER BY full_name, birth_year, id LIMIT 40`);
  const institutes = await ids(
    tx,
    sql`SELECT id FROM organisations WHERE type IN ('rd_institute', 'university') AND id <> ${vmu} ORDER BY name_vi, id LIMIT 8`,
  );
  const programme = async (code: string) => (await ids(tx, sql`SELECT id FROM programmes WHERE code = ${code}`))[0];
  const [p1, p2, p3] = await eachTogether(tx, ["CT.KHCN.01", "CT.KHCN.02", "CT.KHCN.03"], programme);
  const proposalCall2027 = (await ids(tx, sql`SELECT id FROM calls WHERE code = 'DXDH-2027'`))[0];

  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const callRows = await tx
    .insert(calls)
    .values(
      [
        {
          code: "DXDH-2026",
          titleVi: "Thông báo đề xuất đặt hàng nhiệm vụ KH&CN cấp thành phố thực hiện từ năm 2026",
          titleEn: "Call for proposals of city-level S&T tasks starting in 2026",
          kind: "proposal_collection" as const,
          requiredDocuments: defaultRequiredDocuments("proposal_collection"),
          opensAt: at(-420),
          closesAt: at(-380),
          status: "closed" as const,
          publishedAt: at(-420),
          closedAt: at(-380),
        },
        {
          code: "DXTT-2026",
          titleVi: "Thông báo đề xuất nhiệm vụ xét tài trợ, đặt hàng theo Luật KH&CN&ĐMST 2025",
          titleEn: "Call for proposals under the 2025 law (funding / ordering)",
          kind: "proposal_collection" as const,
          templateKey: "law-2025",
          requiredDocuments: defaultRequiredDocuments("proposal_collection"),
          opensAt: at(-20),
          closesAt: at(40),
          status: "published" as const,
          publishedAt: at(-20),
        },
        {
          code: "TC-2026-01",
          titleVi: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố năm 2026 (đợt 1)",
          titleEn: "Selection of lead organisations for 2026 city-level tasks (round 1)",
          kind: "selection" as const,
          programmeId: p2,
          requiredDocuments: defaultRequiredDocuments("selection"),
          opensAt: at(-70),
          closesAt: at(-25),
          status: "closed" as const,
          publishedAt: at(-70),
          closedAt: at(-25),
        },
        {
          code: "TC-2026-02",
          titleVi: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố năm 2026 (đợt 2)",
          titleEn: "Selection of lead organisations for 2026 city-level tasks (round 2)",
          kind: "selection" as const,
          programmeId: p1,
          requiredDocuments: defaultRequiredDocuments("selection"),
          opensAt: at(-7),
          closesAt: at(23),
          status: "published" as const,
          publishedAt: at(-7),
        },
        {
          code: "TC-2025-01",
          titleVi: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố năm 2025",
          titleEn: "Selection of lead organisations for 2025 city-level tasks",
          kind: "selection" as const,
          requiredDocuments: defaultRequiredDocuments("selection"),
          opensAt: at(-400),
          closesAt: at(-360),
          status: "closed" as const,
          publishedAt: at(-400),
          closedAt: at(-360),
        },
      ].map((c) => ({ ...c, createdAt: now, updatedAt: now })),
    )
    .returning({ id: calls.id, code: calls.code });
  const callId = (code: string) => (code === "DXDH-2027" ? proposalCall2027 : callRows.find((c) => c.code === code)!.id);

  const P = (i: number) => persons[i % persons.length];
  const O = (i: number) => institutes[i % institutes.length];
  const year = Number(vietnamDate(now).slice(0, 4));
  const d = (days: number) => vietnamDate(at(days));

  const specs: TaskSpec[] = [
    {
      template: "baseline-2013",
      year,
      state: "proposal",
      taskType: "de_tai",
      fieldCode: "211",
      sectorCode: "TS",
      titleVi: "Nghiên cứu ứng dụng IoT giám sát chất lượng nước nuôi trồng thủy sản ven biển Hải Phòng",
      titleEn: "IoT monitoring of water quality in Hai Phong's coastal aquaculture",
      programme: p1,
      proposalCall: "DXDH-2027",
      proposer: pi,
      proposingOrg: vmu,
      budget: 1_800 * MILLION,
      months: 24,
      enteredBy: pi,
      enteredDaysAgo: 3,
    },
    {
      template: "baseline-2013",
      year,
      state: "proposal",
      taskType: "de_an",
      fieldCode: "505",
      sectorCode: "KHXHNV",
      titleVi: "Xây dựng bộ chỉ số đánh giá năng lực đổi mới sáng tạo cấp quận, huyện",
      titleEn: "Innovation capability index for districts",
      programme: p3,
      proposalCall: "DXDH-2027",
      proposer: orgRep,
      proposingOrg: vmu,
      budget: 900 * MILLION,
      months: 18,
      enteredBy: orgRep,
      enteredDaysAgo: 6,
    },
    {
      template: "baseline-2013",
      year,
      state: "identification",
      taskType: "de_tai",
      fieldCode: "201",
      sectorCode: "CN",
      titleVi: "Giải pháp giảm ngập úng đô thị cho khu vực nội thành Hải Phòng",
      titleEn: "Reducing urban flooding in Hai Phong's inner districts",
      proposalCall: "DXDH-2027",
      proposer: orgRep,
      proposingOrg: vmu,
      budget: 2_400 * MILLION,
      months: 24,
      enteredBy: officer,
      enteredDaysAgo: 2,
    },
    {
      template: "baseline-2013",
      year,
      state: "list_approved",
      method: "selection",
      taskType: "du_an_sxtn",
      fieldCode: "203",
      sectorCode: "CN",
      titleVi: "Hoàn thiện công nghệ sản xuất sơn chống hà cho tàu biển",
      titleEn: "Production technology of antifouling marine paint",
      programme: p1,
      proposalCall: "DXDH-2027",
      proposer: enterprise,
      proposingOrg: paint,
      budget: 3_500 * MILLION,
      months: 30,
      enteredBy: leader,
      enteredDaysAgo: 1,
    },
    {
      template: "baseline-2013",
      year,
      state: "call_open",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "203",
      sectorCode: "CN",
      titleVi: "Nghiên cứu chế tạo vật liệu composite nền polyme gia cường sợi tự nhiên dùng trong đóng tàu",
      titleEn: "Natural-fibre polymer composites for shipbuilding",
      programme: p1,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2026-02",
      proposer: officer,
      proposingOrg: O(0),
      budget: 2_100 * MILLION,
      months: 24,
      enteredBy: officer,
      enteredDaysAgo: 7,
    },
    {
      template: "baseline-2013",
      year,
      state: "dossier_opened",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "202",
      sectorCode: "CN",
      titleVi: "Ứng dụng trí tuệ nhân tạo dự báo ùn tắc giao thông tại các nút giao trọng điểm",
      titleEn: "AI forecasting of traffic congestion at key junctions",
      programme: p2,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2026-01",
      proposer: officer,
      proposingOrg: O(1),
      budget: 2_800 * MILLION,
      months: 24,
      enteredBy: officer,
      enteredDaysAgo: 20,
      dossiers: [
        {
          owner: pi,
          pi: piPerson,
          org: vmu,
          status: "valid",
          team: [P(0), P(1), P(2)],
          startDate: `${year + 1}-01-01`,
          months: 24,
          city: 2_500 * MILLION,
          other: 200 * MILLION,
        },
        {
          owner: enterprise,
          pi: P(3),
          org: paint,
          status: "valid",
          team: [P(4), P(5)],
          startDate: `${year + 1}-03-01`,
          months: 24,
          city: 2_300 * MILLION,
          other: 600 * MILLION,
        },
      ],
    },
    {
      template: "baseline-2013",
      year,
      state: "appraisal",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "301",
      sectorCode: "YD",
      titleVi: "Nghiên cứu mô hình quản lý bệnh không lây nhiễm tại trạm y tế xã, phường",
      titleEn: "Managing non-communicable diseases at commune health stations",
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2026-01",
      proposer: officer,
      proposingOrg: O(2),
      budget: 1_600 * MILLION,
      months: 24,
      enteredBy: pi,
      enteredDaysAgo: 5,
      selected: true,
      dossiers: [
        {
          owner: orgRep,
          pi: P(6),
          org: vmu,
          status: "selected",
          team: [P(7), P(8)],
          startDate: `${year + 1}-01-01`,
          months: 24,
          city: 1_500 * MILLION,
          other: 0,
        },
      ],
    },
    {
      template: "baseline-2013",
      year,
      state: "decision_prepared",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "201",
      sectorCode: "CN",
      titleVi: "Nghiên cứu công nghệ xử lý nước thải tàu biển tại cảng Hải Phòng",
      titleEn: "Ship wastewater treatment at Hai Phong port",
      programme: p2,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2026-01",
      proposer: officer,
      proposingOrg: O(7),
      budget: 1_900 * MILLION,
      months: 24,
      enteredBy: officer,
      enteredDaysAgo: 6,
      selected: true,
      dossiers: [
        {
          owner: orgRep,
          pi: P(24),
          org: O(7),
          status: "selected",
          team: [P(25), P(26)],
          startDate: `${year + 1}-01-01`,
          months: 24,
          city: 1_750 * MILLION,
          other: 150 * MILLION,
        },
      ],
    },
    {
      template: "baseline-2013",
      year,
      state: "approved",
      method: "direct",
      taskType: "du_an_khcn",
      fieldCode: "405",
      sectorCode: "NN",
      titleVi: "Phát triển vùng trồng cà chua an toàn theo chuỗi giá trị tại huyện An Lão",
      titleEn: "Safe tomato value chain in An Lao district",
      programme: p1,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2026-01",
      proposer: officer,
      proposingOrg: O(3),
      budget: 2_000 * MILLION,
      months: 24,
      enteredBy: leader,
      enteredDaysAgo: 4,
      selected: true,
      decision: { number: "1520/QĐ-SKHCN", daysAgo: 4 },
      dossiers: [
        {
          owner: orgRep,
          pi: P(9),
          org: O(3),
          status: "selected",
          team: [P(10), P(11)],
          startDate: `${year + 1}-01-01`,
          months: 24,
          city: 1_700 * MILLION,
          other: 300 * MILLION,
        },
      ],
    },
    {
      template: "baseline-2013",
      year: year - 1,
      state: "in_progress",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "211",
      sectorCode: "TS",
      titleVi: "Nghiên cứu sản xuất giống cá song chấm nâu bằng công nghệ tuần hoàn",
      titleEn: "Recirculating hatchery technology for brown-marbled grouper",
      programme: p1,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2025-01",
      proposer: pi,
      proposingOrg: vmu,
      budget: 2_600 * MILLION,
      months: 24,
      enteredBy: officer,
      enteredDaysAgo: 300,
      selected: true,
      decision: { number: "842/QĐ-SKHCN", daysAgo: 320 },
      dossiers: [
        {
          owner: pi,
          pi: piPerson,
          org: vmu,
          status: "selected",
          team: [P(12), P(13), P(14)],
          startDate: d(-310).slice(0, 8) + "01",
          months: 24,
          city: 2_200 * MILLION,
          other: 400 * MILLION,
        },
      ],
    },
    {
      template: "baseline-2013",
      year: year - 1,
      state: "accepted",
      method: "selection",
      taskType: "de_tai",
      fieldCode: "202",
      sectorCode: "CN",
      titleVi: "Xây dựng hệ thống thông tin quản lý cảng cạn thông minh",
      titleEn: "Smart dry-port management information system",
      programme: p2,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2025-01",
      proposer: officer,
      proposingOrg: O(4),
      budget: 1_900 * MILLION,
      months: 12,
      enteredBy: officer,
      enteredDaysAgo: 15,
      selected: true,
      decision: { number: "615/QĐ-SKHCN", daysAgo: 380 },
      grade: "pass",
      dossiers: [
        {
          owner: orgRep,
          pi: P(15),
          org: O(4),
          status: "selected",
          team: [P(16), P(17)],
          startDate: d(-370).slice(0, 8) + "01",
          months: 12,
          city: 1_800 * MILLION,
          other: 100 * MILLION,
        },
      ],
    },
    {
      template: "baseline-2013",
      year: year - 1,
      state: "registered",
      method: "direct",
      taskType: "de_tai",
      fieldCode: "502",
      sectorCode: "KHXHNV",
      titleVi: "Nghiên cứu bảo hộ chỉ dẫn địa lý cho nước mắm Cát Hải",
      titleEn: "Geographical indication protection for Cat Hai fish sauce",
      programme: p3,
      proposalCall: "DXDH-2026",
      selectionCall: "TC-2025-01",
      proposer: officer,
      proposingOrg: O(5),
      budget: 800 * MILLION,
      months: 12,
      enteredBy: officer,
      enteredDaysAgo: 10,
      selected: true,
      decision: { number: "598/QĐ-SKHCN", daysAgo: 390 },
      grade: "excellent",
      registration: `${year}/KQNV-HP-001`,
      dossiers: [
        {
          owner: orgRep,
          pi: P(18),
          org: O(5),
          status: "selected",
          team: [P(19)],
          startDate: d(-380).slice(0, 8) + "01",
          months: 12,
          city: 750 * MILLION,
          other: 50 * MILLION,
        },
      ],
    },
    {
      template: "law-2025",
      year,
      state: "proposal",
      taskType: "de_tai",
      fieldCode: "205",
      sectorCode: "CN",
      titleVi: "Nghiên cứu ứng dụng năng lượng mặt trời nổi trên hồ chứa nước",
      titleEn: "Floating solar power on water reservoirs",
      proposalCall: "DXTT-2026",
      proposer: pi,
      proposingOrg: vmu,
      budget: 3_000 * MILLION,
      months: 24,
      enteredBy: pi,
      enteredDaysAgo: 1,
    },
    {
      template: "law-2025",
      year,
      state: "order_council",
      taskType: "du_an_sxtn",
      fieldCode: "203",
      sectorCode: "CN",
      titleVi: "Sản xuất thử nghiệm thép tấm chịu ăn mòn cho kết cấu công trình biển",
      titleEn: "Pilot production of corrosion-resistant steel plate for offshore structures",
      proposalCall: "DXTT-2026",
      proposer: enterprise,
      proposingOrg: paint,
      budget: 5_000 * MILLION,
      months: 30,
      enteredBy: officer,
      enteredDaysAgo: 2,
    },
    {
      template: "law-2025",
      year,
      state: "in_progress",
      method: "ordering",
      taskType: "de_tai",
      fieldCode: "301",
      sectorCode: "YD",
      titleVi: "Đặt hàng nghiên cứu quy trình sàng lọc sớm ung thư gan cho người dân thành phố",
      titleEn: "Ordered research on early liver-cancer screening",
      proposalCall: "DXTT-2026",
      selectionCall: "TC-2026-01",
      proposer: officer,
      proposingOrg: O(6),
      budget: 4_200 * MILLION,
      months: 36,
      enteredBy: officer,
      enteredDaysAgo: 8,
      selected: true,
      decision: { number: "1411/QĐ-SKHCN", daysAgo: 12 },
      dossiers: [
        {
          owner: orgRep,
          pi: P(20),
          org: O(6),
          status: "selected",
          team: [P(21), P(22), P(23)],
          startDate: d(-5).slice(0, 8) + "01",
          months: 36,
          city: 3_900 * MILLION,
          other: 300 * MILLION,
        },
      ],
    },
  ];

  const templates = new Map<string, number>();
  for (const key of ["baseline-2013", "law-2025"]) {
    const v = await templateInForce(tx, key, vietnamDate(now));
    if (v) templates.set(key, v.version);
  }

  for (const s of specs) {
    const version = templates.get(s.template);
    if (!version) continue;
    const counter = await tx.execute<{ value: number }>(sql`
      INSERT INTO code_counters (scope, value) VALUES (${`task:${s.year}`}, 1)
      ON CONFLICT (scope) DO UPDATE SET value = code_counters.value + 1 RETURNING value`);
    const code = `NV-${s.year}-${String(counter.rows[0].value).padStart(4, "0")}`;
    const created = at(-(s.enteredDaysAgo + 30));
    const [task] = await tx
      .insert(tasks)
      .values({
        code,
        titleVi: s.titleVi,
        titleEn: s.titleEn,
        taskType: s.taskType,
        method: s.method ?? null,
        templateKey: s.template,
        templateVersion: version,
        state: s.state,
        stateEnteredBy: s.enteredBy,
        stateEnteredAt: at(-s.enteredDaysAgo),
        year: s.year,
        programmeId: s.programme ?? null,
        proposalCallId: callId(s.proposalCall),
        selectionCallId: s.selectionCall ? callId(s.selectionCall) : null,
        fieldCode: s.fieldCode,
        sectorCode: s.sectorCode,
        proposerUserId: s.proposer,
        proposingOrganisationId: s.proposingOrg,
        rationale: `Thành phố cần giải quyết vấn đề: ${s.titleVi.toLowerCase()}.`,
        objectives: `Mục tiêu chung: ${s.titleVi}.`,
        expectedResults: "Báo cáo tổng hợp, mô hình ứng dụng và bài báo khoa học.",
        proposedBudget: s.budget,
        proposedMonths: s.months,
        createdAt: created,
        updatedAt: at(-s.enteredDaysAgo),
        createdBy: s.proposer,
        updatedBy: s.enteredBy,
      })
      .returning({ id: tasks.id });

    let selectedId: string | null = null;
    let selected: DossierSpec | null = null;
    for (const [i, ds] of (s.dossiers ?? []).entries()) {
      const [dossier] = await tx
        .insert(taskDossiers)
        .values({
          taskId: task.id,
          status: ds.status,
          ownerUserId: ds.owner,
          piPersonId: ds.pi,
          leadOrganisationId: ds.org,
          objectives: `Làm chủ giải pháp: ${s.titleVi.toLowerCase()}.`,
          content: "Nội dung 1: tổng quan và khảo sát hiện trạng. Nội dung 2: nghiên cứu giải pháp. Nội dung 3: thử nghiệm và đánh giá.",
          methods: "Khảo sát thực địa, thực nghiệm trong phòng thí nghiệm, mô hình hoá và thử nghiệm hiện trường.",
          novelty: "Giải pháp phù hợp điều kiện của thành phố, chi phí thấp.",
          applicationPlan: "Chuyển giao kết quả cho các sở, ngành và doanh nghiệp trên địa bàn.",
          durationMonths: ds.months,
          startDate: ds.startDate,
          submittedAt: at(-(s.enteredDaysAgo + 10 + i)),
          submittedBy: ds.owner,
          submissionHash: null,
          openedAt: at(-(s.enteredDaysAgo + 5)),
          openedBy: officer,
          validityCheck: { complete: true, signedAndSealed: true, detailsMatch: true, valid: true, note: null },
          createdAt: at(-(s.enteredDaysAgo + 20)),
          updatedAt: at(-(s.enteredDaysAgo + 5)),
          createdBy: ds.owner,
          updatedBy: officer,
        })
        .returning({ id: taskDossiers.id });
      const startYear = Number(ds.startDate.slice(0, 4));
      const years = Math.max(1, Math.ceil(ds.months / 12));
      await tx.insert(taskDossierProducts).values([
        {
          dossierId: dossier.id,
          position: 1,
          name: "Báo cáo tổng hợp kết quả nghiên cứu",
          outputType: "scientific_argument",
          quantity: 1,
          unit: "báo cáo",
          qualityTarget: "Được hội đồng nghiệm thu đánh giá đạt",
        },
        {
          dossierId: dossier.id,
          position: 2,
          name: "Mô hình ứng dụng thử nghiệm",
          outputType: "model",
          quantity: 1,
          unit: "mô hình",
          qualityTarget: "Vận hành ổn định tối thiểu 3 tháng",
        },
        {
          dossierId: dossier.id,
          position: 3,
          name: "Bài báo khoa học",
          outputType: "publication",
          quantity: 2,
          unit: "bài",
          qualityTarget: "Đăng trên tạp chí trong nước có uy tín",
        },
      ]);
      await tx.insert(taskDossierMilestones).values(
        Array.from({ length: years }, (_, k) => ({
          dossierId: dossier.id,
          position: k + 1,
          content: k === 0 ? "Khảo sát, tổng quan và thiết kế giải pháp" : "Thử nghiệm, đánh giá và hoàn thiện",
          startsOn: `${startYear + k}-${ds.startDate.slice(5, 7)}-01`,
          endsOn: `${startYear + k}-12-31`,
          deliverable: k === 0 ? "Báo cáo khảo sát" : "Báo cáo thử nghiệm",
        })),
      );
      await tx.insert(taskDossierTeam).values([
        { dossierId: dossier.id, personId: ds.pi, role: "pi" as const, months: ds.months },
        ...ds.team
          .filter((p) => p !== ds.pi)
          .map((p, k) => ({
            dossierId: dossier.id,
            personId: p,
            role: (k === 0 ? "secretary" : "key_member") as "secretary" | "key_member",
            months: Math.round(ds.months / 2),
          })),
      ]);
      const perYear = (total: number) =>
        Array.from({ length: years }, (_, k) =>
          k < years - 1 ? Math.round(total / years / MILLION) * MILLION : total - Math.round(total / years / MILLION) * MILLION * (years - 1),
        );
      const city = perYear(ds.city);
      const other = perYear(ds.other);
      await tx.insert(taskDossierBudget).values(
        Array.from({ length: years }, (_, k) => [
          { dossierId: dossier.id, year: startYear + k, source: "city" as const, category: "labour" as const, amount: Math.round(city[k] * 0.6) },
          {
            dossierId: dossier.id,
            year: startYear + k,
            source: "city" as const,
            category: "materials" as const,
            amount: city[k] - Math.round(city[k] * 0.6),
          },
          ...(other[k] > 0 ? [{ dossierId: dossier.id, year: startYear + k, source: "other" as const, category: "equipment" as const, amount: other[k] }] : []),
        ]).flat(),
      );
      if (ds.status === "selected") {
        selectedId = dossier.id;
        selected = ds;
      }
    }
    if (s.selected && selected && selectedId) {
      const [y, m] = selected.startDate.split("-").map(Number);
      const end = new Date(Date.UTC(y, m - 1 + selected.months, 1) - DAY).toISOString().slice(0, 10);
      await tx.execute(sql`
        UPDATE tasks SET selected_dossier_id = ${selectedId}, pi_person_id = ${selected.pi}, lead_organisation_id = ${selected.org},
               start_date = ${selected.startDate}, end_date = ${end},
               approved_budget_city = ${selected.city}, approved_budget_other = ${selected.other},
               decision_number = ${s.decision?.number ?? null}, decision_date = ${s.decision ? d(-s.decision.daysAgo) : null},
               result_grade = ${s.grade ?? null}, registration_code = ${s.registration ?? null},
               registered_at = ${s.registration ? at(-s.enteredDaysAgo).toISOString() : null}::timestamptz
         WHERE id = ${task.id}`);
    }
  }
}
