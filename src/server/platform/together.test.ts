// Independent reads run together on the pool and one after another inside a transaction (one connection), in both
// database modes: the order in which each read starts and ends tells which.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../testing/harness.js";
import type { Executor } from "./context.js";
import { eachTogether, together } from "./together.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A read that logs its start and end and answers its own number after a short server-side sleep. */
const reader = (db: Executor, log: string[]) => (n: number) => async () => {
  log.push(`start ${n}`);
  const r = await db.execute<{ n: number }>(sql`SELECT ${n}::int AS n, pg_sleep(0.05) IS NULL AS slept`);
  log.push(`end ${n}`);
  return Number(r.rows[0]!.n);
};

describe(`together (${testDbMode()})`, () => {
  it("runs the reads at once on the pool, answering in the order asked", async () => {
    const log: string[] = [];
    const read = reader(t.database.db, log);
    const [a, b, c] = await together(t.database.db, [read(1), read(2), read(3)]);
    expect([a, b, c]).toEqual([1, 2, 3]);
    expect(log.slice(0, 3)).toEqual(["start 1", "start 2", "start 3"]);
  });

  it("runs them one after another inside a transaction", async () => {
    const log: string[] = [];
    const out = await t.database.db.transaction(async (tx) => {
      const read = reader(tx, log);
      const pair = await together(tx, [read(1), read(2)]);
      const each = await eachTogether(tx, [3, 4], (n) => read(n)());
      return [...pair, ...each];
    });
    expect(out).toEqual([1, 2, 3, 4]);
    expect(log).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "start 4", "end 4"]);
  });
});
