// Opens the database: a PostgreSQL server (DATABASE_URL) or the embedded PGlite served from a worker thread.
// Either way the application speaks node-postgres through one pool and one Drizzle instance.
import { Worker } from "node:worker_threads";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema/index.js";
import { lockDataDir } from "./data-dir-lock.js";
import { registerPreparedRoot } from "./prepared.js";

// bigint (int8) columns hold money in đồng and counts: parse to JS numbers (safe up to 9e15 đồng).
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays exact text → number for display values.
pg.types.setTypeParser(1700, (v) => Number(v));
// date stays an ISO string (no time-zone shift).
pg.types.setTypeParser(1082, (v) => v);

export type Db = NodePgDatabase<typeof schema>;
export type DatabaseMode = "embedded" | "server";

export interface Database {
  mode: DatabaseMode;
  pool: pg.Pool;
  db: Db;
  url: string;
  /** Embedded only: writes a dump of the data folder (a tar, PGlite's dumpDataDir) that `loadDataDir` starts from. */
  dumpDataDir?: (file: string) => Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; null → in memory (tests). */
  dataDir?: string | null;
  /**
   * An in-memory embedded database starts as a copy of this dump (a tar of a data folder, PGlite's dumpDataDir)
   * instead of an empty cluster: the test harness's migrated template (testing/embedded-template.ts).
   */
  loadDataDir?: string;
  poolSize?: number;
}

export async function startEmbeddedServer(dataDir: string | null, maxConnections = 12, loadDataDir?: string) {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: { dataDir: dataDir ? path.resolve(dataDir) : null, maxConnections, loadDataDir: loadDataDir ?? null },
    execArgv: [],
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { type: string; port?: number; message?: string }) => {
      if (m.type === "ready") resolve(m.port!);
      if (m.type === "error") reject(new Error(m.message));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
      worker.on("message", (m: { type: string }) => {
        if (m.type === "stopped") {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        }
      });
      worker.postMessage({ type: "stop" });
    });
  const dump = (file: string) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (m: { type: string; message?: string }) => {
        if (m.type !== "dumped" && m.type !== "dump-failed") return;
        worker.off("message", onMessage);
        if (m.type === "dumped") resolve();
        else reject(new Error(m.message));
      };
      worker.on("message", onMessage);
      worker.postMessage({ type: "dump", file });
    });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, dump };
}

/** The app's connections per process: PGlite serves one statement at a time; a server's several backends run the
 *  statements a request issues together (`platform/together.ts`) side by side. */
export const POOL_SIZE = { embedded: 8, server: 16 } as const;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let url = opts.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dumpDataDir: ((file: string) => Promise<void>) | undefined;
  const mode: DatabaseMode = url ? "server" : "embedded";
  if (!url) {
    const release = opts.dataDir ? lockDataDir(path.resolve(opts.dataDir)) : () => undefined;
    try {
      const embedded = await startEmbeddedServer(opts.dataDir ?? null, (opts.poolSize ?? POOL_SIZE.embedded) + 4, opts.dataDir ? undefined : opts.loadDataDir);
      url = embedded.url;
      dumpDataDir = embedded.dump;
      stopEmbedded = async () => {
        await embedded.stop();
        release();
      };
    } catch (err) {
      release();
      throw err;
    }
  }
  // JIT compilation off on a PostgreSQL server: the app runs short queries, and for a grouped scan of 100k rows
  // compiling the plan cost more than running it (BENCHMARKS.md). PGlite has no JIT.
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? POOL_SIZE[mode],
    ...(mode === "server" ? { options: "-c jit=off" } : {}),
  });
  pool.on("error", () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle(pool, { schema });
  // Hot-path statements are prepared on this instance; named (parsed and planned once per connection) on a server only.
  registerPreparedRoot(db, mode === "server");
  return {
    mode,
    pool,
    db,
    url,
    dumpDataDir,
    async close() {
      await pool.end();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}
