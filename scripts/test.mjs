// `npm test`: the whole test suite, phase by phase, with each phase's time and a summary at the end.
//   1. type check (server and web), lint (ESLint: floating promises, React hooks, module boundaries), format
//      (Prettier, .prettierrc.json; `npm run format` writes it), side by side
//   2. server tests — embedded PGlite, and the PostgreSQL server too when TEST_DATABASE_URL is set
//   3. the date-sensitive server suites again under a wall clock shifted a year ahead (libfaketime), embedded database:
//      the test clock stays where it is, so a time taken from the wall clock instead of the test clock (a column
//      default, new Date(), SQL now()) makes them fail. Skipped with a note when faketime is not installed, unless
//      REQUIRE_FAKETIME=1 (CI).
//   4. web build and browser tests (both databases likewise)
// Extra arguments are not accepted: run `npx vitest run <file>` for one file.
import { spawn, spawnSync } from "node:child_process";

/**
 * Server suites whose rules depend on "today" (sessions and lockouts, inactivity, call windows, deadlines and
 * reminders, demo data placed around the seeding day, generated documents' dates, export file names, reporting periods).
 */
export const DATE_SENSITIVE = [
  "src/server/modules/auth/",
  "src/server/modules/users/",
  "src/server/modules/calls/",
  "src/server/modules/monitoring/",
  "src/server/modules/statistics/",
  "src/server/modules/tasks/lifecycle.test.ts",
  "src/server/modules/councils/",
  "src/server/modules/contracts/contracts.test.ts",
  "src/server/modules/exports/",
  "src/server/modules/dashboard/",
  "src/server/modules/indicators/",
  "src/server/modules/process-templates/",
  "src/server/modules/results/",
  "src/server/demo/",
];

const SHIFT = process.env.TEST_CLOCK_SHIFT ?? "+365d";
const phases = [];
const startedAt = Date.now();

function run(name, command, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  const ok = r.status === 0;
  phases.push({ name, seconds, result: ok ? "ok" : `failed (${r.status ?? r.signal})` });
  console.log(`── ${name}: ${ok ? "ok" : "FAILED"} in ${seconds} s ──`);
  return ok;
}

/**
 * Runs the checks side by side (each is one process on one core, mostly), printing each one's output when it ends;
 * each still gets its own phase line. Answers whether all passed.
 */
async function runTogether(list) {
  const results = await Promise.all(
    list.map(
      ({ name, command, args }) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { env: process.env });
          let out = "";
          child.stdout.on("data", (d) => (out += d));
          child.stderr.on("data", (d) => (out += d));
          child.on("close", (code, signal) => {
            const seconds = Math.round((Date.now() - started) / 1000);
            const ok = code === 0;
            console.log(`\n── ${name} ──\n${out.trimEnd()}\n── ${name}: ${ok ? "ok" : "FAILED"} in ${seconds} s ──`);
            resolve({ name, seconds, result: ok ? "ok" : `failed (${code ?? signal})` });
          });
        }),
    ),
  );
  phases.push(...results);
  return results.every((r) => r.result === "ok");
}

function skip(name, why) {
  phases.push({ name, seconds: 0, result: `skipped: ${why}` });
  console.log(`\n── ${name}: skipped (${why}) ──`);
}

function summary() {
  const total = Math.round((Date.now() - startedAt) / 1000);
  console.log("\n── test phases (the checks of phase 1 run side by side) ──");
  for (const p of phases) console.log(`${p.name.padEnd(44)} ${String(p.seconds).padStart(6)} s  ${p.result}`);
  console.log(`${"total (wall clock)".padEnd(44)} ${String(total).padStart(6)} s`);
}

const hasFaketime = spawnSync("faketime", ["-f", "+0d", "true"]).status === 0;
const both = !!process.env.TEST_DATABASE_URL;
const checksOk = await runTogether([
  { name: "type check", command: "npx", args: ["tsc", "-p", "tsconfig.json", "--noEmit"] },
  { name: "type check (web)", command: "npx", args: ["tsc", "-p", "src/web/tsconfig.json", "--noEmit"] },
  { name: "lint", command: "npx", args: ["eslint", "--max-warnings", "0", "src", "tests", "bench", "scripts"] },
  {
    name: "format (Prettier)",
    command: "npx",
    args: ["prettier", "--check", "--log-level", "warn", "src/**/*.{ts,tsx}", "tests/**/*.ts", "bench/**/*.ts", "scripts/**/*.{ts,mjs}", "*.{ts,js}"],
  },
]);
const ok =
  checksOk &&
  run(`server tests (${both ? "embedded + PostgreSQL server" : "embedded"})`, "npx", ["vitest", "run"]) &&
  (hasFaketime
    ? run(`date-sensitive server tests, wall clock ${SHIFT}`, "faketime", ["-f", SHIFT, "npx", "vitest", "run", "--project", "embedded", ...DATE_SENSITIVE], {
        FAKETIME_DONT_FAKE_MONOTONIC: "1",
      })
    : process.env.REQUIRE_FAKETIME === "1"
      ? run("date-sensitive server tests: faketime is required (REQUIRE_FAKETIME=1) but not installed", "false", [])
      : (skip("date-sensitive server tests, shifted clock", "faketime not installed (apt-get install -y faketime)"), true)) &&
  run("web build", "npx", ["vite", "build"]) &&
  run(`browser tests (${both ? "embedded + PostgreSQL server" : "embedded"})`, "npx", ["vitest", "run", "--config", "vitest.e2e.config.ts"]);
summary();
process.exit(ok ? 0 : 1);
