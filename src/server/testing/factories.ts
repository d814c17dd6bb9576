// Factories: valid rows with overrides, creating parents as needed (buildX pattern), every timestamp from the test
// clock. The domain builders (an approved task, a task in progress, a contract, a concluded council) write the rows a
// process leaves straight to the tables: the process that leads there is tested by its own module.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { calls, contractProducts, contracts, contractTranches, organisations, people, taskDossiers, tasks, users } from "../db/schema/index.js";
import type { Executor, Tx } from "../platform/context.js";
import { nextNumber } from "../platform/codes.js";
import type { Role } from "../../common/roles.js";
import { hashPassword } from "../platform/auth/password.js";
import { testClockOf } from "./test-clock.js";
import { Client, type TestApp } from "./harness.js";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;
const seq = () => crypto.randomBytes(4).toString("hex");
/**
 * Creation and update times from the test clock. The tables have no time defaults (migration 0027): every insert,
 * a test's included, says when, and a test's "when" is its clock.
 */
export const stamps = (db: Executor) => {
  const now = testClockOf(db).now();
  return { createdAt: now, updatedAt: now };
};

export async function buildUser(db: Executor, o: Partial<typeof users.$inferInsert> & { roles?: Role[] } = {}): Promise<typeof users.$inferSelect> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = o.username ?? `user_${seq()}`;
  const [u] = await db
    .insert(users)
    .values({
      displayName: username,
      passwordHash: await cachedHash,
      roles: ["officer"],
      ...stamps(db),
      passwordChangedAt: testClockOf(db).now(),
      ...o,
      username,
    })
    .returning();
  return u;
}

export async function buildOrganisation(db: Executor, o: Partial<typeof organisations.$inferInsert> = {}) {
  const [row] = await db
    .insert(organisations)
    .values({ type: "rd_institute", nameVi: `Viện Nghiên cứu ${seq()}`, ...stamps(db), ...o })
    .returning();
  return row;
}

export async function buildPerson(db: Executor, o: Partial<typeof people.$inferInsert> = {}) {
  const [row] = await db
    .insert(people)
    .values({ fullName: `Nguyễn Văn ${seq()}`, degree: "TS", gender: "male", birthYear: 1980, fields: ["102"], ...stamps(db), ...o })
    .returning();
  return row;
}

/**
 * A call as its lifecycle leaves it (published and open from an hour ago for 30 days, unless said), a selection
 * call unless said, stamped with the test clock.
 */
export async function buildCall(db: Executor, o: Partial<typeof calls.$inferInsert> = {}): Promise<typeof calls.$inferSelect> {
  const now = testClockOf(db).now();
  const n = seq().toUpperCase();
  const [row] = await db
    .insert(calls)
    .values({
      code: `TC-TEST-${n}`,
      titleVi: `Đợt tuyển chọn thử nghiệm ${n}`,
      kind: "selection",
      status: "published",
      publishedAt: now,
      opensAt: new Date(now.getTime() - 3600_000),
      closesAt: new Date(now.getTime() + 30 * 86400_000),
      ...stamps(db),
      ...o,
    })
    .returning();
  return row;
}

/**
 * A task written straight to the table in the state a test needs (the process that leads there is tested by the tasks
 * module): a de_tai of the baseline-2013 process, numbered and titled uniquely, stamped with the test clock.
 */
export async function buildTask(db: Executor, o: Partial<typeof tasks.$inferInsert> = {}): Promise<typeof tasks.$inferSelect> {
  const now = testClockOf(db).now();
  const n = seq().toUpperCase();
  const [row] = await db
    .insert(tasks)
    .values({
      code: `ĐT.TEST.${n}`,
      titleVi: `Nhiệm vụ thử nghiệm ${n}`,
      taskType: "de_tai",
      templateKey: "baseline-2013",
      templateVersion: 1,
      state: "proposal",
      year: now.getUTCFullYear(),
      stateEnteredAt: now,
      ...stamps(db),
      ...o,
    })
    .returning();
  return row;
}

/** A dossier of a task (status `valid` unless said), stamped with the test clock. */
export async function buildDossier(
  db: Executor,
  o: Pick<typeof taskDossiers.$inferInsert, "taskId" | "ownerUserId" | "piPersonId" | "leadOrganisationId"> & Partial<typeof taskDossiers.$inferInsert>,
): Promise<typeof taskDossiers.$inferSelect> {
  const [row] = await db
    .insert(taskDossiers)
    .values({ status: "valid", ...stamps(db), ...o })
    .returning();
  return row;
}

/**
 * A user with the given roles (and links), signed in through the real login: the account and its client. Each client
 * may come from an address of its own, so one test's failed attempts do not rate-limit another's.
 */
