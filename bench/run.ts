// npm run bench [-- options]
// Generates 100,000 people and 10,000 organisations, starts the real app on a fresh database in each mode (embedded
// PGlite in a temp folder; the PostgreSQL server at BENCH_DATABASE_URL in a new database, dropped afterwards), signs in
// over HTTP and measures with autocannon: the people search+filter+sort list, an organisations search list and the
// organisation detail over a set of ids. Beside each, the same SQL (recorded from the app while it served the
// request) is run directly through node-postgres. Prints a table and writes bench/results/latest.json.
// Target: API p95 ≤ 3 × raw SQL p95, and ≥ 500 requests/s on the PostgreSQL server.
// Task pages (bench/task-data.ts): 100,000 tasks drawing on 50,000 people, 1,000,000 council ballot
// scores; the task analytics (unfiltered and by year + field), the work queues (officer's action list, PI's own list,
// expert's councils, finance's payment queue) and the task detail. Target: p95 ≤ 3 × raw SQL p95 and ≤ 200 ms on the
// PostgreSQL server.
// Statistics and the leadership dashboard (bench/statistics-data.ts): ten yearly reporting periods,
// 1,000 organisations × 5 forms each, 500 cells per report in the latest period; consolidating the latest period's five
// forms (target ≤ 5 s) and the leadership dashboard over the ten years (target p95 ≤ 200 ms on the server).
// People import (bench/import-data.ts): a generated 20,000-row people file uploaded (parsed and
// validated) and committed into the 100,000-person registry, each step timed once, beside the SQL it ran replayed
// directly in a transaction that is rolled back. Runs last: it adds 20,000 people. Target: validate + commit ≤ 20 s on
// the PostgreSQL server.
//
// Options: --modes embedded,server  --duration 10 (s per scenario)  --warmup 2 (s)  --connections 2×cores
//          --rounds 2 (the replay and the app's load alternated this many times, their samples pooled)
//          --people 100000  --organisations 10000  --raw-runs 300
//          --scenarios people,orgList,orgDetail,analytics,analyticsFiltered,actionList,mineList,myCouncils,paymentQueue,taskDetail,
//                      consolidation,leadership,peopleImport
//          --import-rows 20000
//          --stat-organisations 1000  --stat-cells 500  --stat-years 10  --consolidation-runs 5
//          --tasks 100000  --task-people 50000  --scores 1000000 (0 tasks: registries only)
//          --embedded-tasks / --embedded-scores (the embedded mode's size; default the same)
//          --explain (EXPLAIN ANALYZE of each recorded query)  --log-level warn  --database-url URL
//          --profile (CPU profile of the app process → bench/results/profile/*.cpuprofile)
//          --pin (server mode, Linux, needs taskset and the server's data directory: PostgreSQL on the last CPU, the app
//                 and the load generator on the others — a database host of its own, as in production; undone after)
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import autocannon from "autocannon";
import { createScratchDatabase } from "../src/server/db/scratch-database.js";
import { seedStatisticsBenchData, type StatisticsBenchSummary } from "./statistics-data.js";
import { peopleImportFile } from "./import-data.js";
import { POOL_SIZE } from "../src/server/db/client.js"; // and the app's type parsers (bigint, numeric, date), so raw rows parse the same way
import type { BenchChildMessage, BenchParentMessage, CapturedQuery } from "./protocol.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

