// Demo data for a fresh database (start-up in demo mode, `npm run seed`, the benchmark). Deterministic: the same
// options give the same records. At scale 1: the city's 150 organisations (20 universities and colleges, 55 S&T
// organisations of which 8 central, agencies, hospitals, enterprises), 20 accredited laboratories, 1,500 people, and
// one demo account per role (password "khcn-demo") — `pi` and `expert` linked to people, `org_rep` to Trường Đại học
// Hàng hải Việt Nam, `enterprise` to Công ty Cổ phần Sơn Hải Phòng; three programmes and two calls (programmes-demo.ts).
import { sql } from "drizzle-orm";
import { ROLES } from "../../common/roles.js";
import type { Db } from "../platform/context.js";
import { createDemoAccounts } from "./demo-accounts.js";
import { generateDemoData, type GenerateOptions } from "./generate.js";
import { insertDemoData } from "./insert.js";
import { seedModules } from "../modules/index.js";
import { playDemoYear } from "./year/year.js";

export interface SeedSummary {
  organisations: number;
  laboratories: number;
  people: number;
  affiliations: number;
  consents: number;
  users: number;
}

/** How much demo data, with the seeding instant `now`. */
export type SeedOptions = {
  scale: number;
  now: Date;
  /** false: the registries only, without the year's S&T work (the benchmark, which makes its own tasks) */
  year?: boolean;
} & Omit<GenerateOptions, "scale">;

/**
 * The demo data, in one transaction (a failure leaves the database as it was). `now` is the seeding instant (the
 * server's clock; a test's clock in tests): every time in the demo data is placed relative to it or fixed, none is
 * left to a column default. The database must hold the configuration data first (startup.ts prepareDatabase, which
 * also decides whether the database is empty).
 */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const data = generateDemoData(opts);
  const { now } = opts;
  await db.transaction(async (tx) => {
    await insertDemoData(tx, data, now);
    await createDemoAccounts(
      tx,
      {
        pi: { personId: data.anchors.piPersonId, organisationId: data.anchors.orgRepOrganisationId },
        expert: { personId: data.anchors.expertPersonId },
        org_rep: { organisationId: data.anchors.orgRepOrganisationId },
        enterprise: { organisationId: data.anchors.enterpriseOrganisationId },
      },
      now,
    );
    // then each module's own demo data (modules/index.ts, in module order)
    await seedModules(tx, { now, anchors: data.anchors });
    // then the year's S&T work, played through the commands users run (year/year.ts)
    if (opts.year !== false) await playDemoYear(tx, { now, anchors: data.anchors });
  });
  // Fresh statistics, so the first queries on a large seeded table get good plans; VACUUM sets the visibility map so
  // counts use index-only scans at once (the embedded database has no autovacuum).
  await db.execute(sql`VACUUM ANALYZE organisations, laboratories, people, person_affiliations, consents, users`);
  return {
    organisations: data.organisations.length,
    laboratories: data.laboratories.length,
    people: data.people.length,
    affiliations: data.affiliations.length,
    consents: data.consents.length,
    users: ROLES.length,
  };
}
