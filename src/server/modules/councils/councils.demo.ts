// Demo council members: six more council-member accounts ("expert2" … "expert7", password "khcn-demo"), each linked to
// an expert of the people registry, so that with "expert" the Department can seat a 7-member council whose members
// score online; and two more experts without an account (a council of nine records them absent). The experts are
// picked in a fixed order among people with no tie to the organisations and people of the demo tasks (no conflict of
// interest under the councils' rules). The councils themselves are held by the demo's year (demo/year/year.ts),
// through the council commands.
import { sql } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { Executor } from "../../platform/context.js";
import { hashPassword } from "../../platform/auth/password.js";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.js";

/** How many council-member accounts besides "expert". */
export const DEMO_EXTRA_EXPERTS = 6;
/** Experts on demo councils who have no account. */
const DEMO_EXPERTS_WITHOUT_ACCOUNT = 2;

/** The usernames of the demo council-member accounts besides "expert", in seating order. */
export const demoExpertUsernames = () => Array.from({ length: DEMO_EXTRA_EXPERTS }, (_, i) => `expert${i + 2}`);

export interface DemoExperts {
  /** "expert", then "expert2" … "expert7", with their people. */
  accounts: { username: string; personId: string }[];
  /** People of the registry who sit on demo councils without an account. */
  others: string[];
}

export async function createDemoExpertAccounts(tx: Executor, now: Date, exclude: { organisationIds: string[]; personIds: string[] }): Promise<DemoExperts> {
  const expert = (await tx.execute<{ person_id: string | null }>(sql`SELECT person_id FROM users WHERE username = 'expert'`)).rows[0]?.person_id;
  if (!expert) return { accounts: [], others: [] };
  const list = (xs: string[]) =>
    xs.length
      ? sql.join(
          xs.map((x) => sql`${x}`),
          sql`, `,
        )
      : sql`NULL`;
  // Experts with no tie to the demo tasks: not working at nor ever affiliated with an organisation that proposes,
  // leads or applies, on no team, not a user already, with a name no one else in the registry has.
  const picked = await tx.execute<{ id: string; full_name: string }>(sql`
    SELECT p.id, p.full_name FROM people p
    WHERE p.is_expert
      AND p.primary_organisation_id NOT IN (${list(exclude.organisationIds)})
      AND p.id NOT IN (${list(exclude.personIds)})
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM person_affiliations a WHERE a.person_id = p.id AND a.organisation_id IN (${list(exclude.organisationIds)}))
      AND NOT EXISTS (SELECT 1 FROM people q WHERE q.full_name = p.full_name AND q.id <> p.id)
    ORDER BY p.full_name, p.birth_year, p.id
    LIMIT ${DEMO_EXTRA_EXPERTS + DEMO_EXPERTS_WITHOUT_ACCOUNT}`);
  if (picked.rows.length < DEMO_EXTRA_EXPERTS + DEMO_EXPERTS_WITHOUT_ACCOUNT) return { accounts: [], others: [] };
  const withAccount = picked.rows.slice(0, DEMO_EXTRA_EXPERTS);
  const hash = await hashPassword(DEMO_PASSWORD);
  await tx.insert(users).values(
    withAccount.map((p, i) => ({
      username: `expert${i + 2}`,
      displayName: p.full_name,
      passwordHash: hash,
      roles: ["expert"],
      personId: p.id,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return {
    accounts: [{ username: "expert", personId: expert }, ...withAccount.map((p, i) => ({ username: `expert${i + 2}`, personId: p.id }))],
    others: picked.rows.slice(DEMO_EXTRA_EXPERTS).map((p) => p.id),
  };
}