const { values: opt } = parseArgs({
  options: {
    modes: { type: "string", default: "embedded,server" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: String(2 * os.cpus().length) },
    people: { type: "string", default: "100000" },
    organisations: { type: "string", default: "10000" },
    "raw-runs": { type: "string", default: "300" },
    scenarios: {
      type: "string",
      default:
        "people,orgList,orgDetail,analytics,analyticsFiltered,actionList,mineList,myCouncils,paymentQueue,taskDetail,consolidation,leadership,peopleImport",
    },
    "import-rows": { type: "string", default: "20000" },
    "stat-organisations": { type: "string", default: "1000" },
    "stat-cells": { type: "string", default: "500" },
    "stat-years": { type: "string", default: "10" },
    "consolidation-runs": { type: "string", default: "5" },
    tasks: { type: "string", default: "100000" },
    "task-people": { type: "string", default: "50000" },
    scores: { type: "string", default: "1000000" },
    "embedded-tasks": { type: "string" },
    "embedded-scores": { type: "string" },
    explain: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    pin: { type: "boolean", default: false },
    "log-level": { type: "string", default: "warn" },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
  },
});
const num = (k: keyof typeof opt) => {
  const n = Number(opt[k]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} must be a positive number`);
  return n;
};
const cfg = {
  modes: String(opt.modes)
    .split(",")
    .map((s) => s.trim()) as ("embedded" | "server")[],
  duration: num("duration"),
  warmup: Number(opt.warmup) || 0,
  rounds: Math.max(1, Number(opt.rounds) || 1),
  connections: num("connections"),
  people: num("people"),
  organisations: num("organisations"),
  rawRuns: num("raw-runs"),
  tasks: Number(opt.tasks) || 0,
  taskPeople: num("task-people"),
  scores: Number(opt.scores) || 0,
  embeddedTasks: opt["embedded-tasks"] !== undefined ? Number(opt["embedded-tasks"]) : undefined,
  embeddedScores: opt["embedded-scores"] !== undefined ? Number(opt["embedded-scores"]) : undefined,
  scenarios: String(opt.scenarios)
    .split(",")
    .map((s) => s.trim()),
  statOrganisations: num("stat-organisations"),
  statCells: num("stat-cells"),
  statYears: num("stat-years"),
  consolidationRuns: num("consolidation-runs"),
  importRows: num("import-rows"),
  explain: !!opt.explain,
  profile: !!opt.profile,
  pin: !!opt.pin,
  logLevel: String(opt["log-level"]),
  databaseUrl: String(opt["database-url"]),
};

/** Scenarios that could not be measured (the run goes on; the exit code says so). */
let scenarioFailures = 0;

// ─── Statistics ──────────────────────────────────────────────────────────────────────────────────────────────────
const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] : NaN);
const summarise = (samples: number[]) => {
  const s = samples.slice().sort((a, b) => a - b);
  return { p50: percentile(s, 0.5), p95: percentile(s, 0.95), n: s.length };
};

// ─── The app under test ──────────────────────────────────────────────────────────────────────────────────────────
class AppProcess {
  private waiters: ((m: BenchChildMessage) => void)[] = [];
  constructor(private child: ChildProcess) {
    child.on("message", (m: BenchChildMessage) => this.waiters.shift()?.(m));
  }
  static async start(env: Record<string, string>) {
    const child = fork(path.join(here, "server.ts"), [], {
      execArgv: ["--import", "tsx", ...(cfg.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(here, "results/profile")}`] : [])],
      env: { ...process.env, ...env },
      cwd: root,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const app = new AppProcess(child);
    const ready = await new Promise<Extract<BenchChildMessage, { type: "ready" }>>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the app process exited (${code}) before it was ready`)));
      app.waiters.push((m) => (m.type === "ready" ? resolve(m) : reject(new Error(`unexpected ${m.type}`))));
    });
    child.removeAllListeners("exit");
    return { app, ready };
  }
  get pid() {
    return this.child.pid!;
  }
  request(m: BenchParentMessage) {
    return new Promise<BenchChildMessage>((resolve) => {
      this.waiters.push(resolve);
      this.child.send(m);
    });
  }
  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.send({ type: "stop" } satisfies BenchParentMessage);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}

// ─── CPU placement (--pin) ───────────────────────────────────────────────────────────────────────────────────────
// On one machine the app, the load generator and PostgreSQL share the CPUs, and each request's app work takes CPU
// time from the database; in production the database has a host of its own. --pin reproduces that split with CPU
// affinity: the postmaster and its processes (new backends inherit it) on the last CPU, this process and the app
// on the others. The raw baseline runs under the same placement. Undone (every CPU again) when the mode ends.
class CpuPlacement {
  private constructor(
    private postmaster: number,
    private pids: number[],
  ) {}
  static async apply(pool: pg.Pool, appPid: number): Promise<CpuPlacement> {
    const cpus = os.cpus().length;
    if (cpus < 2) throw new Error("--pin needs at least two CPUs");
    const dir = (await pool.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0].d;
    const postmaster = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    const placement = new CpuPlacement(postmaster, [process.pid, appPid]);
    placement.set([postmaster, ...childrenOf(postmaster)], String(cpus - 1));
    placement.set(placement.pids, cpus === 2 ? "0" : `0-${cpus - 2}`);
    return placement;
  }
  undo() {
    const all = `0-${os.cpus().length - 1}`;
    this.set([this.postmaster, ...childrenOf(this.postmaster)], all);
    this.set(this.pids, all);
  }
  private set(pids: number[], cpus: string) {
    for (const pid of pids) {
      try {
        execFileSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
      } catch {
        // a process that ended meanwhile
      }
    }
  }
}
const childrenOf = (pid: number) =>
  execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map(Number);

// ─── Databases ───────────────────────────────────────────────────────────────────────────────────────────────────

// ─── Recorded SQL, replayed directly ─────────────────────────────────────────────────────────────────────────────
/** Every query the request ran (its session lookup included) in waves: queries the app ran concurrently share a wave. */
function waves(queries: CapturedQuery[]): CapturedQuery[][] {
  const data = [...queries].sort((a, b) => a.start - b.start);
  const out: CapturedQuery[][] = [];
  let waveEnd = -Infinity;
  for (const q of data) {
    if (out.length && q.start < waveEnd) {
      out[out.length - 1].push(q);
      waveEnd = Math.max(waveEnd, q.end);
    } else {
      out.push([q]);
      waveEnd = q.end;
    }
  }
  return out;
}

async function runRecorded(pool: pg.Pool, plan: CapturedQuery[][]) {
  for (const wave of plan) {
    await Promise.all(
      wave.map((q) => (q.rowMode ? pool.query({ text: q.text, values: q.values, rowMode: "array" }) : pool.query({ text: q.text, values: q.values }))),
    );
  }
}

async function rawTiming(pool: pg.Pool, plans: CapturedQuery[][][], runs: number) {
  const warm = Math.min(50, runs);
  for (let i = 0; i < warm; i++) await runRecorded(pool, plans[i % plans.length]);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await runRecorded(pool, plans[i % plans.length]);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** The same recorded SQL from `connections` clients at once for `seconds`: what the database alone gives at the
 *  load autocannon puts on the app (the app's own overhead is the difference). */
async function rawConcurrent(pool: pg.Pool, plans: CapturedQuery[][][], connections: number, seconds: number) {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const started = performance.now();
  let lastDone = started;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await runRecorded(pool, plans[next++ % plans.length]);
        const done = performance.now();
        // counted as autocannon counts the app's answers (load below): the runs finished within the window
        if (done > until) break;
        samples.push(done - t0);
        lastDone = Math.max(lastDone, done);
      }
    }),
  );
  return { samples, seconds: (lastDone - started) / 1000 };
}

/** Timed runs pooled over rounds: their percentiles and their rate over the rounds' summed time. */
function pooled(runs: { samples: number[]; seconds: number }[]) {
  const samples = runs.flatMap((r) => r.samples);
  return { ...summarise(samples), rps: samples.length / runs.reduce((t, r) => t + r.seconds, 0) };
}

// ─── HTTP ────────────────────────────────────────────────────────────────────────────────────────────────────────
async function signIn(base: string, username = "officer") {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "khcn-demo" }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (!cookie) throw new Error("sign-in answered no session cookie");
  return cookie;
}

async function load(base: string, cookie: string, paths: string[], seconds: number) {
  let next = 0;
  const samples: number[] = [];
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: cfg.connections,
        duration: seconds,
        headers: { cookie, "accept-language": "vi" },
        requests: [{ method: "GET", path: paths[0], setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.push(responseTime);
      lastAnswer = performance.now();
    });
  });
  // Let requests cut off at the end finish before anything else runs.
  await new Promise((r) => setTimeout(r, 300));
  // The rate over the time the answers took, up to the last one: autocannon does not count the requests still in
  // flight when its window closes, nor should the wait above count against the app.
  return { samples, seconds: (lastAnswer - started) / 1000, non2xx: result.non2xx, errors: result.errors };
}

// ─── Scenarios ───────────────────────────────────────────────────────────────────────────────────────────────────
interface Row {
  mode: string;
  scenario: string;
  endpoint: string;
  p50: number;
  p95: number;
  rps: number;
  rawP50: number;
  rawP95: number;
  ratio: number;
  met: boolean;
  why: string;
  requests: number;
  failures: number;
  queries: number;
  /** the same SQL from as many clients as autocannon's connections */
  rawConcP50: number;
  rawConcP95: number;
  rawConcRps: number;
}

/** The task pages over the generated task data (bench/task-data.ts). */
async function taskScenarios(pool: pg.Pool, tasks: number): Promise<Scenario[]> {
  const want = (k: string) => cfg.scenarios.includes(k);
  const size = `${tasks.toLocaleString("en")} tasks`;
  const out: Scenario[] = [];
  if (want("analytics")) out.push({ key: "analytics", endpoint: `GET /task-analytics (${size})`, paths: ["/api/v1/task-analytics"], target: "tasks" });
  if (want("analyticsFiltered")) {
    out.push({
      key: "analyticsFiltered",
      endpoint: "GET /task-analytics?yearFrom=2020&yearTo=2024&field=1",
      paths: ["/api/v1/task-analytics?yearFrom=2020&yearTo=2024&field=1"],
      target: "tasks",
    });
  }
  if (want("actionList")) out.push({ key: "actionList", endpoint: "GET /tasks?view=action (officer)", paths: ["/api/v1/tasks?view=action"], target: "tasks" });
  if (want("mineList")) out.push({ key: "mineList", endpoint: "GET /tasks?view=mine (pi)", paths: ["/api/v1/tasks?view=mine"], user: "pi", target: "tasks" });
  if (want("myCouncils"))
    out.push({ key: "myCouncils", endpoint: "GET /councils/mine (expert)", paths: ["/api/v1/councils/mine"], user: "expert", target: "tasks" });
  if (want("paymentQueue")) {
    out.push({ key: "paymentQueue", endpoint: "GET /contracts/payments (finance)", paths: ["/api/v1/contracts/payments"], user: "finance", target: "tasks" });
  }
  if (want("taskDetail")) {
    const ids = (await pool.query<{ id: string }>("SELECT id FROM tasks ORDER BY md5(id::text) LIMIT 200")).rows.map((r) => r.id);
    out.push({ key: "taskDetail", endpoint: `GET /tasks/:id (${ids.length} ids)`, paths: ids.map((id) => `/api/v1/tasks/${id}`), target: "tasks" });
  }
  return out;
}

const peopleModuleExists = () => fs.existsSync(path.join(root, "src/server/modules/people/people.service.ts"));

interface Scenario {
  key: string;
  endpoint: string;
  paths: string[];
  /** the demo account that makes the requests (default officer) */
  user?: string;
  /** registry: the registry pages' target; tasks: the task pages' and the dashboard's (p95 ≤ 200 ms on the server) */
  target?: "registry" | "tasks";
}
interface ModeRun {
  mode: "embedded" | "server";
  app: AppProcess;
  pool: pg.Pool;
  /** the concurrent replay's connections: as many as the app's own pool on a server (POOL_SIZE), so that the
   *  statements a request issues together run side by side in the replay too, as they do in the app */
  replayPool: pg.Pool;
  base: string;
  cookie: string;
  cookies: Map<string, string>;
  rows: Row[];
  explains: string[];
}

async function benchScenario(run: ModeRun, s: Scenario) {
  const user = s.user ?? "officer";
  if (!run.cookies.has(user)) run.cookies.set(user, user === "officer" ? run.cookie : await signIn(run.base, user));
  const cookie = run.cookies.get(user)!;
  // Record the SQL of every distinct request (and check each answers 200).
  const plans: CapturedQuery[][][] = [];
  for (const p of s.paths) {
    await run.app.request({ type: "capture-start" });
    const res = await fetch(run.base + p, { headers: { cookie, "accept-language": "vi" } });
    const captured = (await run.app.request({ type: "capture-stop" })) as Extract<BenchChildMessage, { type: "captured" }>;
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer().catch(() => undefined);
    plans.push(waves(captured.queries));
  }
  const queryCount = plans[0].flat().length;
  if (cfg.explain) {
    for (const q of plans[0].flat()) {
      const plan = await run.pool.query({ text: "EXPLAIN (ANALYZE, BUFFERS) " + q.text, values: q.values });
      run.explains.push(`── ${run.mode} · ${s.key}\n${q.text}\n${JSON.stringify(q.values)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  const raw = await rawTiming(run.pool, plans, cfg.rawRuns);
  // The replay and the app's load alternate (--rounds), so that a slow spell of the machine falls on both sides.
  const replays: Awaited<ReturnType<typeof rawConcurrent>>[] = [];
  const loads: Awaited<ReturnType<typeof load>>[] = [];
  if (cfg.warmup > 0) await load(run.base, cookie, s.paths, cfg.warmup);
  for (let round = 0; round < cfg.rounds; round++) {
    replays.push(await rawConcurrent(run.replayPool, plans, cfg.connections, Math.min(5, cfg.duration)));
    loads.push(await load(run.base, cookie, s.paths, cfg.duration));
  }
  const rawConc = pooled(replays);
  const api = { ...pooled(loads), non2xx: loads.reduce((n, l) => n + l.non2xx, 0), errors: loads.reduce((n, l) => n + l.errors, 0) };
  // Like for like: the API under autocannon's connections against the same SQL from as many clients at once.
  const ratio = api.p95 / rawConc.p95;
  const ratioOk = ratio <= 3;
  const tasksTarget = s.target === "tasks";
  const rpsOk = run.mode !== "server" || tasksTarget || api.rps >= 500;
  const msOk = run.mode !== "server" || !tasksTarget || api.p95 <= 200;
  const failures = api.non2xx + api.errors;
  const why = [!ratioOk && "p95 > 3× raw SQL p95", !rpsOk && "< 500 req/s", !msOk && "p95 > 200 ms", failures > 0 && `${failures} failed requests`]
    .filter(Boolean)
    .join(", ");
  run.rows.push({
    mode: run.mode,
    scenario: s.key,
    endpoint: s.endpoint,
    p50: api.p50,
    p95: api.p95,
    rps: api.rps,
    rawP50: raw.p50,
    rawP95: raw.p95,
    ratio,
    met: ratioOk && rpsOk && msOk && failures === 0,
    why,
    requests: api.n,
    failures,
    queries: queryCount,
    rawConcP50: rawConc.p50,
    rawConcP95: rawConc.p95,
    rawConcRps: rawConc.rps,
  });
  console.log(
    `[${run.mode}] ${s.key}: p50 ${api.p50.toFixed(2)} ms, p95 ${api.p95.toFixed(2)} ms, ${api.rps.toFixed(0)} req/s; raw p50 ${raw.p50.toFixed(2)} ms, p95 ${raw.p95.toFixed(2)} ms (${queryCount} queries); raw ×${cfg.connections} p95 ${rawConc.p95.toFixed(2)} ms, ${rawConc.rps.toFixed(0)} runs/s; by round: app ${loads.map((l) => (l.samples.length / l.seconds).toFixed(0)).join(" / ")} req/s, replay ${replays.map((r) => (r.samples.length / r.seconds).toFixed(0)).join(" / ")} runs/s`,
  );
}

