// The embedded database serves several connections from one PGlite backend. Parameterised queries (extended
// protocol batches) and transactions from different connections must never interleave.
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedServer } from "./client.js";

let stop: () => Promise<void>;
let pool: pg.Pool;

beforeAll(async () => {
  const server = await startEmbeddedServer(null, 12);
  stop = server.stop;
  pool = new pg.Pool({ connectionString: server.url, max: 8 });
  await pool.query("CREATE TABLE k (id int PRIMARY KEY, v int NOT NULL)");
  await pool.query("INSERT INTO k SELECT g, 0 FROM generate_series(1, 50) g");
});
afterAll(async () => {
  await pool.end();
  await stop();
});

it("keeps parameterised queries and transactions of parallel connections apart", async () => {
  const problems: string[] = [];
  let committed = 0;
  for (let round = 0; round < 25; round++) {
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const id = ((round * 8 + i) % 50) + 1;
        try {
          if (i % 2) {
            const c = await pool.connect();
            try {
              await c.query("BEGIN");
              const r = await c.query("SELECT id, v FROM k WHERE id = $1", [id]);
              if (r.rows[0]?.id !== id) problems.push(`tx read ${JSON.stringify(r.rows)} for ${id}`);
              await c.query("UPDATE k SET v = $2 WHERE id = $1", [id, r.rows[0].v + 1]);
              await c.query("COMMIT");
              committed++;
            } finally {
              c.release();
            }
          } else {
            const r = await pool.query("SELECT id, $2::text AS tag FROM k WHERE id = $1", [id, `t${i}`]);
            if (r.rows[0]?.id !== id || r.rows[0]?.tag !== `t${i}`) problems.push(`read ${JSON.stringify(r.rows)} for ${id}`);
          }
        } catch (e) {
          problems.push((e as Error).message);
        }
      }),
    );
  }
  expect(problems).toEqual([]);
  // Read-modify-write inside transactions lost no update: transactions ran one at a time.
  const total = await pool.query("SELECT sum(v)::int AS s FROM k");
  expect(total.rows[0].s).toBe(committed);
});

it("a failing statement inside a batch does not leak into other connections", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? pool.query("SELECT 1 / $1::int AS x", [0]) : pool.query("SELECT $1::int AS x", [i]))),
  );
  results.forEach((r, i) => {
    if (i % 3 === 0) expect(r.status).toBe("rejected");
    else expect(r.status === "fulfilled" && r.value.rows[0].x).toBe(i);
  });
});
