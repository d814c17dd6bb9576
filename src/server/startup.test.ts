// Start-up preparation (startup.ts prepareDatabase, under the start-up lock of db/startup-lock.ts): an empty database
// gets the migrations, the configuration data and the demo data; preparing again loads nothing twice; a reset drops
// everything and prepares anew; two servers starting together on one empty database both come up with the demo data
// loaded once (PostgreSQL server), and a second server on one embedded folder is refused before it touches it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "./db/client.js";
import { createScratchDatabase } from "./db/scratch-database.js";
import { listMigrations } from "./db/migrate.js";
import { DataDirInUse } from "./db/data-dir-lock.js";
import { loadConfig } from "./config.js";
import { bootstrap, prepareDatabase } from "./startup.js";
import { TestClock } from "./platform/clock.js";
import { TEST_START } from "./testing/test-clock.js";
import { buildUser } from "./testing/factories.js";
import { testDbMode } from "./testing/harness.js";
import { ROLES } from "../common/roles.js";
import { DEMO_EXTRA_ACCOUNTS } from "./demo/year/year.js";

const latestMigration = listMigrations().at(-1)!.id;
/** The demo accounts at scale 1: one per role, the further council members and PIs. */
const demoAccounts = ROLES.length + DEMO_EXTRA_ACCOUNTS;

/** A fresh, empty database of the mode under test: a scratch database on the server, or an in-memory PGlite. */
async function freshDatabase(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (testDbMode() === "server") {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    const database = await openDatabase({ databaseUrl: scratch.url });
    return { database, done: async () => (await database.close(), await scratch.drop()) };
  }
  const database = await openDatabase({ dataDir: null });
  return { database, done: () => database.close() };
}

