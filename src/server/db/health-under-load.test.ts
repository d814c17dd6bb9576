// A slow query must not stall the HTTP server. The embedded database (PGlite) runs in a worker thread behind the
// PostgreSQL wire protocol; if it ran on the main thread, a query would block the event loop for its whole length
// and no request could be answered meanwhile. This test runs a deliberately heavy query and keeps asking
// GET /api/health over HTTP while it runs. No absolute time limits: it compares the order and spread of events.
// (/api/health does not touch the database, so it measures the event loop alone.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testDbMode, type TestApp } from "../testing/harness.js";

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => t?.close());

describe(`health under load (${testDbMode()})`, () => {
  it("answers /api/health many times while a heavy query runs", async () => {
    // A warm connection, so the heavy query goes out at once.
    const client = await t.database.pool.connect();
    try {
      // One backend does the work (PostgreSQL would otherwise spread it over parallel workers and finish early).
      await client.query("SET max_parallel_workers_per_gather = 0");
      const healthAnswers: number[] = [];
      let heavyDone: number | null = null;

      const heavyStart = performance.now();
      const heavy = client
        .query<{ n: number }>("SELECT count(*)::int AS n FROM generate_series(1, 4000) a CROSS JOIN generate_series(1, 4000) b WHERE (a # b) % 7 = 0")
        .then((r) => {
          heavyDone = performance.now();
          return r.rows[0].n;
        });

      while (heavyDone === null) {
        const res = await fetch(`${base}/api/health`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: "ok", database: t.database.mode });
        if (heavyDone === null) healthAnswers.push(performance.now());
      }
      expect(await heavy).toBeGreaterThan(2_000_000);

      const heavyMs = heavyDone! - heavyStart;
      // Many answers while the query ran …
      expect(healthAnswers.length).toBeGreaterThanOrEqual(10);
      // … the first well before it finished …
      expect(healthAnswers[0] - heavyStart).toBeLessThan(heavyMs / 4);
      // … and still coming in during its second half (not just before the query got going).
      expect(healthAnswers.at(-1)! - heavyStart).toBeGreaterThan(heavyMs / 2);
    } finally {
      await client.query("RESET max_parallel_workers_per_gather");
      client.release();
    }
  });
});
