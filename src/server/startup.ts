// Start-up: open the database, prepare it (migrations, configuration data, demo data in demo mode on an empty
// database) under the start-up lock, build the app. prepareDatabase is the one list of what a database gets before
// the app serves it; the seed and admin:create commands (scripts/) run the same function.
import { assertHeaderFits, issuerFromConfig } from "./documents/issuer.js";
import { sql } from "drizzle-orm";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { withStartupLock } from "./db/startup-lock.js";
import { buildApp, type App } from "./app.js";
import { syncModules } from "./modules/index.js";
import { seedDemoData, type SeedOptions, type SeedSummary } from "./demo/seed.js";
import { hasActiveAdministrator } from "./modules/auth/first-admin.js";
import { systemClock, type Clock } from "./platform/clock.js";

export interface PrepareOptions {
  /** Drop everything in the database first (schema public) — `npm run seed -- --reset`. */
  reset?: boolean;
  /** Demo data to load if the database is empty, decided while holding the start-up lock. */
  demo?: SeedOptions | null;
  /** The time the configuration data is stamped with (the app's clock; a test's clock in tests). */
  now: Date;
}

export interface Prepared {
  /** The newest migration applied. */
  migration: string;
  /** Whether the database had no accounts, organisations or people (after the migrations, before any demo data). */
  wasEmpty: boolean;
  /** What the demo data loaded, or null when none was loaded. */
  demo: SeedSummary | null;
}

/** Migrations, then the configuration data every database holds, module by module (modules/index.ts). */
async function migrateAndSync(database: Database, now: Date): Promise<string> {
  const migration = await migrate(database.pool);
  await syncModules(database.db, now);
  return migration;
}

/** A database with no accounts, organisations or people: demo data may be loaded into it. */
export async function isEmpty(database: Database): Promise<boolean> {
  const r = await database.db.execute<{ any: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM organisations) OR EXISTS (SELECT 1 FROM people) AS any`,
  );
  return !r.rows[0]?.any;
}

/**
 * Everything a database gets before the app serves it, under the start-up lock (db/startup-lock.ts): the reset when
 * asked, migrations, configuration data, and the demo data when asked and the database is empty. Servers starting
 * together wait for each other here; the first loads the demo data, the others find the database no longer empty.
 */
export async function prepareDatabase(database: Database, opts: PrepareOptions): Promise<Prepared> {
  return withStartupLock(database.pool, async () => {
    if (opts.reset) await database.pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    const migration = await migrateAndSync(database, opts.now);
    const wasEmpty = await isEmpty(database);
    const demo = opts.demo && wasEmpty ? await seedDemoData(database.db, opts.demo) : null;
    return { migration, wasEmpty, demo };
  });
}

export async function bootstrap(
  config: Config,
  opts: { clock?: Clock; dataDir?: string | null; seed?: boolean; loadDataDir?: string } = {},
): Promise<{
  app: App;
  database: Database;
}> {
  // A header line that cannot fit would be broken inside a name in every document: refuse the configuration.
  assertHeaderFits(issuerFromConfig(config));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: opts.dataDir !== undefined ? opts.dataDir : config.dataDir,
    loadDataDir: opts.loadDataDir,
    poolSize: config.databaseUrl ? config.databasePoolSize : undefined,
  });
  let app: App;
  try {
    const now = (opts.clock ?? systemClock).now();
    const demo = config.demoMode && opts.seed !== false ? { scale: 1, now } : null;
    const { migration } = await prepareDatabase(database, { demo, now });
    app = await buildApp({ config, database, migration, clock: opts.clock });
  } catch (err) {
    await database.close();
    throw err;
  }
  app.addHook("onClose", async () => database.close());
  // Outside demo mode nobody can sign in before the first administrator exists: say how to create one.
  if (!config.demoMode && !(await hasActiveAdministrator(database.db))) {
    app.log.warn(
      "Chưa có quản trị viên: tạo tài khoản đầu tiên bằng `npm run admin:create -- --username <tên>` (README, Deployment). / " +
        "No administrator yet: create the first one with `npm run admin:create -- --username <name>` (README, Deployment).",
    );
  }
  return { app, database };
}