async function counts(database: Database) {
  const r = await database.db.execute<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM schema_migrations) AS migrations,
           (SELECT count(*)::int FROM code_list_versions) AS code_lists,
           (SELECT count(*)::int FROM process_template_versions) AS process_templates,
           (SELECT count(*)::int FROM council_rule_sets) AS council_rule_sets,
           (SELECT count(*)::int FROM historical_task_stats) AS historical_task_stats,
           (SELECT count(*)::int FROM task_status_groups) AS task_status_groups,
           (SELECT count(*)::int FROM indicators) AS indicators,
           (SELECT count(*)::int FROM statistical_form_versions) AS statistical_forms,
           (SELECT count(*)::int FROM funding_plan_versions) AS funding_plans,
           (SELECT count(*)::int FROM organisations) AS organisations,
           (SELECT count(*)::int FROM people) AS people,
           (SELECT count(*)::int FROM users) AS users,
           (SELECT count(*)::int FROM tasks) AS tasks,
           (SELECT count(*)::int FROM statistical_reports) AS statistical_reports`);
  return r.rows[0];
}

describe("preparing a database (start-up, npm run seed)", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let first: Record<string, number>;
  const clock = new TestClock(TEST_START);
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => fresh?.done());

  it("prepares an empty database as start-up does and loads the demo data on it", async () => {
    const prepared = await prepareDatabase(fresh.database, { now: clock.now(), demo: { scale: 1, people: 40, now: clock.now() } });
    expect(prepared).toMatchObject({ migration: latestMigration, wasEmpty: true });
    expect(prepared.demo).toMatchObject({ organisations: 150, people: 40, users: ROLES.length });
    first = await counts(fresh.database);
    expect(first).toMatchObject({ migrations: listMigrations().length, organisations: 150, people: 40 });
    expect(first.users).toBeGreaterThanOrEqual(ROLES.length);
    // Every kind of configuration data start-up loads is there, and the demo data that rests on it (the statistical
    // reports on the form versions; the demo's year of tasks needs the full registry, demo/year/year.test.ts).
    for (const k of [
      "code_lists",
      "process_templates",
      "council_rule_sets",
      "historical_task_stats",
      "task_status_groups",
      "indicators",
      "statistical_forms",
      "funding_plans",
      "statistical_reports",
    ]) {
      expect(first[k], k).toBeGreaterThan(0);
    }
  }, 180_000);

  it("prepares it again without loading anything twice", async () => {
    const again = await prepareDatabase(fresh.database, { now: clock.now(), demo: { scale: 1, people: 40, now: clock.now() } });
    expect(again).toEqual({ migration: latestMigration, wasEmpty: false, demo: null });
    expect(await counts(fresh.database)).toEqual(first);
  }, 120_000);

  it("with reset, drops everything in it and prepares it anew", async () => {
    const extra = await buildUser(fresh.database.db, { username: "left_over" });
    expect((await counts(fresh.database)).users).toBe(first.users + 1);
    const reset = await prepareDatabase(fresh.database, { reset: true, now: clock.now(), demo: { scale: 1, people: 25, now: clock.now() } });
    expect(reset).toMatchObject({ migration: latestMigration, wasEmpty: true, demo: { people: 25 } });
    expect(await counts(fresh.database)).toEqual({ ...first, people: 25 });
    const gone = await fresh.database.db.execute(sql`SELECT 1 FROM users WHERE id = ${extra.id}`);
    expect(gone.rows).toHaveLength(0);
  }, 180_000);
});

describe("connections to a PostgreSQL server", () => {
  it("takes DATABASE_POOL_SIZE (2–200) and refuses anything else", () => {
    expect(loadConfig({ NODE_ENV: "test" }).databasePoolSize).toBe(16);
    expect(loadConfig({ NODE_ENV: "test", DATABASE_POOL_SIZE: "4" }).databasePoolSize).toBe(4);
    for (const bad of ["1", "201", "4.5", "bốn"]) expect(() => loadConfig({ NODE_ENV: "test", DATABASE_POOL_SIZE: bad }), bad).toThrow();
  });

  it.skipIf(testDbMode() !== "server")("opens at most DATABASE_POOL_SIZE connections per process", async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_POOL_SIZE: "3" }, { demoMode: false, databaseUrl: scratch.url });
    const { app, database } = await bootstrap(config, { clock: new TestClock(TEST_START), seed: false });
    try {
      expect(database.pool.options.max).toBe(3);
    } finally {
      await app.close();
      await scratch.drop();
    }
  });
});

describe("servers starting together", () => {
  const clock = new TestClock(TEST_START);

  it.skipIf(testDbMode() !== "server")(
    "two servers on one empty PostgreSQL database both come up; the demo data is loaded once",
    async () => {
      const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }, { demoMode: true, requireTotp: false, databaseUrl: scratch.url });
      const started = await Promise.allSettled([bootstrap(config, { clock }), bootstrap(config, { clock })]);
      try {
        expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "up"))).toEqual(["up", "up"]);
        for (const s of started) {
          const { app } = (s as PromiseFulfilledResult<Awaited<ReturnType<typeof bootstrap>>>).value;
          expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
        }
        const { database } = (started[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof bootstrap>>>).value;
        expect(await counts(database)).toMatchObject({
          migrations: listMigrations().length,
          organisations: 150,
          people: 1500,
          users: demoAccounts,
        });
      } finally {
        for (const s of started) if (s.status === "fulfilled") await s.value.app.close();
        await scratch.drop();
      }
    },
    900_000,
  );

  it.skipIf(testDbMode() !== "embedded")(
    "a second server on one embedded folder is refused before it opens it; the first loads the demo data once",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-startup-"));
      const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }, { demoMode: true, requireTotp: false, dataDir: dir });
      const started = await Promise.allSettled([bootstrap(config, { clock }), bootstrap(config, { clock })]);
      try {
        const up = started.filter((s) => s.status === "fulfilled");
        const refused = started.filter((s): s is PromiseRejectedResult => s.status === "rejected");
        expect(up).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0].reason).toBeInstanceOf(DataDirInUse);
        const { app, database } = (up[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof bootstrap>>>).value;
        expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
        expect(await counts(database)).toMatchObject({ organisations: 150, people: 1500, users: demoAccounts });
      } finally {
        for (const s of started) if (s.status === "fulfilled") await s.value.app.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    900_000,
  );
});
