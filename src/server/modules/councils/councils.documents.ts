// Official documents of a council (.docx, NĐ 30/2020 format): the decision establishing it (subjects, members with
// their roles and workplaces) and, once concluded, the minutes of its meeting (attendance, ballots, the score table
// members × criteria with averages and ranking, or the grade counts of an acceptance council; conclusions).
// The minutes carry every member's individual scores: staff only (officer, admin), only after conclusion, and each
// download is audited both as an export and as a view of the scores.
import { eq, inArray } from "drizzle-orm";
import { vietnamDate } from "../../platform/clock.js";
import { councilResults, organisations, people, tasks } from "../../db/schema/index.js";
import { hasRole, type Ctx, type Executor } from "../../platform/context.js";
import { AppError, forbidden, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { authorize } from "../../platform/policy.js";
import {
  DOCX_MEDIA_TYPE,
  acceptanceMinutes,
  bodyName,
  councilEstablishmentDecision,
  councilMinutes,
  issuerFromConfig,
  vnMoney,
  vnScore,
  vnShortDate,
  type BallotsSummary,
  type Grade,
  type Issuer,
  type MinutesGeneral,
  type RankingLine,
  type ScoreTable,
} from "../../documents/index.js";
import { type CouncilRole } from "../../../common/councils/index.js";
import { councilPolicy, isCouncilMember } from "./councils.policy.js";
import { criteriaOf, loadCouncil, presentVotes, type Loaded as LoadedCouncil } from "./councils.record.js";
import { decisionNumberOf, taskLegalBases } from "../tasks/tasks.documents.js";
import { eachTogether } from "../../platform/together.js";
import { issuedDocument } from "../register/register.service.js";

type DocFile = { fileName: string; mediaType: string; content: Buffer };

/** The member's role as written in the decision and the minutes. */
export const COUNCIL_ROLE_VI: Record<CouncilRole, string> = {
  chair: "Chủ tịch",
  vice_chair: "Phó Chủ tịch",
  reviewer: "Ủy viên phản biện",
  member: "Ủy viên",
  scientific_secretary: "Ủy viên, Thư ký khoa học",
  admin_secretary: "Thư ký hành chính",
};

const ROLE_ORDER: CouncilRole[] = ["chair", "vice_chair", "reviewer", "scientific_secretary", "member", "admin_secretary"];

/** Members as listed in the documents: by role (chair first), then in the order they were added, then by name. */
function byRole<M extends { role: CouncilRole; createdAt: Date; fullName: string }>(members: M[]): M[] {
  return [...members].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.createdAt.getTime() - b.createdAt.getTime() || a.fullName.localeCompare(b.fullName, "vi"),
  );
}

const ENFORCERS = "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học";
const staff = (ctx: Ctx) => hasRole(ctx.actor, "admin", "officer");
const notYet = (key: "document.council_minutes_not_concluded" | "document.council_cancelled") => new AppError("DOCUMENT_NOT_AVAILABLE", 409, key);

async function loadVisible(ctx: Ctx, db: Executor, id: string) {
  const l = await loadCouncil(db, id);
  if (!l) throw notFound();
  authorize(ctx.actor, councilPolicy, "read", l.ref);
  return l;
}

/** "PGS.TS." from the academic title and the degree. */
function honorific(title: string | null, degree: string | null): string | null {
  const parts = [title, degree].map((x) => x?.trim().replace(/\.+$/, "")).filter((x): x is string => !!x);
  return parts.length ? `${parts.join(".")}.` : null;
}

