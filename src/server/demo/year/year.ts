// The demo's S&T year, played through the commands (story.ts, steps.ts). Days are counted from the seeding instant.
//
// - Round 2025 (2013 law): a proposal call a year and a half ago, one identification council for eight proposals, the
//   list approved; selection call TC-2025-01 with its dossiers, selection and appraisal councils, decisions, contracts
//   with their disbursement plans, advances and tranches paid (recorded by finance, approved by a leader), six-monthly
//   progress reports filed and accepted. One task is in progress (its latest report overdue),
//   one has been accepted by its council (its settlement is due, its final report
//   waiting for the officer's review), one is registered with its result published.
// - Round 2026: the same list's other tasks announced in selection call TC-2026-01: one with two valid dossiers waiting
//   for its selection council, one in appraisal with its appraisal council in session today (ballots still to score,
//   one declaration still to sign), one with its approval decision drafted for the leader, one approved by direct
//   assignment whose contract the officer is to draft; and one announced in TC-2026-02, open now, where the
//   demo "pi" can apply.
// - Proposals for 2027: two proposals, one sent to its identification council (not yet formed), one whose list the
//   leader approved yesterday after its council.
// - 2025 law: a proposal, one waiting for its ordering council, and one ordered task carried through its ordering and
//   review councils, appraisal, decision and contract, started with its advance recorded and waiting for approval.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { DemoSeed } from "../../platform/module.js";
import { eachTogether } from "../../platform/together.js";
import { DEMO_EXTRA_EXPERTS, createDemoExpertAccounts } from "../../modules/councils/councils.demo.js";
import { users } from "../../db/schema/index.js";
import { DOSSIER_DOCUMENTS, ACCEPTANCE_DOCUMENTS, REGISTRATION_DOCUMENTS } from "../../../common/processes/baseline-2013.js";
import type { Council } from "../../../common/api/council.js";
import type { CouncilRole } from "../../../common/councils/index.js";
import { DemoStory } from "./story.js";
import { Steps } from "./steps.js";

const M = 1_000_000;

/** The further PI accounts: username, then the index of their person and organisation among the demo's picks. */
const DEMO_PI_ACCOUNTS: [string, number, number][] = [
  ["pi2", 15, 4],
  ["pi3", 18, 5],
  ["pi4", 24, 7],
  ["pi5", 9, 3],
  ["pi6", 20, 6],
];
/** How many accounts the demo has besides one per role: the council members' and the PIs'. */
export const DEMO_EXTRA_ACCOUNTS = DEMO_EXTRA_EXPERTS + DEMO_PI_ACCOUNTS.length;

async function ids(tx: Executor, query: ReturnType<typeof sql>): Promise<string[]> {
  return (await tx.execute<{ id: string }>(query)).rows.map((r) => r.id);
}

type Ballot = (subject: Council["subjects"][number], seat: number) => Record<string, unknown>;
const allMet: Ballot = (s) => ({
  scores: s.criteria.map((c) => ({ criterionKey: c.key, met: true })),
  comment: "Đề nghị thực hiện.",
});
const points =
  (share: (dossierId: string | null) => number): Ballot =>
  (s, seat) => ({
    scores: s.criteria.map((c, k) => ({
      criterionKey: c.key,
      points: Math.max(0, Math.round((c.max ?? 0) * share(s.dossierId)) - ((seat + k) % 3 === 0 ? 1 : 0)),
    })),
    comment: "Hồ sơ đáp ứng yêu cầu; đề nghị làm rõ kế hoạch ứng dụng kết quả.",
  });
const appraisal =
  (budget: number): Ballot =>
  (s) => ({
    scores: s.criteria.map((c) => ({ criterionKey: c.key, met: true })),
    recommendedBudget: budget,
    comment: "Nội dung và dự toán hợp lý.",
  });
const acceptance =
  (level: "excellent" | "pass"): Ballot =>
  (s, seat) => ({
    scores: s.criteria.map((c) => ({ criterionKey: c.key, level: seat % 4 === 3 ? "pass" : level })),
    comment: "Các sản phẩm đạt yêu cầu đặt hàng.",
  });

const first = (iso: string) => `${iso.slice(0, 7)}-01`;
const monthsAfter = (start: string, months: number) => {
  const [y, m] = start.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1) - 86400_000).toISOString().slice(0, 10);
};

