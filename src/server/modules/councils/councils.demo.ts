// Demo councils: six more council-member accounts ("expert2" … "expert7", password "khcn-demo"), each linked to an
// expert of the people registry, so that with "expert" the Department can seat a 7-member council whose members score
// online; and one concluded identification council (7 members, every ballot in, result locked) for the task whose list
// was approved, so the demo shows a council's results. The experts are picked in a fixed order among people with no
// tie to any organisation or team of the demo tasks (no conflict of interest under the councils' rules).
import { sql } from "drizzle-orm";
import { councilBallotScores, councilBallots, councilMembers, councilResults, councilSubjects, councils, users } from "../../db/schema/index.js";
import type { Executor } from "../../platform/context.js";
import { hashPassword } from "../../platform/auth/password.js";
import { APPRAISAL_2014, IDENTIFICATION_TT06_2023, countMet, type CouncilRole } from "../../../common/councils/index.js";
import { vietnamDate } from "../../platform/clock.js";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.js";

const DAY = 86400_000;
/** How many council-member accounts besides "expert". */
export const DEMO_EXTRA_EXPERTS = 6;

/** The usernames of the demo council-member accounts besides "expert", in seating order. */
export const demoExpertUsernames = () => Array.from({ length: DEMO_EXTRA_EXPERTS }, (_, i) => `expert${i + 2}`);

