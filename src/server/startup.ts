// Opens the database, migrates, loads reference data and process templates, and (demo mode, empty database) the demo data; builds the app.
import { sql } from "drizzle-orm";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { buildApp, type App } from "./app.js";
import { syncReferenceData } from "./modules/reference/reference.service.js";
import { syncProcessTemplates } from "./modules/process-templates/process-templates.service.js";
import { syncCouncilRuleSets } from "./modules/councils/councils.rulesets.js";
import { syncHistoricalTaskStats } from "./modules/task-analytics/historical.js";
import { syncTaskStatusGroups } from "./modules/task-analytics/task-stats.js";
import { syncBaselinePlan } from "./modules/funding-plans/funding-plans.service.js";
import { syncStatisticalForms } from "./modules/statistics/statistics.forms.js";
import { seedDemoData } from "./demo/seed.js";
import { syncIndicators } from "./modules/indicators/indicators.sync.js";
import { systemClock, type Clock } from "./platform/clock.js";

export async function prepareDatabase(config: Config, opts: { dataDir?: string | null } = {}) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: opts.dataDir !== undefined ? opts.dataDir : config.dataDir,
  });
  try {
    const migration = await migrate(database.pool);
    await syncReferenceData(database.db);
    await syncProcessTemplates(database.db);
    await syncCouncilRuleSets(database.db);
    await syncHistoricalTaskStats(database.db);
    await syncTaskStatusGroups(database.db);
    await syncIndicators(database.db);
    await syncStatisticalForms(database.db);
    await syncBaselinePlan(database.db);
    return { database, migration };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function isEmpty(database: Database) {
  const r = await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  return Number(r.rows[0]?.n) === 0;
}

export async function bootstrap(config: Config, opts: { clock?: Clock; dataDir?: string | null; seed?: boolean } = {}): Promise<{
  app: App;
  database: Database;
}> {
  const { database, migration } = await prepareDatabase(config, opts);
  if (config.demoMode && opts.seed !== false && (await isEmpty(database))) {
    await seedDemoData(database.db, { scale: 1, now: (opts.clock ?? systemClock).now() });
  }
  const app = await buildApp({ config, database, migration, clock: opts.clock });
  app.addHook("onClose", async () => database.close());
  return { app, database };
}