/** Consolidation of a whole period: the five forms' consolidated tables, fetched one after the other
 *  (one round = the city's aggregate of every form), `consolidationRuns` rounds; beside it the recorded SQL of the
 *  same five requests run directly. Target: a round ≤ 5 s. */
async function benchConsolidation(run: ModeRun, st: StatisticsBenchSummary) {
  const paths = st.formKeys.map((k) => `/api/v1/statistics/periods/${st.latestPeriodId}/consolidated/${encodeURIComponent(k)}`);
  const plans: CapturedQuery[][] = [];
  for (const p of paths) {
    await run.app.request({ type: "capture-start" });
    const res = await fetch(run.base + p, { headers: { cookie: run.cookie, "accept-language": "vi" } });
    const captured = (await run.app.request({ type: "capture-stop" })) as Extract<BenchChildMessage, { type: "captured" }>;
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
    plans.push(...waves(captured.queries));
  }
  if (cfg.explain) {
    for (const q of plans.flat()) {
      const plan = await run.pool.query({ text: "EXPLAIN (ANALYZE, BUFFERS) " + q.text, values: q.values });
      run.explains.push(`── ${run.mode} · consolidation\n${q.text}\n${JSON.stringify(q.values)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  const api: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < cfg.consolidationRuns; i++) {
    const t0 = performance.now();
    for (const p of paths) {
      const res = await fetch(run.base + p, { headers: { cookie: run.cookie, "accept-language": "vi" } });
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      await res.arrayBuffer();
    }
    api.push(performance.now() - t0);
    const t1 = performance.now();
    await runRecorded(run.pool, plans);
    raw.push(performance.now() - t1);
  }
  const a = summarise(api);
  const r = summarise(raw);
  const met = a.p95 <= 5000 && a.p95 / r.p95 <= 3;
  run.rows.push({
    mode: run.mode,
    scenario: "consolidation",
    endpoint: `consolidate 5 forms (${cfg.statOrganisations.toLocaleString("en")} orgs × ${cfg.statCells} cells each)`,
    p50: a.p50,
    p95: a.p95,
    rps: 1000 / a.p50,
    rawP50: r.p50,
    rawP95: r.p95,
    ratio: a.p95 / r.p95,
    met,
    why: [a.p95 > 5000 && "> 5 s", a.p95 / r.p95 > 3 && "p95 > 3× raw SQL p95"].filter(Boolean).join(", "),
    requests: a.n * paths.length,
    failures: 0,
    queries: plans.flat().length,
    rawConcP50: r.p50,
    rawConcP95: r.p95,
    rawConcRps: 1000 / r.p50,
  });
  console.log(
    `[${run.mode}] consolidation: p50 ${a.p50.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms per round of 5 forms; raw p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms`,
  );
}

// ─── People import ─────────────────────────────────────────────────────────────────────────────
interface ImportRow {
  mode: string;
  step: "validate" | "commit" | "validate + commit";
  rows: number;
  registry: number;
  /** the HTTP request, as the user waits for it */
  apiMs: number;
  /** the SQL the request ran, replayed directly */
  rawMs: number;
  statements: number;
  met: boolean | null;
  why: string;
}
const importRows: ImportRow[] = [];
const IMPORT_TARGET_MS = 20_000;

const isTransactionControl = (text: string) => /^\s*(begin|commit|rollback)\b/i.test(text);

/** Replays recorded statements on one connection inside a transaction that is rolled back. `reset` first puts the
 *  rows the request wrote back as they were before it (inside the same transaction, not timed), so every statement
 *  does the work it did in the app. With `explainOver`, statements that took longer are run again under
 *  EXPLAIN (ANALYZE, BUFFERS) in a second rolled-back pass. */
async function replayRolledBack(
  pool: pg.Pool,
  queries: CapturedQuery[],
  reset: (c: pg.PoolClient) => Promise<unknown>,
  explainOver?: number,
): Promise<{ ms: number; statements: number; slowest: { ms: number; text: string }[]; plans: string[] }> {
  const run = async (explain: Set<number> | null) => {
    const client = await pool.connect();
    const times: { ms: number; text: string; i: number }[] = [];
    const plans: string[] = [];
    try {
      await client.query("BEGIN");
      await reset(client);
      const all = [...queries].sort((a, b) => a.start - b.start);
      for (const [i, q] of all.entries()) {
        if (isTransactionControl(q.text)) continue;
        const t0 = performance.now();
        if (explain?.has(i)) {
          const plan = await client.query({ text: "EXPLAIN (ANALYZE, BUFFERS) " + q.text, values: q.values });
          plans.push(`${q.text}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
        } else {
          if (q.rowMode) await client.query({ text: q.text, values: q.values, rowMode: "array" });
          else await client.query({ text: q.text, values: q.values });
        }
        times.push({ ms: performance.now() - t0, text: q.text, i });
      }
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
    }
    return { times, plans };
  };
  const { times } = await run(null);
  const plans = explainOver !== undefined ? (await run(new Set(times.filter((t) => t.ms > explainOver).map((t) => t.i)))).plans : [];
  return {
    ms: times.reduce((a, t) => a + t.ms, 0),
    statements: times.length,
    slowest: times
      .slice()
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((t) => ({ ms: t.ms, text: t.text.replace(/\s+/g, " ").trim().slice(0, 90) })),
    plans,
  };
}

