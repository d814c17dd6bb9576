// Conflict-of-interest check (SECURITY.md 9; the conflict rules of TT 08/2017 and TT 20/2023 as ARCHITECTURE.md "Councils" lists them), from the platform's own registries
// as they are when it runs — when a member is added, again for every member when the invitations go out, and again
// before each ballot is accepted — each finding explained as one line in Vietnamese and English:
//   • the person is the PI of a subject's task or dossier;
//   • the person is on the team of a subject's dossier;
//   • the person works at (primary organisation) the lead / applicant organisation or the proposing organisation;
//   • the person was affiliated with one of them within the rule set's years (person_affiliations; an open-ended or
//     recent affiliation counts);
//   • the person was a team co-member of the PI (or the PI's team member) on another task's selected dossier within the
//     rule set's years.
// For acceptance, staff of the host (lead) organisation may sit as ordinary members only: that finding is a role limit,
// reported as a line that blocks only when the proposed role is not "member".
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { CouncilRole, CouncilRuleSet } from "../../../common/councils/index.js";
import type { ConflictLine } from "../../db/schema/index.js";

export interface ConflictResult {
  conflict: boolean;
  lines: ConflictLine[];
}

interface SubjectRow extends Record<string, unknown> {
  task_id: string;
  task_code: string;
  task_pi: string | null;
  task_lead_org: string | null;
  proposing_org: string | null;
  dossier_id: string | null;
  dossier_pi: string | null;
  dossier_org: string | null;
}

export async function conflictsOf(
  db: Executor,
  councilId: string,
  personId: string,
  role: CouncilRole,
  rules: CouncilRuleSet,
  today: string,
): Promise<ConflictResult> {
  const subjects = await db.execute<SubjectRow>(sql`
    SELECT t.id AS task_id, t.code AS task_code, t.pi_person_id AS task_pi, t.lead_organisation_id AS task_lead_org,
           t.proposing_organisation_id AS proposing_org,
           d.id AS dossier_id, d.pi_person_id AS dossier_pi, d.lead_organisation_id AS dossier_org
    FROM council_subjects s
    JOIN tasks t ON t.id = s.task_id
    LEFT JOIN task_dossiers d ON d.id = coalesce(s.dossier_id, t.selected_dossier_id)
    WHERE s.council_id = ${councilId}
    ORDER BY s.position`);
  const [person] = (
    await db.execute<{ primary_organisation_id: string | null } & Record<string, unknown>>(
      sql`SELECT primary_organisation_id FROM people WHERE id = ${personId}`,
    )
  ).rows;
  const lines: ConflictLine[] = [];
  let conflict = false;
  const add = (line: ConflictLine) => {
    if (!lines.some((l) => l.code === line.code && l.vi === line.vi)) lines.push(line);
    if (!line.limit) conflict = true;
  };
  const orgName = async (id: string) =>
    (await db.execute<{ name: string } & Record<string, unknown>>(sql`SELECT name_vi AS name FROM organisations WHERE id = ${id}`)).rows[0]?.name ?? id;
  const cutoff = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;

  for (const s of subjects.rows) {
    const tag = s.task_code;
    if (s.task_pi === personId || s.dossier_pi === personId) {
      add({ code: "pi", vi: `Là chủ nhiệm của nhiệm vụ / hồ sơ ${tag}`, en: `Is the principal investigator of task / dossier ${tag}` });
    }
    if (s.dossier_id) {
      const team = await db.execute(sql`SELECT 1 FROM task_dossier_team WHERE dossier_id = ${s.dossier_id} AND person_id = ${personId}`);
      if (team.rows.length) add({ code: "team", vi: `Là thành viên nhóm thực hiện của hồ sơ ${tag}`, en: `Is on the team of dossier ${tag}` });
    }
    const hostOrgs = [...new Set([s.dossier_org, s.task_lead_org].filter((v): v is string => !!v))];
    const orgs: { id: string; host: boolean }[] = [
      ...hostOrgs.map((id) => ({ id, host: true })),
      ...(s.proposing_org && !hostOrgs.includes(s.proposing_org) ? [{ id: s.proposing_org, host: false }] : []),
    ];
    for (const o of orgs) {
      const name = await orgName(o.id);
      const what = o.host ? { vi: "tổ chức chủ trì / đăng ký", en: "lead / applicant organisation" } : { vi: "tổ chức đề xuất", en: "proposing organisation" };
      const hostLimit = o.host && rules.conflicts.hostOrganisationStaff === "ordinary_member";
      const limited = (line: Omit<ConflictLine, "limit">) => {
        if (!hostLimit) return add(line);
        const allowed = role === "member";
        add({
          ...line,
          vi: line.vi + (allowed ? " — chỉ được tham gia với vai trò uỷ viên" : " — không được làm chủ tịch, phó chủ tịch, phản biện hay thư ký"),
          en: line.en + (allowed ? " — allowed as an ordinary member only" : " — may not be chair, vice-chair, reviewer or secretary"),
          limit: allowed,
        });
      };
      if (person?.primary_organisation_id === o.id) {
        limited({ code: "works_at", vi: `Đang công tác tại ${what.vi} ${name} (${tag})`, en: `Works at the ${what.en} ${name} (${tag})` });
        continue;
      }
      const aff = await db.execute<{ start_date: string | null; end_date: string | null } & Record<string, unknown>>(sql`
        SELECT start_date::text, end_date::text FROM person_affiliations
        WHERE person_id = ${personId} AND organisation_id = ${o.id}
          AND (end_date IS NULL OR end_date >= ${cutoff(rules.conflicts.affiliationYears)}::date)
        ORDER BY end_date DESC NULLS FIRST LIMIT 1`);
      const a = aff.rows[0];
      if (a) {
        const until = a.end_date ?? "nay";
        limited({
          code: "affiliation",
          vi: `Đã công tác tại ${what.vi} ${name} (${a.start_date ?? "?"} – ${until}) trong ${rules.conflicts.affiliationYears} năm gần đây (${tag})`,
          en: `Was affiliated with the ${what.en} ${name} (${a.start_date ?? "?"} – ${a.end_date ?? "now"}) within the last ${rules.conflicts.affiliationYears} years (${tag})`,
        });
      }
    }
    const pi = s.dossier_pi ?? s.task_pi;
    if (pi && pi !== personId) {
      const past = await db.execute<{ code: string } & Record<string, unknown>>(sql`
        SELECT DISTINCT t2.code
        FROM tasks t2
        JOIN task_dossiers d2 ON d2.id = t2.selected_dossier_id
        WHERE t2.id <> ${s.task_id}
          AND t2.year >= ${Number(today.slice(0, 4)) - rules.conflicts.coMemberYears}
          AND (d2.pi_person_id = ${personId} OR EXISTS (SELECT 1 FROM task_dossier_team m WHERE m.dossier_id = d2.id AND m.person_id = ${personId}))
          AND (d2.pi_person_id = ${pi} OR EXISTS (SELECT 1 FROM task_dossier_team m WHERE m.dossier_id = d2.id AND m.person_id = ${pi}))
        ORDER BY t2.code LIMIT 5`);
      for (const p of past.rows) {
        add({
          code: "co_member",
          vi: `Cùng thực hiện nhiệm vụ ${p.code} với chủ nhiệm của ${tag} trong ${rules.conflicts.coMemberYears} năm gần đây`,
          en: `Worked on task ${p.code} together with the PI of ${tag} within the last ${rules.conflicts.coMemberYears} years`,
        });
      }
    }
  }
  return { conflict, lines };
}