async function memberLines(db: Executor, l: LoadedCouncil) {
  const ids = l.members.map((m) => m.personId);
  const rows = ids.length
    ? await db
        .select({ id: people.id, title: people.title, degree: people.degree, org: organisations.nameVi })
        .from(people)
        .leftJoin(organisations, eq(organisations.id, people.primaryOrganisationId))
        .where(inArray(people.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return l.members.map((m) => {
    const p = byId.get(m.personId);
    return { member: m, title: honorific(p?.title ?? null, p?.degree ?? null), affiliation: p?.org ?? "" };
  });
}

/** The tasks the council advises on, once each (a selection council's subjects are the dossiers of one task). */
function subjectTasks(l: LoadedCouncil): string[] {
  return [...new Set(l.subjects.map((s) => `${s.taskTitle} (mã số: ${s.taskCode})`))];
}

/** One subject as named in the minutes: the dossier's applicant for a selection council, else the task. */
const subjectLabel = (s: LoadedCouncil["subjects"][number]) =>
  s.dossierId && s.applicantName ? `${s.taskCode} – ${s.applicantName}` : `${s.taskCode} – ${s.taskTitle}`;

const legalBases = (l: LoadedCouncil, bases: string[]) => [
  ...bases,
  `Căn cứ quy định về hội đồng tư vấn tại ${l.rules.legalBasis}`,
  "Theo đề nghị của Trưởng phòng Quản lý khoa học",
];

function establishingDecision(l: LoadedCouncil, issuer: Issuer): string {
  const n = l.c.decisionNumber?.trim();
  const date = l.c.decisionDate ? ` ngày ${vnShortDate(l.c.decisionDate)}` : "";
  return n ? `Quyết định số ${n}${date} của Giám đốc ${bodyName(issuer)}` : `Quyết định thành lập ${l.c.title}${date} của Giám đốc ${bodyName(issuer)}`;
}

/**
 * The decision establishing the council. Staff at any status but cancelled (a draft's is the text to sign, without
 * number or date); leaders and members once the council exists outside the draft. The parties of a dossier may read
 * the council's result but never its composition (403).
 */
export async function councilEstablishmentDocument(ctx: Ctx, id: string): Promise<DocFile> {
  const { l, lines, bases, issued } = await ctx.db.transaction(async (tx) => {
    const l = await loadVisible(ctx, tx, id);
    const a = ctx.actor!;
    const insider = staff(ctx) || ((hasRole(a, "leader") || isCouncilMember(a, l.ref)) && l.c.status !== "draft");
    if (!insider) throw forbidden();
    if (l.c.status === "cancelled") throw notYet("document.council_cancelled");
    await audit(tx, ctx, {
      action: "council.export",
      entityType: "council",
      entityId: id,
      details: { format: "docx", document: "establishment", status: l.c.status, version: l.c.version },
    });
    return {
      l,
      lines: await memberLines(tx, l),
      bases: await taskLegalBases(ctx, tx, await subjectProcess(tx, l)),
      issued: await issuedDocument(tx, "council_establishment", id),
    };
  });
  const issuer = issuerFromConfig(ctx.config);
  const order = new Map(byRole(l.members).map((m, i) => [m.id, i]));
  const sorted = [...lines].sort((x, y) => order.get(x.member.id)! - order.get(y.member.id)!);
  const content = await councilEstablishmentDecision({
    issuer,
    // Once issued, the number and date of the register; before, those recorded on the council.
    number: issued?.number ?? decisionNumberOf(l.c.decisionNumber),
    date: issued?.issuedOn ?? (l.c.decisionNumber ? l.c.decisionDate : null),
    year: Number(vietnamDate(ctx.clock.now()).slice(0, 4)),
    kind: l.c.kind,
    subjects: subjectTasks(l),
    legalBases: legalBases(l, bases),
    members: sorted.map((x) => ({ name: x.member.fullName, title: x.title, affiliation: x.affiliation, role: COUNCIL_ROLE_VI[x.member.role] })),
    enforcers: ENFORCERS,
    recipients: ["Như Điều 3", "Giám đốc Sở (để báo cáo)"],
  });
  return { fileName: `Quyết định thành lập hội đồng - ${l.c.title}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}

/** The process version of the council's tasks (its first subject's task). */
async function subjectProcess(db: Executor, l: LoadedCouncil): Promise<{ templateKey: string; templateVersion: number } | null> {
  const taskId = l.subjects[0]?.taskId;
  if (!taskId) return null;
  const [t] = await db.select({ templateKey: tasks.templateKey, templateVersion: tasks.templateVersion }).from(tasks).where(eq(tasks.id, taskId));
  return t ?? null;
}

const pct = (f: readonly [number, number]) => vnScore((f[0] / f[1]) * 100);

/**
 * The minutes of the council's meeting, with every member's individual scores: officers and administrators only,
 * after conclusion (409 before). Audited as an export and as a view of the scores.
 */
export async function councilMinutesDocument(ctx: Ctx, id: string): Promise<DocFile> {
  const data = await ctx.db.transaction(async (tx) => {
    const l = await loadVisible(ctx, tx, id);
    if (!staff(ctx)) throw forbidden();
    if (l.c.status !== "concluded") throw notYet("document.council_minutes_not_concluded");
    const { voters, ballots, scores } = await presentVotes(tx, l);
    const results = await tx.select().from(councilResults).where(eq(councilResults.councilId, id));
    const criteria = new Map(await eachTogether(tx, l.subjects, async (s) => [s.id, await criteriaOf(tx, l.rules, s)] as const));
    await audit(tx, ctx, {
      action: "council.scores_view",
      entityType: "council",
      entityId: id,
      details: { scope: "all", ballots: ballots.length, document: "minutes" },
    });
    await audit(tx, ctx, {
      action: "council.export",
      entityType: "council",
      entityId: id,
      details: { format: "docx", document: "minutes", status: l.c.status, version: l.c.version },
    });
    return { l, voters, ballots, scores, results, criteria };
  });
  const { voters, ballots, scores, results, criteria } = data;
  const l = { ...data.l, members: byRole(data.l.members) };
  const issuer = issuerFromConfig(ctx.config);
  const nameOf = new Map(l.members.map((m) => [m.id, m.fullName]));
  const memberOrder = new Map(l.members.map((m, i) => [m.id, i]));
  const scoresOf = (ballotId: string) => scores.filter((s) => s.ballotId === ballotId);
  const resultOf = (subjectId: string) => results.find((r) => r.subjectId === subjectId);
  const present = l.members.filter((m) => m.present);
  const general: MinutesGeneral = {
    kind: l.c.kind,
    subjects: subjectTasks(l),
    establishingDecision: establishingDecision(l, issuer),
    // The meeting as it happened: opened in the system, then concluded (the planned time only when it was never opened).
    startsAt: l.c.openedAt ?? l.c.meetingAt ?? l.c.concludedAt!,
    place: l.c.place ?? bodyName(issuer),
    membersTotal: l.members.length,
    present: present.map((m) => m.fullName),
    absent: l.members.filter((m) => !m.present).map((m) => m.fullName),
    guests: [],
  };
  const sc = l.rules.scoring;
  const invalid: BallotsSummary["invalid"] = [];
  if (sc.method === "points") {
    for (const s of l.subjects) {
      const ids = ((resultOf(s.id)?.details.invalidMemberIds as string[] | undefined) ?? [])
        .slice()
        .sort((a, b) => (memberOrder.get(a) ?? 0) - (memberOrder.get(b) ?? 0));
      for (const m of ids) {
        invalid.push({
          member: `${nameOf.get(m) ?? ""} (${subjectLabel(s)})`,
          reason: `tổng điểm lệch quá ${pct(sc.invalidDeviation)}% so với điểm trung bình của các phiếu`,
        });
      }
    }
  }
  const ballotsSummary: BallotsSummary = {
    issued: voters.length * l.subjects.length,
    returned: ballots.length,
    valid: ballots.length - invalid.length,
    invalid,
  };
  const chair =
    l.members.find((m) => m.role === "chair" && m.present) ??
    l.members.find((m) => m.role === "vice_chair" && m.authorisedToChair) ??
    l.members.find((m) => m.role === "chair");
  const secretary = l.members.find((m) => m.role === "scientific_secretary");
  const adoption = { agreed: present.length, present: present.length, endsAt: l.c.concludedAt! };
  const byMember = (a: { memberId: string }, b: { memberId: string }) => (memberOrder.get(a.memberId) ?? 0) - (memberOrder.get(b.memberId) ?? 0);

  if (sc.method === "grades") {
    const s = l.subjects[0];
    const r = resultOf(s.id);
    const own = ballots.filter((b) => b.subjectId === s.id);
    const count = (key: string) => {
      const c: Record<Grade, number> = { excellent: 0, pass: 0, fail: 0 };
      for (const b of own) {
        const level = scoresOf(b.id).find((x) => x.criterionKey === key)?.level;
        if (level) c[level] += 1;
      }
      return c;
    };
    const overall = (r?.details.gradeCounts as Record<Grade, number> | undefined) ?? { excellent: 0, pass: 0, fail: 0 };
    const grade: Grade = r?.grade ?? "fail";
    const content = await acceptanceMinutes({
      issuer,
      number: null,
      general: (({ kind: _k, ...g }) => g)(general),
      ballots: ballotsSummary,
      products: (criteria.get(s.id) ?? []).filter((c) => c.kind !== "report").map((c) => ({ name: c.labelVi, counts: count(c.key) })),
      report: count("report"),
      overall,
      councilGrade: grade,
      conclusions: [
        `Hội đồng đánh giá nhiệm vụ ${s.taskTitle} (mã số: ${s.taskCode}) ở mức: ${({ excellent: "Xuất sắc", pass: "Đạt", fail: "Không đạt" } as const)[grade]}.`,
        grade === "fail"
          ? "Hội đồng đề nghị cơ quan quản lý xử lý theo quy định đối với nhiệm vụ không đạt yêu cầu."
          : "Hội đồng đề nghị tổ chức chủ trì, chủ nhiệm nhiệm vụ hoàn thiện hồ sơ theo ý kiến của Hội đồng để công nhận kết quả và đăng ký kết quả thực hiện nhiệm vụ.",
      ],
      adoption,
      secretary: secretary?.fullName ?? "",
      chair: chair?.fullName ?? "",
    });
    return { fileName: `Biên bản họp hội đồng - ${l.c.title}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
  }

  const conclusions: string[] = [];
  let scoreTables: ScoreTable[] | undefined;
  let ranking: RankingLine[] | undefined;
  let gradeCounts: { label: string; count: number }[] | undefined;
  if (sc.method === "points") {
    scoreTables = l.subjects.map((s) => {
      const rubric = sc.rubrics[sc.rubricByTaskType[s.taskType] ?? "de_tai"];
      const invalidIds = new Set((resultOf(s.id)?.details.invalidMemberIds as string[] | undefined) ?? []);
      return {
        subject: subjectLabel(s),
        criteria: rubric.map((c) => ({ label: c.labelVi, max: c.max })),
        ballots: ballots
          .filter((b) => b.subjectId === s.id)
          .sort(byMember)
          .map((b) => {
            const own = scoresOf(b.id);
            return {
              member: nameOf.get(b.memberId) ?? "",
              scores: rubric.map((c) => own.find((x) => x.criterionKey === c.key)?.points ?? 0),
              valid: !invalidIds.has(b.memberId),
            };
          }),
      };
    });
    ranking = l.subjects
      .map((s) => ({ s, r: resultOf(s.id) }))
      .filter((x) => x.r?.rank != null)
      .sort((a, b) => a.r!.rank! - b.r!.rank!)
      // "Đạt" = meets the pass mark and the zero-score rule, whatever the rank (only the first is selected).
      .map(({ s, r }) => {
        const average = r!.average ?? 0;
        const bonus = r!.bonus ?? 0;
        return {
          rank: r!.rank!,
          subject: subjectLabel(s),
          average,
          bonus,
          score: r!.score ?? average + bonus,
          passed: !!r!.passed || r!.details.meetsThresholds === true,
        };
      });
    for (const s of l.subjects) {
      const r = resultOf(s.id);
      if (!r) continue;
      const average = r.average ?? 0;
      const bonus = r.bonus ?? 0;
      const scores = `điểm trung bình của các phiếu hợp lệ ${vnScore(average)}; điểm ưu tiên ${vnScore(bonus)}; điểm xếp hạng ${vnScore(r.score ?? average + bonus)}`;
      const verdict = r.selected
        ? "Hội đồng kiến nghị giao hồ sơ này chủ trì thực hiện nhiệm vụ"
        : r.passed || r.details.meetsThresholds === true
          ? "đạt yêu cầu, không xếp thứ nhất"
          : "không đạt yêu cầu";
      conclusions.push(`${subjectLabel(s)}: ${scores}${r.rank ? `; xếp hạng ${r.rank}` : ""}; ${verdict}.`);
    }
    if (!results.some((r) => r.selected)) conclusions.push("Không có hồ sơ nào đủ điều kiện để Hội đồng kiến nghị giao chủ trì thực hiện nhiệm vụ.");
  } else {
    gradeCounts = l.subjects.flatMap((s) => {
      const r = resultOf(s.id);
      const approvals = r?.approvals ?? 0;
      return [
        { label: `${subjectLabel(s)}: phiếu nhất trí`, count: approvals },
        { label: `${subjectLabel(s)}: phiếu không nhất trí`, count: (r?.ballots ?? 0) - approvals },
      ];
    });
    for (const s of l.subjects) {
      const r = resultOf(s.id);
      if (!r) continue;
      const verdict =
        l.c.kind === "identification"
          ? r.passed
            ? "Hội đồng kiến nghị đưa vào danh mục nhiệm vụ đặt hàng"
            : "Hội đồng không kiến nghị thực hiện"
          : r.passed
            ? "Hội đồng thông qua nội dung và kinh phí"
            : "Hội đồng không thông qua";
      const budget = r.recommendedBudget != null ? `; kinh phí kiến nghị ${vnMoney(r.recommendedBudget)}` : "";
      conclusions.push(`${subjectLabel(s)}: ${r.approvals ?? 0}/${r.ballots} phiếu nhất trí; ${verdict}${budget}.`);
    }
  }
  const content = await councilMinutes({
    issuer,
    number: null,
    general,
    ballots: ballotsSummary,
    scoreTables,
    ranking,
    gradeCounts,
    conclusions,
    adoption,
    secretary: secretary?.fullName ?? "",
    chair: chair?.fullName ?? "",
  });
  return { fileName: `Biên bản họp hội đồng - ${l.c.title}.docx`, mediaType: DOCX_MEDIA_TYPE, content };
}
