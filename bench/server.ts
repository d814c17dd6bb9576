// The application under test, in a process of its own (so the load generator does not share its event loop):
// bootstraps the real app (src/server/startup.ts) on a fresh database, seeds the benchmark data, listens on a
// loopback port and reports it to bench/run.ts over IPC. On request it records the SQL the next HTTP request runs
// (text, parameters, start and end), which run.ts replays directly through node-postgres as the raw baseline.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { loadConfig } from "../src/server/config.js";
import { bootstrap } from "../src/server/startup.js";
import { refreshRegistryFigures } from "../src/server/modules/indicators/registry-figures.js";
import { systemClock } from "../src/server/platform/clock.js";
import { seedDemoData } from "../src/server/demo/seed.js";
import { seedTaskBenchData, type TaskBenchSummary } from "./task-data.js";
import type { BenchChildMessage, BenchParentMessage, CapturedQuery } from "./protocol.js";

const send = (m: BenchChildMessage) => process.send!(m);

// ─── SQL capture: wrap node-postgres' Client.query (the pool and Drizzle go through it) ─────────────────────────
let capture: CapturedQuery[] | null = null;
type QueryFn = (...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as unknown as QueryFn;
(pg.Client.prototype as unknown as { query: QueryFn }).query = function (this: pg.Client, ...args: unknown[]) {
  if (!capture) return originalQuery.apply(this, args);
  const [first, second] = args;
  const config = typeof first === "string" ? { text: first } : (first as { text?: string; values?: unknown[]; rowMode?: string });
  if (typeof config?.text !== "string") return originalQuery.apply(this, args);
  const record: CapturedQuery = {
    text: config.text,
    // Dates as ISO text and byte strings in bytea's hex form: what the replay sends means the same to the database.
    values: ((Array.isArray(second) ? second : config.values) ?? []).map((v) =>
      v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? "\\x" + v.toString("hex") : v,
    ),
    rowMode: config.rowMode === "array" ? "array" : undefined,
    start: performance.now(),
    end: NaN,
  };
  capture.push(record);
  const last = args[args.length - 1];
  if (typeof last === "function") {
    args[args.length - 1] = (...cbArgs: unknown[]) => {
      record.end = performance.now();
      return (last as (...a: unknown[]) => unknown)(...cbArgs);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args) as Promise<unknown> | undefined;
  if (result && typeof (result as Promise<unknown>).then === "function") {
    return (result as Promise<unknown>).finally(() => {
      record.end = performance.now();
    });
  }
  return result;
};

// ─── Start ───────────────────────────────────────────────────────────────────────────────────────────────────────
const env = process.env;
const config = loadConfig(
  { NODE_ENV: "production", LOG_LEVEL: env.BENCH_LOG_LEVEL ?? "warn", DEMO_MODE: "true" },
  { databaseUrl: env.BENCH_CHILD_DATABASE_URL || undefined, port: 0, host: "127.0.0.1" },
);
const started = performance.now();
const { app, database } = await bootstrap(config, { dataDir: env.BENCH_DATA_DIR || null, seed: false });
const summary = await seedDemoData(database.db, {
  scale: 1,
  people: Number(env.BENCH_PEOPLE),
  organisations: Number(env.BENCH_ORGANISATIONS),
  now: new Date(),
  year: false,
});
let taskSummary: TaskBenchSummary | null = null;
if (Number(env.BENCH_TASKS) > 0) {
  taskSummary = await seedTaskBenchData(database.db, {
    tasks: Number(env.BENCH_TASKS),
    people: Number(env.BENCH_TASK_PEOPLE),
    scores: Number(env.BENCH_SCORES),
  });
}
// The registry figures behind the computed indicators, as the upkeep counts them at start-up and every 15 minutes.
await refreshRegistryFigures(database.db, systemClock);
const seedSeconds = (performance.now() - started) / 1000;
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;

process.on("message", async (m: BenchParentMessage) => {
  if (m.type === "capture-start") {
    capture = [];
    send({ type: "capture-started" });
  } else if (m.type === "capture-stop") {
    const queries = capture ?? [];
    capture = null;
    send({ type: "captured", queries });
  } else if (m.type === "stop") {
    await app.close();
    send({ type: "stopped" });
    process.exit(0);
  }
});

send({ type: "ready", port, databaseUrl: database.url, mode: database.mode, seedSeconds, summary, taskSummary });