export async function playDemoYear(tx: Executor, seed: DemoSeed) {
  const story = new DemoStory(tx, seed.now);
  const step = new Steps(story);
  const user = async (name: string) => (await ids(tx, sql`SELECT id FROM users WHERE username = ${name}`))[0];
  const [piUser] = await eachTogether(tx, ["pi"], user);
  if (!piUser) return;
  const links = await tx.execute<{ username: string; person_id: string | null; organisation_id: string | null }>(
    sql`SELECT username, person_id, organisation_id FROM users WHERE username IN ('pi', 'enterprise', 'expert')`,
  );
  const link = (u: string) => links.rows.find((r) => r.username === u)!;
  const piPerson = link("pi").person_id!;
  const vmu = link("pi").organisation_id!;
  const paint = link("enterprise").organisation_id!;
  const expertPerson = link("expert").person_id!;
  const institutes = await ids(
    tx,
    sql`SELECT id FROM organisations WHERE type IN ('rd_institute', 'university') AND id <> ${vmu} ORDER BY name_vi, id LIMIT 8`,
  );
  // The people on the demo teams: researchers of the organisations that apply (no one from elsewhere).
  const taskOrgs = [vmu, paint, ...institutes];
  const persons = await ids(
    tx,
    sql`SELECT id FROM people WHERE id <> ${piPerson} AND id <> ${expertPerson} AND primary_organisation_id IN (${sql.join(
      taskOrgs.map((o) => sql`${o}`),
      sql`, `,
    )}) ORDER BY full_name, birth_year, id LIMIT 40`,
  );
  const programme = async (code: string) => (await ids(tx, sql`SELECT id FROM programmes WHERE code = ${code}`))[0];
  const [p1, p2, p3] = await eachTogether(tx, ["CT.KHCN.01", "CT.KHCN.02", "CT.KHCN.03"], programme);
  const dxdh2027 = (await ids(tx, sql`SELECT id FROM calls WHERE code = 'DXDH-2027'`))[0];

  // Council members: "expert" and six more accounts, and two experts without an account (absent from the one council
  // of nine), none tied to an organisation or a person of the demo tasks.
  const experts = await createDemoExpertAccounts(tx, seed.now, { organisationIds: taskOrgs, personIds: [piPerson, ...persons] });
  // A registry too small for the year (a test's handful of people): the registries alone.
  if (experts.accounts.length < 7 || experts.others.length < 2 || persons.length < 30 || institutes.length < 8) return;
  const P = (i: number) => persons[i % persons.length];
  const O = (i: number) => institutes[i % institutes.length];
  // The principal investigators of the other organisations' dossiers have accounts of their own ("pi2" …), named
  // after them: a PI acts on their own task only.
  const hash = (await tx.execute<{ password_hash: string }>(sql`SELECT password_hash FROM users WHERE username = 'pi'`)).rows[0].password_hash;
  const pis = DEMO_PI_ACCOUNTS.map(([username, person, org]) => ({ username, person: P(person), org: O(org) }));
  const names = await tx.execute<{ id: string; full_name: string }>(
    sql`SELECT id, full_name FROM people WHERE id IN (${sql.join(
      pis.map((p) => sql`${p.person}`),
      sql`, `,
    )})`,
  );
  await tx.insert(users).values(
    pis.map((p) => ({
      username: p.username,
      displayName: names.rows.find((n) => n.id === p.person)!.full_name,
      passwordHash: hash,
      roles: ["pi"],
      personId: p.person,
      organisationId: p.org,
      passwordChangedAt: seed.now,
      createdAt: seed.now,
      updatedAt: seed.now,
    })),
  );
  await story.loadActors();
  const seat = (i: number, role: CouncilRole, o: { absent?: boolean; declares?: boolean; scores?: boolean } = {}) =>
    i < experts.accounts.length
      ? { username: experts.accounts[i].username, personId: experts.accounts[i].personId, role, ...o }
      : { personId: experts.others[i - experts.accounts.length], role, ...o };
  const seven = (): ReturnType<typeof seat>[] => [
    seat(0, "chair"),
    seat(1, "vice_chair"),
    seat(2, "reviewer"),
    seat(3, "reviewer"),
    seat(4, "scientific_secretary"),
    seat(5, "member"),
    seat(6, "member"),
  ];
  const five = (): ReturnType<typeof seat>[] => [seat(1, "chair"), seat(0, "reviewer"), seat(2, "member"), seat(3, "member"), seat(5, "member")];
  let decisionNo = 1200;
  const qd = () => `${decisionNo++}/QĐ-SKHCN`;

  const year = (days: number) => Number(story.date(days).slice(0, 4));

  const calls: Record<string, { id: string; version: number }> = {};
  const callJourney = async (
    code: string,
    titleVi: string,
    titleEn: string,
    kind: "proposal_collection" | "selection",
    opens: number,
    closes: number,
    o: { templateKey?: string; programmeId?: string } = {},
  ) => {
    await story.on(opens - 5);
    calls[code] = await step.call({ code, titleVi, titleEn, kind, opens, closes, ...o });
    if (closes < 0) {
      await story.on(closes + 1);
      await step.closeCall(calls[code]);
    }
  };
  const callReady = async (code: string, day: number) => {
    await story.on(day);
    if (!calls[code]) throw new Error(`demo year: call ${code} not yet published on day ${day}`);
    return calls[code].id;
  };

  /** Selection, revision and appraisal of a task whose dossiers are opened, to its drafted or signed decision. */
  const selectAndDecide = async (
    taskId: string,
    o: {
      convene: number;
      budget: number;
      other: number;
      start: string;
      months: number;
      decide?: number;
      title: string;
      law2025?: boolean;
      owner: string;
      winner?: string;
    },
  ) => {
    await story.on(o.convene);
    await step.act("officer", taskId, o.law2025 ? "convene_review" : "convene_selection");
    const dossiers = await step.dossierIds(taskId, ["valid"]);
    await step.council({
      kind: "selection",
      title: `Hội đồng tư vấn ${o.law2025 ? "xét đặt hàng" : "tuyển chọn, giao trực tiếp"} nhiệm vụ: ${o.title}`,
      taskIds: [taskId],
      seats: seven(),
      ballot: points((d) => (d === (o.winner ?? dossiers[0]) ? 0.9 : 0.7)),
      days: { formed: o.convene, session: o.convene + 4 },
    });
    await story.on(o.convene + 5);
    await step.act("officer", taskId, o.law2025 ? "recommend" : "select");
    await story.on(o.convene + 8);
    const selected = (await step.dossierIds(taskId, ["selected"]))[0];
    if (!o.law2025) await step.upload(o.owner, taskId, "B2-8-GTHĐ", "revision", "Hồ sơ hoàn thiện theo ý kiến hội đồng", selected);
    await step.act(o.owner, taskId, "submit_revision");
    await step.council({
      kind: "appraisal",
      title: `Tổ thẩm định nội dung và kinh phí nhiệm vụ: ${o.title}`,
      taskIds: [taskId],
      seats: five(),
      ballot: appraisal(o.budget),
      days: { formed: o.convene + 9, session: o.convene + 12 },
    });
    await story.on(o.convene + 14);
    await step.act("officer", taskId, "prepare_decision", {
      decisionNumber: qd(),
      approvedBudgetCity: o.budget,
      approvedBudgetOther: o.other,
      startDate: o.start,
      endDate: monthsAfter(o.start, o.months),
    });
    if (o.decide === undefined) return;
    await story.on(o.decide);
    await step.act("leader", taskId, "approve");
  };

  /** Contract, advance and start of an approved task. `advanceApprover` null: the advance waits for its approval. */
  const contractAndStart = async (
    taskId: string,
    o: { day: number; city: number; other: number; start: string; months: number; advanceApprover: string | null },
  ) => {
    await story.on(o.day);
    const advance = Math.round((o.city * 0.4) / M) * M;
    const second = Math.round((o.city * 0.35) / M) * M;
    const end = monthsAfter(o.start, o.months);
    const draft = await step.contract(taskId, [
      { kind: "advance", label: "Tạm ứng đợt 1", planned: story.date(o.day + 5), city: advance, other: 0 },
      {
        kind: "tranche",
        label: "Cấp kinh phí đợt 2",
        planned: monthsAfter(o.start, Math.min(7, o.months - 2)),
        city: second,
        other: o.other,
        condition: "Báo cáo định kỳ lần 1 được chấp nhận",
      },
      { kind: "tranche", label: "Cấp kinh phí đợt cuối", planned: end, city: o.city - advance - second, other: 0, condition: "Nghiệm thu đạt" },
    ]);
    await story.on(o.day + 2);
    const signed = await step.signContractAs("leader", draft.id, draft.version, story.date(o.day + 2));
    await step.act("officer", taskId, "sign_contract");
    await story.on(o.day + 4);
    await step.act("finance", taskId, "start");
    await step.pay(
      signed.id,
      { trancheId: signed.tranches[0].id, source: "city", amount: advance, on: story.date(o.day + 4), reference: `UNC-${String(o.day).replace("-", "")}-01` },
      o.advanceApprover ?? undefined,
    );
    return { contract: signed, advance, second };
  };

  const reportText = (n: number) => ({
    workDone:
      n === 1
        ? "Đã hoàn thành khảo sát hiện trạng, tổng quan tài liệu và thiết kế giải pháp; xây dựng đề cương thử nghiệm."
        : "Đã triển khai thử nghiệm tại hiện trường, thu thập và xử lý số liệu; hoàn thiện mô hình ứng dụng.",
    products: n === 1 ? "Báo cáo khảo sát; thiết kế giải pháp." : "Mô hình thử nghiệm; bản thảo 01 bài báo khoa học.",
  });

  // ---------------------------------------------------------------- calls of the two rounds
  const journeys: (() => Promise<unknown>)[] = [
    () =>
      callJourney(
        "DXDH-2026",
        "Thông báo đề xuất đặt hàng nhiệm vụ KH&CN cấp thành phố thực hiện từ năm 2026",
        "Call for proposals of city-level S&T tasks starting in 2026",
        "proposal_collection",
        -540,
        -500,
      ),
    () =>
      callJourney(
        "TC-2025-01",
        "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố (đợt 1, thực hiện từ năm 2025–2026)",
        "Selection of lead organisations for city-level tasks (round 1, 2025–2026)",
        "selection",
        -485,
        -445,
        { programmeId: p1 },
      ),
    () =>
      callJourney(
        "TC-2026-01",
        "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố năm 2026 (đợt 1)",
        "Selection of lead organisations for 2026 city-level tasks (round 1)",
        "selection",
        -70,
        -25,
        { programmeId: p2 },
      ),
    () =>
      callJourney(
        "TC-2026-02",
        "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp thành phố năm 2026 (đợt 2)",
        "Selection of lead organisations for 2026 city-level tasks (round 2)",
        "selection",
        -7,
        23,
        { programmeId: p1 },
      ),
    () =>
      callJourney(
        "DXTT-2026",
        "Thông báo đề xuất nhiệm vụ xét tài trợ, đặt hàng theo Luật KH&CN&ĐMST 2025",
        "Call for proposals under the 2025 law (funding / ordering)",
        "proposal_collection",
        -150,
        40,
        { templateKey: "law-2025" },
      ),
    () =>
      callJourney(
        "DH-2026-01",
        "Thông báo đặt hàng nhiệm vụ KH&CN theo Luật KH&CN&ĐMST 2025 (đợt 1)",
        "Call for ordered tasks under the 2025 law (round 1)",
        "selection",
        -112,
        -96,
        { templateKey: "law-2025" },
      ),
  ];

  // ---------------------------------------------------------------- round 2025: the list of eight proposals
  const round: Record<string, string> = {};
  journeys.push(async () => {
    const call = await callReady("DXDH-2026", -532);
    const propose = async (key: string, who: string, day: number, o: Omit<Parameters<Steps["propose"]>[1], "callId">) => {
      await story.on(day);
      round[key] = await step.propose(who, { callId: call, ...o });
    };
    await propose("grouper", "pi", -530, {
      titleVi: "Nghiên cứu sản xuất giống cá song chấm nâu bằng công nghệ tuần hoàn",
      titleEn: "Recirculating hatchery technology for brown-marbled grouper",
      taskType: "de_tai",
      fieldCode: "211",
      sectorCode: "TS",
      programmeId: p1,
      budget: 2_600 * M,
      months: 24,
    });
    await propose("dryport", "officer", -528, {
      titleVi: "Xây dựng hệ thống thông tin quản lý cảng cạn thông minh",
      titleEn: "Smart dry-port management information system",
      taskType: "de_tai",
      fieldCode: "202",
      sectorCode: "CN",
      programmeId: p2,
      proposingOrganisationId: O(4),
      budget: 1_900 * M,
      months: 12,
    });
    await propose("fishsauce", "officer", -526, {
      titleVi: "Nghiên cứu bảo hộ chỉ dẫn địa lý cho nước mắm Cát Hải",
      titleEn: "Geographical indication protection for Cat Hai fish sauce",
      taskType: "de_tai",
      fieldCode: "502",
      sectorCode: "KHXHNV",
      programmeId: p3,
      proposingOrganisationId: O(5),
      budget: 800 * M,
      months: 12,
    });
    await propose("traffic", "officer", -522, {
      titleVi: "Ứng dụng trí tuệ nhân tạo dự báo ùn tắc giao thông tại các nút giao trọng điểm",
      titleEn: "AI forecasting of traffic congestion at key junctions",
      taskType: "de_tai",
      fieldCode: "202",
      sectorCode: "CN",
      programmeId: p2,
      proposingOrganisationId: O(1),
      budget: 2_800 * M,
      months: 24,
    });
    await propose("ncd", "org_rep", -520, {
      titleVi: "Nghiên cứu mô hình quản lý bệnh không lây nhiễm tại trạm y tế xã, phường",
      titleEn: "Managing non-communicable diseases at commune health stations",
      taskType: "de_tai",
      fieldCode: "301",
      sectorCode: "YD",
      budget: 1_600 * M,
      months: 24,
    });
    await propose("wastewater", "officer", -517, {
      titleVi: "Nghiên cứu công nghệ xử lý nước thải tàu biển tại cảng Hải Phòng",
      titleEn: "Ship wastewater treatment at Hai Phong port",
      taskType: "de_tai",
      fieldCode: "201",
      sectorCode: "CN",
      programmeId: p2,
      proposingOrganisationId: O(7),
      budget: 1_900 * M,
      months: 24,
    });
    await propose("tomato", "officer", -515, {
      titleVi: "Phát triển vùng trồng cà chua an toàn theo chuỗi giá trị tại huyện An Lão",
      titleEn: "Safe tomato value chain in An Lao district",
      taskType: "du_an_khcn",
      fieldCode: "405",
      sectorCode: "NN",
      programmeId: p1,
      proposingOrganisationId: O(3),
      budget: 2_000 * M,
      months: 24,
    });
    await propose("composite", "officer", -512, {
      titleVi: "Nghiên cứu chế tạo vật liệu composite nền polyme gia cường sợi tự nhiên dùng trong đóng tàu",
      titleEn: "Natural-fibre polymer composites for shipbuilding",
      taskType: "de_tai",
      fieldCode: "203",
      sectorCode: "CN",
      programmeId: p1,
      proposingOrganisationId: O(0),
      budget: 2_100 * M,
      months: 24,
    });
    const all = Object.values(round);
    await story.on(-498);
    for (const id of all) await step.act("officer", id, "send_to_identification");
    await step.council({
      kind: "identification",
      title: "Hội đồng tư vấn xác định nhiệm vụ KH&CN cấp thành phố thực hiện từ năm 2026",
      taskIds: all,
      seats: seven(),
      ballot: allMet,
      days: { formed: -497, session: -493 },
    });
    await story.on(-490);
    for (const key of Object.keys(round)) {
      await step.act("leader", round[key], "approve_list", { method: ["tomato", "fishsauce"].includes(key) ? "direct" : "selection" });
    }
  });
  /** The list of eight is approved on day -490; the tasks on it move on from the next day. */
  const listed = () => story.on(-489);

  const team = (i: number, n: number) => Array.from({ length: n }, (_, k) => P(i + k));

  // In progress: the demo "pi" account's task, a year into its two years.
  journeys.push(async () => {
    await listed();
    const id = round.grouper;
    const call = await callReady("TC-2025-01", -480);
    await step.act("officer", id, "announce_selection", { callId: call });
    await story.on(-470);
    const start = first(story.date(-392));
    await step.applyWith(
      "pi",
      id,
      "Nghiên cứu sản xuất giống cá song chấm nâu bằng công nghệ tuần hoàn",
      { pi: piPerson, org: vmu, team: team(12, 3), startDate: start, months: 24, city: 2_200 * M, other: 400 * M },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-443);
    await step.openDossiers(id);
    await selectAndDecide(id, {
      convene: -440,
      budget: 2_200 * M,
      other: 400 * M,
      start,
      months: 24,
      decide: -400,
      title: "Giống cá song chấm nâu",
      owner: "pi",
    });
    const { contract, second } = await contractAndStart(id, { day: -398, city: 2_200 * M, other: 400 * M, start, months: 24, advanceApprover: "leader" });
    const reports = await step.reports(id);
    for (const [n, r] of reports.entries()) {
      const due = Math.round((Date.parse(r.due_on) - story.now.getTime()) / 86400_000);
      // the latest report, due a few weeks ago, is not in yet: overdue on the PI's home
      if (due > -60) break;
      await story.on(due - 4);
      const sent = await step.fileReport("pi", r, { ...reportText(n + 1), spendingCity: n === 0 ? 820 * M : 1_350 * M });
      if (due < -60) {
        await story.on(due + 6);
        await step.acceptReport(r.id, sent.version, "Tiến độ đúng kế hoạch.");
        if (n === 0) {
          await story.on(due + 12);
          await step.pay(
            contract.id,
            { trancheId: contract.tranches[1].id, source: "city", amount: second, on: story.date(due + 12), reference: "UNC-CS-02" },
            "leader",
          );
          await step.pay(
            contract.id,
            { trancheId: contract.tranches[1].id, source: "other", amount: 400 * M, on: story.date(due + 12), reference: "DOI-UNG-CS" },
            "leader",
          );
        }
      }
    }
  });

  // Accepted by its council a fortnight ago; its settlement is due.
  const carried = (
    key: string,
    o: { owner: string; dossier: Parameters<Steps["applyWith"]>[3]; direct?: boolean; title: string; until: "accepted" | "registered" },
  ) =>
    journeys.push(async () => {
      await listed();
      const id = round[key];
      const call = await callReady("TC-2025-01", -479);
      await step.act("officer", id, o.direct ? "invite_direct" : "announce_selection", { callId: call });
      await story.on(-465);
      await step.applyWith(o.owner, id, o.title, o.dossier, DOSSIER_DOCUMENTS);
      await story.on(-443);
      await step.openDossiers(id);
      const d = o.dossier;
      await selectAndDecide(id, {
        convene: -439,
        budget: d.city,
        other: d.other,
        start: d.startDate,
        months: d.months,
        decide: -401,
        title: o.title,
        owner: o.owner,
      });
      const { contract, second } = await contractAndStart(id, {
        day: -397,
        city: d.city,
        other: d.other,
        start: d.startDate,
        months: d.months,
        advanceApprover: "leader",
      });
      const reports = await step.reports(id);
      const finalDue = o.until === "registered" ? -60 : -28;
      for (const [n, r] of reports.entries()) {
        const due = Math.min(finalDue, Math.round((Date.parse(r.due_on) - story.now.getTime()) / 86400_000));
        await story.on(due - 5);
        const sent = await step.fileReport(o.owner, r, { ...reportText(n + 1), spendingCity: Math.round((d.city * (n + 1)) / (reports.length + 1) / M) * M });
        await story.on(due - 1);
        // the final report of the task accepted last waits for the officer's review
        if (o.until === "registered" || n < reports.length - 1) await step.acceptReport(r.id, sent.version, "Báo cáo đầy đủ.");
        if (n === 0) {
          await step.pay(
            contract.id,
            { trancheId: contract.tranches[1].id, source: "city", amount: second, on: story.date(due - 1), reference: `UNC-${key}-02` },
            "leader",
          );
          if (d.other > 0)
            await step.pay(
              contract.id,
              { trancheId: contract.tranches[1].id, source: "other", amount: d.other, on: story.date(due - 1), reference: `DOI-UNG-${key}` },
              "leader",
            );
        }
      }
      await story.on(finalDue + 2);
      for (const code of ACCEPTANCE_DOCUMENTS) await step.upload(o.owner, id, code, "acceptance", "Hồ sơ đánh giá, nghiệm thu");
      await step.act(o.owner, id, "submit_for_acceptance");
      await story.on(finalDue + 4);
      await step.act("officer", id, "convene_acceptance");
      await step.council({
        kind: "acceptance",
        title: `Hội đồng đánh giá, nghiệm thu nhiệm vụ: ${o.title}`,
        taskIds: [id],
        seats: [
          seat(0, "chair"),
          seat(1, "vice_chair"),
          seat(2, "reviewer"),
          seat(3, "reviewer"),
          seat(4, "scientific_secretary"),
          seat(5, "member"),
          seat(6, "member"),
          seat(7, "member", { absent: true }),
          seat(8, "member", { absent: true }),
        ],
        ballot: acceptance(o.until === "registered" ? "excellent" : "pass"),
        days: { formed: finalDue + 5, session: finalDue + 12 },
      });
      await story.on(finalDue + 13);
      await step.act("officer", id, "pass_acceptance");
      const lastTranche = contract.tranches[2];
      await step.pay(
        contract.id,
        {
          trancheId: lastTranche.id,
          source: "city",
          amount: d.city - Math.round((d.city * 0.4) / M) * M - second,
          on: story.date(finalDue + 13),
          reference: `UNC-${key}-03`,
        },
        "leader",
      );
      if (o.until !== "registered") return;
      await story.on(finalDue + 20);
      for (const code of REGISTRATION_DOCUMENTS.filter((c) => !ACCEPTANCE_DOCUMENTS.includes(c)))
        await step.upload("officer", id, code, "registration", "Hồ sơ đăng ký kết quả");
      await step.act("officer", id, "register_result");
      await step.issue("registration_certificate", id, "Giấy chứng nhận đăng ký kết quả");
      await story.on(finalDue + 22);
      await step.summary(o.owner, id, {
        abstractVi:
          "Nhiệm vụ đã xây dựng bộ hồ sơ đề nghị bảo hộ chỉ dẫn địa lý cho nước mắm Cát Hải: bản đồ khu vực địa lý, quy trình sản xuất đặc thù, bộ tiêu chí chất lượng và phương án quản lý, sử dụng chỉ dẫn địa lý.",
        keywords: ["chỉ dẫn địa lý", "nước mắm", "Cát Hải", "sở hữu trí tuệ"],
        outputsSummary: "Hồ sơ đăng ký chỉ dẫn địa lý đã nộp Cục Sở hữu trí tuệ; quy chế quản lý; mô hình tổ chức tập thể quản lý chỉ dẫn địa lý.",
        applicationField: "Nông nghiệp, thủy sản, sở hữu trí tuệ",
      });
      await story.on(finalDue + 30);
      await step.settle(contract.id, d.city);
    });
  carried("dryport", {
    owner: "pi2",
    title: "Xây dựng hệ thống thông tin quản lý cảng cạn thông minh",
    until: "accepted",
    dossier: { pi: P(15), org: O(4), team: team(16, 2), startDate: first(story.date(-392)), months: 12, city: 1_800 * M, other: 100 * M },
  });
  carried("fishsauce", {
    owner: "pi3",
    direct: true,
    title: "Nghiên cứu bảo hộ chỉ dẫn địa lý cho nước mắm Cát Hải",
    until: "registered",
    dossier: { pi: P(18), org: O(5), team: team(19, 1), startDate: first(story.date(-392)), months: 12, city: 750 * M, other: 50 * M },
  });

  // ---------------------------------------------------------------- round 2026 (TC-2026-01, TC-2026-02)
  journeys.push(async () => {
    await listed();
    const id = round.traffic;
    const call = await callReady("TC-2026-01", -68);
    await step.act("officer", id, "announce_selection", { callId: call });
    await story.on(-55);
    const start = `${year(0) + 1}-01-01`;
    await step.applyWith(
      "pi",
      id,
      "Ứng dụng trí tuệ nhân tạo dự báo ùn tắc giao thông",
      {
        pi: piPerson,
        org: vmu,
        team: team(0, 3),
        startDate: start,
        months: 24,
        city: 2_500 * M,
        other: 200 * M,
      },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-40);
    await step.applyWith(
      "enterprise",
      id,
      "Ứng dụng trí tuệ nhân tạo dự báo ùn tắc giao thông",
      {
        pi: P(3),
        org: paint,
        team: team(4, 2),
        startDate: `${year(0) + 1}-03-01`,
        months: 24,
        city: 2_300 * M,
        other: 600 * M,
      },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-22);
    await step.openDossiers(id);
  });

  journeys.push(async () => {
    await listed();
    const id = round.ncd;
    const call = await callReady("TC-2026-01", -68);
    await step.act("officer", id, "announce_selection", { callId: call });
    await story.on(-50);
    await step.applyWith(
      "org_rep",
      id,
      "Quản lý bệnh không lây nhiễm tại trạm y tế",
      {
        pi: P(6),
        org: vmu,
        team: team(7, 2),
        startDate: `${year(0) + 1}-01-01`,
        months: 24,
        city: 1_500 * M,
        other: 0,
      },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-23);
    await step.openDossiers(id);
    await story.on(-20);
    await step.act("officer", id, "convene_selection");
    await step.council({
      kind: "selection",
      title: "Hội đồng tư vấn tuyển chọn nhiệm vụ: Quản lý bệnh không lây nhiễm tại trạm y tế xã, phường",
      taskIds: [id],
      seats: seven(),
      ballot: points(() => 0.85),
      days: { formed: -19, session: -15 },
    });
    await story.on(-14);
    await step.act("officer", id, "select");
    await story.on(-10);
    const selected = (await step.dossierIds(id, ["selected"]))[0];
    await step.upload("org_rep", id, "B2-8-GTHĐ", "revision", "Hồ sơ hoàn thiện theo ý kiến hội đồng", selected);
    await step.act("org_rep", id, "submit_revision");
    // Its appraisal is in session today: four members have signed, "expert5" has not; no ballot is in yet.
    await step.council({
      kind: "appraisal",
      title: "Tổ thẩm định nội dung và kinh phí nhiệm vụ: Quản lý bệnh không lây nhiễm tại trạm y tế xã, phường",
      taskIds: [id],
      seats: [
        seat(1, "chair", { scores: false }),
        seat(0, "reviewer", { scores: false }),
        seat(2, "member", { scores: false }),
        seat(3, "member", { scores: false }),
        seat(4, "member", { declares: false, scores: false }),
      ],
      ballot: appraisal(1_450 * M),
      days: { formed: -5, session: -1 },
      until: "in_session",
    });
  });

  journeys.push(async () => {
    await listed();
    const id = round.wastewater;
    const call = await callReady("TC-2026-01", -67);
    await step.act("officer", id, "announce_selection", { callId: call });
    await story.on(-48);
    const start = `${year(0) + 1}-01-01`;
    await step.applyWith(
      "pi4",
      id,
      "Xử lý nước thải tàu biển",
      { pi: P(24), org: O(7), team: team(25, 2), startDate: start, months: 24, city: 1_750 * M, other: 150 * M },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-23);
    await step.openDossiers(id);
    await selectAndDecide(id, {
      convene: -22,
      budget: 1_750 * M,
      other: 150 * M,
      start,
      months: 24,
      title: "Xử lý nước thải tàu biển tại cảng Hải Phòng",
      owner: "pi4",
    });
  });

  journeys.push(async () => {
    await listed();
    const id = round.tomato;
    const call = await callReady("TC-2026-01", -67);
    await step.act("officer", id, "invite_direct", { callId: call });
    await story.on(-45);
    const start = `${year(0) + 1}-01-01`;
    await step.applyWith(
      "pi5",
      id,
      "Chuỗi giá trị cà chua an toàn",
      { pi: P(9), org: O(3), team: team(10, 2), startDate: start, months: 24, city: 1_700 * M, other: 300 * M },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-24);
    await step.openDossiers(id);
    await selectAndDecide(id, {
      convene: -23,
      budget: 1_700 * M,
      other: 300 * M,
      start,
      months: 24,
      decide: -4,
      title: "Chuỗi giá trị cà chua an toàn tại An Lão",
      owner: "pi5",
    });
  });

  journeys.push(async () => {
    await listed();
    const call = await callReady("TC-2026-02", -6);
    await step.act("officer", round.composite, "announce_selection", { callId: call });
  });

  // ---------------------------------------------------------------- proposals for 2027 (DXDH-2027)
  journeys.push(async () => {
    await story.on(-12);
    const paintTask = await step.propose("enterprise", {
      callId: dxdh2027,
      titleVi: "Hoàn thiện công nghệ sản xuất sơn chống hà cho tàu biển",
      titleEn: "Production technology of antifouling marine paint",
      taskType: "du_an_sxtn",
      fieldCode: "203",
      sectorCode: "CN",
      programmeId: p1,
      budget: 3_500 * M,
      months: 30,
    });
    await story.on(-10);
    await step.act("officer", paintTask, "send_to_identification");
    await step.council({
      kind: "identification",
      title: `Hội đồng tư vấn xác định nhiệm vụ KH&CN cấp thành phố thực hiện từ năm ${year(0) + 1}`,
      taskIds: [paintTask],
      seats: seven(),
      ballot: allMet,
      days: { formed: -9, session: -4 },
    });
    await story.on(-1);
    await step.act("leader", paintTask, "approve_list", { method: "selection" });
  });
  journeys.push(async () => {
    await story.on(-9);
    const flood = await step.propose("org_rep", {
      callId: dxdh2027,
      titleVi: "Giải pháp giảm ngập úng đô thị cho khu vực nội thành Hải Phòng",
      titleEn: "Reducing urban flooding in Hai Phong's inner districts",
      taskType: "de_tai",
      fieldCode: "201",
      sectorCode: "CN",
      budget: 2_400 * M,
      months: 24,
    });
    await story.on(-2);
    await step.act("officer", flood, "send_to_identification");
  });
  journeys.push(async () => {
    await story.on(-6);
    await step.propose("org_rep", {
      callId: dxdh2027,
      titleVi: "Xây dựng bộ chỉ số đánh giá năng lực đổi mới sáng tạo cấp xã, phường",
      titleEn: "Innovation capability index for communes and wards",
      taskType: "de_an",
      fieldCode: "505",
      sectorCode: "KHXHNV",
      programmeId: p3,
      budget: 900 * M,
      months: 18,
    });
    await story.on(-3);
    await step.propose("pi", {
      callId: dxdh2027,
      titleVi: "Nghiên cứu ứng dụng IoT giám sát chất lượng nước nuôi trồng thủy sản ven biển Hải Phòng",
      titleEn: "IoT monitoring of water quality in Hai Phong's coastal aquaculture",
      taskType: "de_tai",
      fieldCode: "211",
      sectorCode: "TS",
      programmeId: p1,
      budget: 1_800 * M,
      months: 24,
    });
  });

  // ---------------------------------------------------------------- 2025 law (DXTT-2026, DH-2026-01)
  journeys.push(async () => {
    const call = await callReady("DXTT-2026", -140);
    const ordered = await step.propose("officer", {
      callId: call,
      titleVi: "Đặt hàng nghiên cứu quy trình sàng lọc sớm ung thư gan cho người dân thành phố",
      titleEn: "Ordered research on early liver-cancer screening",
      taskType: "de_tai",
      fieldCode: "301",
      sectorCode: "YD",
      proposingOrganisationId: O(6),
      budget: 4_200 * M,
      months: 36,
    });
    await story.on(-130);
    await step.act("officer", ordered, "send_to_order_council");
    await step.council({
      kind: "identification",
      title: "Hội đồng tư vấn xác định nhiệm vụ đặt hàng theo Luật KH&CN&ĐMST 2025",
      taskIds: [ordered],
      seats: seven(),
      ballot: allMet,
      days: { formed: -129, session: -125 },
    });
    await story.on(-120);
    await step.act("leader", ordered, "approve_order_list", { method: "ordering" });
    const order = await callReady("DH-2026-01", -110);
    await step.act("officer", ordered, "announce_order", { callId: order });
    await story.on(-102);
    const start = first(story.date(-5));
    await step.applyWith(
      "pi6",
      ordered,
      "Sàng lọc sớm ung thư gan",
      { pi: P(20), org: O(6), team: team(21, 3), startDate: start, months: 36, city: 3_900 * M, other: 300 * M },
      DOSSIER_DOCUMENTS,
    );
    await story.on(-94);
    await step.openDossiers(ordered);
    await selectAndDecide(ordered, {
      convene: -92,
      budget: 3_900 * M,
      other: 300 * M,
      start,
      months: 36,
      decide: -12,
      title: "Sàng lọc sớm ung thư gan",
      law2025: true,
      owner: "pi6",
    });
    await contractAndStart(ordered, { day: -10, city: 3_900 * M, other: 300 * M, start, months: 36, advanceApprover: null });
  });
  journeys.push(async () => {
    const call = await callReady("DXTT-2026", -10);
    const steel = await step.propose("enterprise", {
      callId: call,
      titleVi: "Sản xuất thử nghiệm thép tấm chịu ăn mòn cho kết cấu công trình biển",
      titleEn: "Pilot production of corrosion-resistant steel plate for offshore structures",
      taskType: "du_an_sxtn",
      fieldCode: "203",
      sectorCode: "CN",
      budget: 5_000 * M,
      months: 30,
    });
    await story.on(-2);
    await step.act("officer", steel, "send_to_order_council");
    await story.on(-1);
    await step.propose("pi", {
      callId: call,
      titleVi: "Nghiên cứu ứng dụng năng lượng mặt trời nổi trên hồ chứa nước",
      titleEn: "Floating solar power on water reservoirs",
      taskType: "de_tai",
      fieldCode: "205",
      sectorCode: "CN",
      budget: 3_000 * M,
      months: 24,
    });
  });

  await story.play(journeys);
}
