// A fresh, empty database on a PostgreSQL server, for tests and benchmarks: created from template0 with the "C"
// collation (the same as PGlite's; Vietnamese order comes from the "vn" collation), dropped when done.
import crypto from "node:crypto";
import pg from "pg";

export async function createScratchDatabase(baseUrl: string, prefix = "khcn_t_"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = prefix + crypto.randomBytes(6).toString("hex");
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = "/" + name;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