function multipartBody(fileName: string, content: Buffer) {
  const boundary = "----khcnbench" + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Upload (parse + validate + store) and commit of a generated people file, each timed once, then the SQL each ran
 *  replayed directly. Target: validate + commit ≤ 20 s on the PostgreSQL server. */
async function benchPeopleImport(run: ModeRun, notes: string[]) {
  const t0 = performance.now();
  const file = await peopleImportFile(run.pool, cfg.importRows);
  console.log(
    `[${run.mode}] people import file: ${file.rows.toLocaleString("en")} rows, ${(file.content.length / 2 ** 20).toFixed(1)} MiB ` +
      `(${file.byTaxCode} by tax code, ${file.byName} by name, ${file.withoutOrganisation} without organisation, ${file.withOrcid} ORCID; ` +
      `${file.redrawn} drawn again) in ${((performance.now() - t0) / 1000).toFixed(1)} s; registry ${file.registryPeople.toLocaleString("en")} people`,
  );
  const cookie = await signIn(run.base); // a fresh session: the import may come after long scenarios
  const headers = { cookie, "accept-language": "vi" };

  const { body, contentType } = multipartBody("nhan-luc-khcn.xlsx", file.content);
  await run.app.request({ type: "capture-start" });
  const v0 = performance.now();
  const up = await fetch(`${run.base}/api/v1/imports/people`, { method: "POST", headers: { ...headers, "content-type": contentType }, body });
  const upBody = (await up.json()) as { id: string; status: string; errorCount: number; errors: unknown[] };
  const validateMs = performance.now() - v0;
  const validateSql = ((await run.app.request({ type: "capture-stop" })) as Extract<BenchChildMessage, { type: "captured" }>).queries;
  if (up.status !== 200 || upBody.status !== "ready") {
    throw new Error(`upload answered ${up.status} ${upBody.status}: ${JSON.stringify(upBody.errors ?? upBody).slice(0, 500)}`);
  }
  console.log(`[${run.mode}] people import: validated in ${(validateMs / 1000).toFixed(2)} s (${validateSql.length} statements)`);

  // The raw baseline of each step runs right after it, in a transaction that is rolled back. Validation: the import
  // row the upload created is taken away first, so the replayed upload finds no earlier import and inserts its own.
  // Commit: the people it created (their affiliations follow by ON DELETE CASCADE) are taken away and the import is
  // set back to 'ready' at its earlier version.
  const explainOver = cfg.explain ? 50 : undefined;
  const rawValidate = await replayRolledBack(run.pool, validateSql, (c) => c.query("DELETE FROM imports WHERE id = $1", [upBody.id]), explainOver);

  await run.app.request({ type: "capture-start" });
  const c0 = performance.now();
  const commit = await fetch(`${run.base}/api/v1/imports/${upBody.id}/commit`, { method: "POST", headers });
  const commitBody = (await commit.json()) as { created?: number };
  const commitMs = performance.now() - c0;
  const commitSql = ((await run.app.request({ type: "capture-stop" })) as Extract<BenchChildMessage, { type: "captured" }>).queries;
  if (commit.status !== 200 || commitBody.created !== file.rows)
    throw new Error(`commit answered ${commit.status}: ${JSON.stringify(commitBody).slice(0, 500)}`);
  console.log(`[${run.mode}] people import: committed in ${(commitMs / 1000).toFixed(2)} s (${commitSql.length} statements)`);

  const rawCommit = await replayRolledBack(
    run.pool,
    commitSql,
    async (c) => {
      await c.query("DELETE FROM people WHERE id IN (SELECT (jsonb_array_elements_text(created_ids))::uuid FROM imports WHERE id = $1)", [upBody.id]);
      await c.query("UPDATE imports SET status = 'ready', committed_at = NULL, created_ids = NULL, version = version - 1 WHERE id = $1", [upBody.id]);
    },
    explainOver,
  );
  for (const [step, r] of [
    ["validate", rawValidate],
    ["commit", rawCommit],
  ] as const) {
    notes.push(`${run.mode} people import, ${step}: slowest statements ${r.slowest.map((x) => `${x.ms.toFixed(0)} ms “${x.text}…”`).join("; ")}`);
    for (const p of r.plans) run.explains.push(`── ${run.mode} · peopleImport ${step}\n${p}`);
  }

  const base = { mode: run.mode, rows: file.rows, registry: file.registryPeople };
  const totalMs = validateMs + commitMs;
  const onServer = run.mode === "server";
  importRows.push(
    { ...base, step: "validate", apiMs: validateMs, rawMs: rawValidate.ms, statements: rawValidate.statements, met: null, why: "" },
    { ...base, step: "commit", apiMs: commitMs, rawMs: rawCommit.ms, statements: rawCommit.statements, met: null, why: "" },
    {
      ...base,
      step: "validate + commit",
      apiMs: totalMs,
      rawMs: rawValidate.ms + rawCommit.ms,
      statements: rawValidate.statements + rawCommit.statements,
      met: onServer ? totalMs <= IMPORT_TARGET_MS : null,
      why: onServer && totalMs > IMPORT_TARGET_MS ? "> 20 s" : "",
    },
  );
  notes.push(
    `${run.mode}: people import of ${file.rows.toLocaleString("en")} rows (${(file.content.length / 2 ** 20).toFixed(1)} MiB; ${file.byTaxCode} organisations by tax code, ` +
      `${file.byName} by name, ${file.withoutOrganisation} without; ${file.withOrcid} ORCID iDs) into ${file.registryPeople.toLocaleString("en")} people`,
  );
}

function importTable(rows: ImportRow[]) {
  const head = ["mode", "step", "rows", "registry", "API s", "raw SQL s", "API − raw s", "statements", "target met"];
  const body = rows.map((r) => [
    r.mode,
    r.step,
    r.rows.toLocaleString("en"),
    r.registry.toLocaleString("en"),
    (r.apiMs / 1000).toFixed(2),
    (r.rawMs / 1000).toFixed(2),
    ((r.apiMs - r.rawMs) / 1000).toFixed(2),
    String(r.statements),
    r.met === null ? "–" : r.met ? "yes" : `NO (${r.why})`,
  ]);
  const num = (i: number) => i >= 2 && i <= 7;
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (num(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |";
  return [line(head), "|" + widths.map((w, i) => (num(i) ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|", ...body.map(line)].join("\n");
}

async function benchMode(mode: "embedded" | "server", rows: Row[], notes: string[], explains: string[]) {
  let dropServer: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  const taskCount = mode === "embedded" ? (cfg.embeddedTasks ?? cfg.tasks) : cfg.tasks;
  const scoreCount = mode === "embedded" ? (cfg.embeddedScores ?? cfg.scores) : cfg.scores;
  const env: Record<string, string> = {
    BENCH_TASKS: String(taskCount),
    BENCH_TASK_PEOPLE: String(Math.min(cfg.taskPeople, cfg.people - 2)),
    BENCH_SCORES: String(scoreCount),
    BENCH_PEOPLE: String(cfg.people),
    BENCH_ORGANISATIONS: String(cfg.organisations),
    BENCH_LOG_LEVEL: cfg.logLevel,
    BENCH_CHILD_DATABASE_URL: "",
    BENCH_DATA_DIR: "",
  };
  if (mode === "server") {
    const created = await createScratchDatabase(cfg.databaseUrl, "khcn_bench_");
    env.BENCH_CHILD_DATABASE_URL = created.url;
    dropServer = created.drop;
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-bench-"));
    env.BENCH_DATA_DIR = tempDir;
  }
  let app: AppProcess | undefined;
  let pool: pg.Pool | undefined;
  let replayPool: pg.Pool | undefined;
  let placement: CpuPlacement | undefined;
  try {
    console.log(
      `\n[${mode}] starting the app and seeding ${cfg.people.toLocaleString("en")} people, ${cfg.organisations.toLocaleString("en")} organisations …`,
    );
    const started = await AppProcess.start(env);
    app = started.app;
    const { port, databaseUrl, seedSeconds, summary, taskSummary } = started.ready;
    console.log(`[${mode}] ready in ${seedSeconds.toFixed(1)} s (${JSON.stringify(summary)})`);
    if (taskSummary) {
      console.log(`[${mode}] task data: ${JSON.stringify(taskSummary)}`);
      notes.push(
        `${mode}: task data ${taskSummary.tasks.toLocaleString("en")} tasks, ${taskSummary.people.toLocaleString("en")} people, ` +
          `${taskSummary.councils.toLocaleString("en")} councils, ${taskSummary.ballots.toLocaleString("en")} ballots, ` +
          `${taskSummary.scores.toLocaleString("en")} ballot scores, ${taskSummary.contracts.toLocaleString("en")} contracts; generated in ` +
          `${Object.values(taskSummary.seconds)
            .reduce((a, b) => a + b, 0)
            .toFixed(1)} s (${Object.entries(taskSummary.seconds)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")})`,
      );
    }
    const base = `http://127.0.0.1:${port}`;
    // The embedded database accepts 12 connections (src/server/db/client.ts: the app's pool of 8 + 4).
    // The raw baseline runs with the app's own session settings (src/server/db/client.ts: jit = off on a server).
    pool = new pg.Pool({
      connectionString: databaseUrl,
      max: mode === "embedded" ? Math.min(cfg.connections, 4) : cfg.connections,
      ...(mode === "server" ? { options: "-c jit=off" } : {}),
    });
    replayPool =
      mode === "server" ? new pg.Pool({ connectionString: databaseUrl, max: Math.max(cfg.connections, POOL_SIZE.server), options: "-c jit=off" }) : pool;
    if (cfg.pin && mode === "server") {
      placement = await CpuPlacement.apply(pool, app.pid);
      notes.push(`${mode}: pinned — PostgreSQL on CPU ${os.cpus().length - 1}, the app and the load generator on the others`);
    }
    const version = (await pool.query<{ v: string }>("SELECT version() AS v")).rows[0].v;
    notes.push(`${mode}: ${version.split(",")[0]}; seeded in ${seedSeconds.toFixed(1)} s`);
    const cookie = await signIn(base);

    const ids = (await pool.query<{ id: string }>("SELECT id FROM organisations ORDER BY md5(id::text) LIMIT 200")).rows.map((r) => r.id);
    const scenarios: Scenario[] = [];
    if (cfg.scenarios.includes("people")) {
      if (peopleModuleExists()) {
        scenarios.push({
          key: "people",
          endpoint: "GET /people?q=nguyen&degree=TS&sort=name&page=3",
          paths: ["/api/v1/people?q=nguyen&degree=TS&sort=name&page=3"],
        });
      } else {
        notes.push("people list: skipped — src/server/modules/people/people.service.ts does not exist yet");
      }
    }
    if (cfg.scenarios.includes("orgList")) {
      scenarios.push({
        key: "orgList",
        endpoint: "GET /organisations?q=cong ty&type=enterprise&sort=name&page=3",
        paths: ["/api/v1/organisations?q=cong%20ty&type=enterprise&sort=name&page=3"],
      });
    }
    if (cfg.scenarios.includes("orgDetail")) {
      scenarios.push({ key: "orgDetail", endpoint: `GET /organisations/:id (${ids.length} ids)`, paths: ids.map((id) => `/api/v1/organisations/${id}`) });
    }

    if (taskSummary) scenarios.push(...(await taskScenarios(pool, taskSummary.tasks)));

    let statistics: StatisticsBenchSummary | undefined;
    if (cfg.scenarios.includes("consolidation") || cfg.scenarios.includes("leadership")) {
      console.log(
        `[${mode}] statistics data: ${cfg.statOrganisations.toLocaleString("en")} organisations × 5 forms × ${cfg.statCells} cells, ${cfg.statYears} years …`,
      );
      statistics = await seedStatisticsBenchData(pool, {
        organisations: cfg.statOrganisations,
        cellsPerReport: cfg.statCells,
        years: cfg.statYears,
        lastYear: new Date().getUTCFullYear() - 1,
      });
      console.log(`[${mode}] statistics data: ${JSON.stringify(statistics)}`);
      notes.push(
        `${mode}: statistics data ${statistics.periods} periods, ${statistics.reports.toLocaleString("en")} approved reports, ` +
          `${statistics.cells.toLocaleString("en")} cells (the latest period ${cfg.statOrganisations.toLocaleString("en")} × 5 × ${cfg.statCells}); generated in ${statistics.seconds} s`,
      );
      if (cfg.scenarios.includes("leadership")) {
        scenarios.push({
          key: "leadership",
          endpoint: `GET /dashboard/leadership (leader, ${cfg.statYears} years)`,
          paths: ["/api/v1/dashboard/leadership"],
          user: "leader",
          target: "tasks",
        });
      }
    }

    const cookies = new Map<string, string>();
    for (const s of scenarios) {
      try {
        await benchScenario({ mode, app, pool, replayPool, base, cookie, cookies, rows, explains }, s);
      } catch (err) {
        // One broken endpoint should not hide the others' figures.
        notes.push(`${mode} ${s.key}: FAILED — ${(err as Error).message}`);
        console.error(`[${mode}] ${s.key} failed:`, err);
        scenarioFailures++;
      }
    }
    if (statistics && cfg.scenarios.includes("consolidation")) {
      try {
        await benchConsolidation({ mode, app, pool, replayPool, base, cookie, cookies, rows, explains }, statistics);
      } catch (err) {
        notes.push(`${mode} consolidation: FAILED — ${(err as Error).message}`);
        console.error(`[${mode}] consolidation failed:`, err);
        scenarioFailures++;
      }
    }
    // Last: the import adds people to the registry the other scenarios measure.
    if (cfg.scenarios.includes("peopleImport")) {
      try {
        await benchPeopleImport({ mode, app, pool, replayPool, base, cookie, cookies: new Map(), rows, explains }, notes);
      } catch (err) {
        notes.push(`${mode} peopleImport: FAILED — ${(err as Error).message}`);
        console.error(`[${mode}] peopleImport failed:`, err);
        scenarioFailures++;
      }
    }
  } finally {
    placement?.undo();
    if (replayPool !== pool) await replayPool?.end().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    await app?.stop();
    await dropServer?.().catch((e) => console.error("could not drop the benchmark database:", e));
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function table(rows: Row[]) {
  const n = cfg.connections;
  // The last two columns: the scenario's own target, then the per-request cost target (p95 ≤ 2 × raw p95 and
  // throughput ≥ 80 % of the raw SQL's from the same number of clients).
  const head = [
    "mode",
    "endpoint",
    "p50 ms",
    "p95 ms",
    "req/s",
    `raw ×${n} p50 ms`,
    `raw ×${n} p95 ms`,
    `raw ×${n} runs/s`,
    "p95 / raw p95",
    "req/s / raw",
    "raw ×1 p95 ms",
    "target met",
    "≤ 2× p95, ≥ 80 %",
  ];
  const body = rows.map((r) => [
    r.mode,
    r.endpoint,
    r.p50.toFixed(2),
    r.p95.toFixed(2),
    r.rps.toFixed(0),
    r.rawConcP50.toFixed(2),
    r.rawConcP95.toFixed(2),
    r.rawConcRps.toFixed(0),
    r.ratio.toFixed(2),
    `${((100 * r.rps) / r.rawConcRps).toFixed(0)} %`,
    r.rawP95.toFixed(2),
    r.met ? "yes" : `NO (${r.why})`,
    r.ratio <= 2 && r.rps >= 0.8 * r.rawConcRps ? "yes" : "NO",
  ]);
  const num = (i: number) => i >= 2 && i <= 10;
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (num(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ") + " |";
  return [line(head), "|" + widths.map((w, i) => (num(i) ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|", ...body.map(line)].join("\n");
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────────────────────────────
const rows: Row[] = [];
const notes: string[] = [];
const explains: string[] = [];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const loadBefore = os.loadavg();
console.log(`KHCN benchmark — ${machine}`);
if (loadBefore[0] > 0.5 * os.cpus().length) {
  console.warn(`Warning: the machine is busy (load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")}); figures will be low and noisy.`);
}
console.log(`autocannon: ${cfg.connections} connections, ${cfg.duration} s per scenario (+${cfg.warmup} s warm-up); raw SQL: ${cfg.rawRuns} sequential runs`);
let failed = false;
for (const mode of cfg.modes) {
  try {
    await benchMode(mode, rows, notes, explains);
  } catch (err) {
    failed = true;
    console.error(`[${mode}] failed:`, err);
  }
}
if (rows.length) {
  console.log("\n" + table(rows));
  console.log(
    `Target: API p95 ≤ 3 × raw SQL p95 — the same queries (session lookup included) run directly through node-postgres from ${cfg.connections} clients at once, as many as autocannon's connections — and ≥ 500 req/s on the PostgreSQL server. "raw ×1": the same SQL one request at a time.`,
  );
}
if (importRows.length) {
  console.log("\n" + importTable(importRows));
  console.log(
    `People import: one upload (read, parse and validate the file, store it with its rows) and one commit; "raw SQL": the statements each request ran, replayed directly on one connection in a transaction that is rolled back. Target: validate + commit ≤ ${IMPORT_TARGET_MS / 1000} s on the PostgreSQL server.`,
  );
}
const loadAfter = os.loadavg();
notes.push(`load average (1/5/15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after: ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
for (const n of notes) console.log("· " + n);
if (explains.length) console.log("\n" + explains.join("\n\n"));

const outDir = path.join(here, "results");
fs.mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), machine, config: cfg, rows, importRows, notes };
fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(report, null, 2));
console.log(`\nWritten: ${path.relative(root, path.join(outDir, "latest.json"))}`);
if (failed || scenarioFailures > 0) process.exitCode = 1;