export async function signedIn(
  t: TestApp,
  o: Parameters<typeof buildUser>[1] & { ip?: string } = {},
): Promise<{ user: typeof users.$inferSelect; client: Client }> {
  const { ip, ...user } = o;
  const account = await buildUser(t.database.db, user);
  const client = new Client(t, ip);
  await client.login(account.username, TEST_PASSWORD);
  return { user: account, client };
}

/** A task at step `approved` with its PI, lead organisation, period, decision and approved budget by source. */
export function buildApprovedTask(db: Executor, o: { city?: number; other?: number } & Partial<typeof tasks.$inferInsert> = {}) {
  const { city = 600_000_000, other = 150_000_000, ...over } = o;
  return buildTask(db, {
    taskType: "de_tai",
    state: "approved",
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    approvedBudgetCity: city,
    approvedBudgetOther: other,
    ...over,
  });
}

export interface TaskInProgress {
  taskId: string;
  dossierId: string | null;
  milestoneIds: string[];
}

/**
 * A task in progress (or the step given) of the baseline-2013 process with its PI, lead organisation and period, and,
 * when milestones are given, the selected dossier with those milestones.
 */
export async function buildTaskInProgress(
  db: Executor,
  o: {
    piPersonId: string;
    leadOrganisationId: string;
    ownerUserId: string;
    startDate: string;
    endDate: string;
    milestones?: [string, string][];
    state?: string;
  },
): Promise<TaskInProgress> {
  const tpl = await db.execute<{ template_key: string; version: number }>(
    sql`SELECT template_key, version FROM process_template_versions WHERE template_key = 'baseline-2013' ORDER BY version LIMIT 1`,
  );
  const code = "NV-TEST-" + crypto.randomBytes(3).toString("hex").toUpperCase();
  const task = await buildTask(db, {
    code,
    titleVi: "Nghiên cứu giống lúa chịu mặn " + code,
    templateKey: tpl.rows[0].template_key,
    templateVersion: tpl.rows[0].version,
    state: o.state ?? "in_progress",
    year: 2026,
    piPersonId: o.piPersonId,
    leadOrganisationId: o.leadOrganisationId,
    startDate: o.startDate,
    endDate: o.endDate,
    method: "selection",
  });
  if (!o.milestones?.length) return { taskId: task.id, dossierId: null, milestoneIds: [] };
  const dossier = await buildDossier(db, {
    taskId: task.id,
    status: "selected",
    ownerUserId: o.ownerUserId,
    piPersonId: o.piPersonId,
    leadOrganisationId: o.leadOrganisationId,
  });
  const milestoneIds: string[] = [];
  for (const [i, [from, to]] of o.milestones.entries()) {
    const m = await db.execute<{ id: string }>(sql`
      INSERT INTO task_dossier_milestones (dossier_id, position, content, starts_on, ends_on, deliverable)
      VALUES (${dossier.id}, ${i + 1}, ${"Nội dung " + (i + 1)}, ${from}, ${to}, ${"Báo cáo chuyên đề " + (i + 1)}) RETURNING id`);
    milestoneIds.push(m.rows[0].id);
  }
  await db.execute(sql`UPDATE tasks SET selected_dossier_id = ${dossier.id} WHERE id = ${task.id}`);
  return { taskId: task.id, dossierId: dossier.id, milestoneIds };
}

export const CONTRACT_PRODUCT = {
  name: "Quy trình nuôi cá song",
  outputType: "solution",
  quantity: 1,
  unit: "quy trình",
  qualityTarget: "Được hội đồng nghiệm thu đánh giá đạt",
} as const;

type TrancheInput = Pick<typeof contractTranches.$inferInsert, "kind" | "label" | "plannedDate" | "amountCity"> &
  Partial<Pick<typeof contractTranches.$inferInsert, "amountOther" | "condition">>;

/** The plan of a contract of that value: half the city part as an advance, the rest and the other sources as a tranche. */
export const halfAndHalf = (valueCity: number, valueOther: number): TrancheInput[] => [
  { kind: "advance", label: "Tạm ứng đợt 1", plannedDate: "2027-01-15", amountCity: Math.floor(valueCity / 2), amountOther: 0 },
  { kind: "tranche", label: "Cấp đợt 2", plannedDate: "2027-12-15", amountCity: valueCity - Math.floor(valueCity / 2), amountOther: valueOther },
];

/**
 * The contract of a task (from `buildApprovedTask`: its PI, lead organisation, approved budget and period), numbered
 * like a drawn-up one, prepared by `preparedBy`, with one product and a plan that adds up to its city value (half and
 * half unless `tranches` is given; `[]` for none). `status: "signed"` signs it (by `signedBy`) on the clock's day.
 */