export async function insertDemoCouncils(tx: Executor, now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const accounts = await tx.execute<{ id: string; username: string; person_id: string | null }>(
    sql`SELECT id, username, person_id FROM users WHERE username IN ('officer', 'expert')`,
  );
  const account = (u: string) => accounts.rows.find((r) => r.username === u);
  const officer = account("officer")?.id;
  const expertPerson = account("expert")?.person_id;
  if (!officer || !expertPerson) return;

  // Experts with no tie to the demo tasks: not working at nor ever affiliated with an organisation that proposed, leads
  // or applied for a task, on no dossier team, with a name no one else in the registry has (found unambiguously).
  const picked = await tx.execute<{ id: string; full_name: string }>(sql`
    WITH task_orgs AS (
      SELECT proposing_organisation_id AS id FROM tasks WHERE proposing_organisation_id IS NOT NULL
      UNION SELECT lead_organisation_id FROM tasks WHERE lead_organisation_id IS NOT NULL
      UNION SELECT lead_organisation_id FROM task_dossiers
    ), task_people AS (
      SELECT person_id AS id FROM task_dossier_team
      UNION SELECT pi_person_id FROM task_dossiers
      UNION SELECT pi_person_id FROM tasks WHERE pi_person_id IS NOT NULL
      UNION SELECT person_id FROM users WHERE person_id IS NOT NULL
    )
    SELECT p.id, p.full_name FROM people p
    WHERE p.is_expert
      AND p.primary_organisation_id NOT IN (SELECT id FROM task_orgs)
      AND p.id NOT IN (SELECT id FROM task_people)
      AND NOT EXISTS (SELECT 1 FROM person_affiliations a WHERE a.person_id = p.id AND a.organisation_id IN (SELECT id FROM task_orgs))
      AND NOT EXISTS (SELECT 1 FROM people q WHERE q.full_name = p.full_name AND q.id <> p.id)
    ORDER BY p.full_name, p.birth_year, p.id
    LIMIT ${DEMO_EXTRA_EXPERTS}`);
  if (picked.rows.length < DEMO_EXTRA_EXPERTS) return;
  const hash = await hashPassword(DEMO_PASSWORD);
  await tx.insert(users).values(
    picked.rows.map((p, i) => ({
      username: `expert${i + 2}`,
      displayName: `Chuyên gia hội đồng ${i + 2} — ${p.full_name}`,
      passwordHash: hash,
      roles: ["expert"],
      personId: p.id,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );

  // A concluded identification council for the task whose list was approved.
  const task = (
    await tx.execute<{ id: string; code: string; title_vi: string }>(
      sql`SELECT id, code, title_vi FROM tasks WHERE state = 'list_approved' AND template_key = 'baseline-2013' ORDER BY code LIMIT 1`,
    )
  ).rows[0];
  if (!task) return;
  const rules = IDENTIFICATION_TT06_2023;
  const stored = await tx.execute(sql`SELECT 1 FROM council_rule_sets WHERE key = ${rules.key} AND version = ${rules.version}`);
  if (!stored.rows.length) return;
  const held = at(-3);
  const decided = at(-10);
  const [council] = await tx
    .insert(councils)
    .values({
      kind: "identification",
      ruleSetKey: rules.key,
      ruleSetVersion: rules.version,
      title: `Hội đồng tư vấn xác định nhiệm vụ KH&CN cấp thành phố năm ${now.getFullYear() + 1} — ${task.code}`,
      meetingAt: held,
      place: "Phòng họp tầng 3, Sở Khoa học và Công nghệ Hải Phòng",
      decisionNumber: "1388/QĐ-SKHCN",
      decisionDate: vietnamDate(decided),
      status: "in_session",
      quorumMet: true,
      invitedAt: decided,
      openedAt: held,
      createdAt: at(-12),
      updatedAt: held,
      createdBy: officer,
      updatedBy: officer,
    })
    .returning({ id: councils.id });
  const [subject] = await tx.insert(councilSubjects).values({ councilId: council.id, taskId: task.id, position: 1 }).returning({ id: councilSubjects.id });
  const roles: CouncilRole[] = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member"];
  const seated = [expertPerson, ...picked.rows.map((p) => p.id)];
  const members = await tx
    .insert(councilMembers)
    .values(
      seated.map((personId, i) => ({
        councilId: council.id,
        personId,
        role: roles[i],
        invitedAt: decided,
        declarationSignedAt: held,
        declarationStatement: "Tôi cam kết không có xung đột lợi ích với các nhiệm vụ, hồ sơ được hội đồng xem xét và giữ bí mật thông tin, kết quả đánh giá.",
        present: true,
        createdAt: at(-12),
        createdBy: officer,
      })),
    )
    .returning({ id: councilMembers.id });
  // Six members find every criterion met; the last finds the task overlapping an earlier one.
  const criteria = rules.scoring.method === "criteria_met" ? rules.scoring.criteria : [];
  const met = members.map((m, i) => ({
    memberId: m.id,
    met: Object.fromEntries(criteria.map((c) => [c.key, !(i === members.length - 1 && c.key === "no_overlap")])),
  }));
  for (const [i, b] of met.entries()) {
    const [ballot] = await tx
      .insert(councilBallots)
      .values({
        councilId: council.id,
        memberId: b.memberId,
        subjectId: subject.id,
        status: "submitted",
        comment: i === met.length - 1 ? "Nội dung gần với một nhiệm vụ đã thực hiện, cần làm rõ phạm vi." : "Đề nghị đưa vào danh mục đặt hàng.",
        recordedBy: officer,
        submittedAt: held,
        createdAt: held,
        updatedAt: held,
      })
      .returning({ id: councilBallots.id });
    await tx.insert(councilBallotScores).values(criteria.map((c) => ({ ballotId: ballot.id, criterionKey: c.key, met: b.met[c.key] })));
  }
  if (rules.scoring.method !== "criteria_met") return;
  const r = countMet(
    rules.scoring,
    met.map((b) => ({ ...b, recommendedBudget: null })),
    members.length,
  );
  await tx.insert(councilResults).values({
    councilId: council.id,
    subjectId: subject.id,
    ballots: r.ballots,
    validCount: r.ballots,
    invalidCount: 0,
    approvals: r.approvals,
    passed: r.passed,
    recommendedBudget: r.recommendedBudget,
    details: { base: r.base, present: members.length },
    computedAt: held,
  });
  // Last: from here on the council is locked.
  await tx.execute(
    // The meeting lasted two and a half hours: its minutes show when it opened and when it ended.
    sql`UPDATE councils SET status = 'concluded', concluded_at = ${new Date(held.getTime() + 150 * 60_000).toISOString()}::timestamptz, concluded_by = ${officer} WHERE id = ${council.id}`,
  );
}

/**
 * An appraisal of the demo task in appraisal, in session today with five of the demo council accounts: "expert" (a
 * reviewer) and "expert2" … "expert4" have signed their declaration and have their ballots still to score, "expert5"
 * has not signed yet — so the experts' home pages show a ballot to score or a declaration to sign.
 */
export async function insertDemoAppraisalCouncil(tx: Executor, now: Date) {
  const people = await tx.execute<{ username: string; id: string; person_id: string | null }>(
    sql`SELECT username, id, person_id FROM users WHERE username IN ('officer', 'expert', 'expert2', 'expert3', 'expert4', 'expert5')`,
  );
  const of = (u: string) => people.rows.find((r) => r.username === u);
  const officer = of("officer")?.id;
  const seats: [string, CouncilRole, boolean][] = [
    ["expert2", "chair", true],
    ["expert", "reviewer", true],
    ["expert3", "member", true],
    ["expert4", "member", true],
    ["expert5", "scientific_secretary", false],
  ];
  if (!officer || seats.some(([u]) => !of(u)?.person_id)) return;
  const task = (
    await tx.execute<{ id: string; code: string }>(
      sql`SELECT id, code FROM tasks WHERE state = 'appraisal' AND template_key = 'baseline-2013' ORDER BY code LIMIT 1`,
    )
  ).rows[0];
  const rules = APPRAISAL_2014;
  const stored = await tx.execute(sql`SELECT 1 FROM council_rule_sets WHERE key = ${rules.key} AND version = ${rules.version}`);
  if (!task || !stored.rows.length) return;
  const invited = new Date(now.getTime() - 7 * DAY);
  const opened = new Date(now.getTime() - 3_600_000);
  const [council] = await tx
    .insert(councils)
    .values({
      kind: "appraisal",
      ruleSetKey: rules.key,
      ruleSetVersion: rules.version,
      title: `Tổ thẩm định nội dung và kinh phí — ${task.code}`,
      meetingAt: opened,
      place: "Phòng họp tầng 2, Sở Khoa học và Công nghệ Hải Phòng",
      status: "in_session",
      quorumMet: true,
      invitedAt: invited,
      openedAt: opened,
      createdAt: invited,
      updatedAt: opened,
      createdBy: officer,
      updatedBy: officer,
    })
    .returning({ id: councils.id });
  await tx.insert(councilSubjects).values({ councilId: council.id, taskId: task.id, position: 1 });
  await tx.insert(councilMembers).values(
    seats.map(([u, role, signed]) => ({
      councilId: council.id,
      personId: of(u)!.person_id!,
      role,
      invitedAt: invited,
      declarationSignedAt: signed ? opened : null,
      declarationStatement: signed
        ? "Tôi cam kết không có xung đột lợi ích với các nhiệm vụ, hồ sơ được hội đồng xem xét và giữ bí mật thông tin, kết quả đánh giá."
        : null,
      present: true,
      createdAt: invited,
      createdBy: officer,
    })),
  );
}
