// Factories: valid rows with overrides, creating parents as needed (buildX pattern).
import crypto from "node:crypto";
import { organisations, people, users } from "../db/schema/index.js";
import type { Executor } from "../platform/context.js";
import type { Role } from "../../common/roles.js";
import { hashPassword } from "../platform/auth/password.js";
import { testClockOf } from "./test-clock.js";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;
const seq = () => crypto.randomBytes(4).toString("hex");
/** Creation and update times from the test clock: a column default (the database's wall clock) never decides a test. */
const stamps = (db: Executor) => {
  const now = testClockOf(db).now();
  return { createdAt: now, updatedAt: now };
};

export async function buildUser(
  db: Executor,
  o: Partial<typeof users.$inferInsert> & { roles?: Role[] } = {},
): Promise<typeof users.$inferSelect> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = o.username ?? `user_${seq()}`;
  const [u] = await db
    .insert(users)
    .values({ displayName: username, passwordHash: await cachedHash, roles: ["officer"], ...stamps(db), passwordChangedAt: testClockOf(db).now(), ...o, username })
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