export async function buildContract(
  db: Executor,
  o: {
    task: typeof tasks.$inferSelect;
    preparedBy: string;
    status?: "draft" | "signed";
    signedBy?: string;
    tranches?: TrancheInput[];
  } & Partial<Pick<typeof contracts.$inferInsert, "valueCity" | "valueOther" | "partyARepresentative" | "partyBRepresentative" | "terms">>,
): Promise<{ contract: typeof contracts.$inferSelect; trancheIds: string[] }> {
  const { task, preparedBy, status = "draft", signedBy, tranches, ...over } = o;
  if (!task.piPersonId || !task.leadOrganisationId || !task.startDate || !task.endDate)
    throw new Error("buildContract: the task has no PI, organisation or period");
  const now = testClockOf(db).now();
  const year = now.getUTCFullYear();
  const n = await nextNumber(db as Tx, `contract:${year}`);
  const valueCity = over.valueCity ?? task.approvedBudgetCity ?? 0;
  const valueOther = over.valueOther ?? task.approvedBudgetOther ?? 0;
  const signed = status === "signed";
  const [contract] = await db
    .insert(contracts)
    .values({
      taskId: task.id,
      number: `${String(n).padStart(2, "0")}/${year}/HĐ-KHCN`,
      year,
      status,
      partyAName: "Sở Khoa học và Công nghệ thành phố Hải Phòng",
      partyARepresentative: "Giám đốc Sở",
      partyBOrganisationId: task.leadOrganisationId,
      partyBRepresentative: "Viện trưởng",
      piPersonId: task.piPersonId,
      startDate: task.startDate,
      endDate: task.endDate,
      terms: "Điều khoản chung",
      preparedBy,
      createdBy: preparedBy,
      updatedBy: preparedBy,
      ...(signed
        ? { signedBy: signedBy ?? null, signedAt: now, partyASignedOn: now.toISOString().slice(0, 10), partyBSignedOn: now.toISOString().slice(0, 10) }
        : {}),
      ...stamps(db),
      ...over,
      valueCity,
      valueOther,
    })
    .returning();
  await db.insert(contractProducts).values({ contractId: contract.id, position: 1, ...CONTRACT_PRODUCT });
  const plan = tranches ?? halfAndHalf(valueCity, valueOther);
  const trancheIds: string[] = [];
  for (const [i, tr] of plan.entries()) {
    const [row] = await db
      .insert(contractTranches)
      .values({ contractId: contract.id, position: i + 1, ...tr })
      .returning({ id: contractTranches.id });
    trancheIds.push(row.id);
  }
  return { contract, trancheIds };
}

export type CouncilKind = "identification" | "selection" | "appraisal" | "acceptance";

/**
 * A council of that kind about the task as a concluded one leaves it (concluded unless said, quorum met unless said,
 * at the test clock's now unless said), under the kind's first rule set, with one subject and its result per entry of
 * `subjects`. Returns its id.
 */
export async function buildConcludedCouncil(
  db: Executor,
  o: {
    taskId: string;
    kind: CouncilKind;
    subjects: { dossierId?: string | null; passed?: boolean | null; selected?: boolean; grade?: string | null }[];
    quorumMet?: boolean;
    concluded?: boolean;
    /** when it was formed and concluded (default: the test clock's now) */
    at?: Date;
  },
): Promise<string> {
  const now = o.at ?? testClockOf(db).now();
  const rs = await db.execute<{ key: string; version: number }>(
    sql`SELECT key, version FROM council_rule_sets WHERE kind = ${o.kind} ORDER BY version LIMIT 1`,
  );
  const { key, version } = rs.rows[0];
  const c = await db.execute<{ id: string }>(sql`
    INSERT INTO councils (kind, rule_set_key, rule_set_version, title, status, quorum_met, created_at, updated_at)
    VALUES (${o.kind}, ${key}, ${version}, ${"Hội đồng thử nghiệm"}, 'in_session', ${o.quorumMet ?? true}, ${now}, ${now}) RETURNING id`);
  const councilId = c.rows[0].id;
  let pos = 0;
  for (const s of o.subjects) {
    const sub = await db.execute<{ id: string }>(sql`
      INSERT INTO council_subjects (council_id, task_id, dossier_id, position) VALUES (${councilId}, ${o.taskId}, ${s.dossierId ?? null}, ${++pos}) RETURNING id`);
    await db.execute(sql`
      INSERT INTO council_results (council_id, subject_id, ballots, valid_count, invalid_count, passed, selected, grade, details, computed_at)
      VALUES (${councilId}, ${sub.rows[0].id}, 7, 7, 0, ${s.passed ?? null}, ${s.selected ?? false}, ${s.grade ?? null}, '{}'::jsonb, ${now})`);
  }
  if (o.concluded !== false) await db.execute(sql`UPDATE councils SET status = 'concluded', concluded_at = ${now} WHERE id = ${councilId}`);
  return councilId;
}
