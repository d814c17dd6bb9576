// Factories: valid rows with overrides, creating parents as needed (buildX pattern).
import crypto from "node:crypto";
import { organisations, people, taskDossiers, tasks, users } from "../db/schema/index.js";
import type { Executor } from "../platform/context.js";
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
