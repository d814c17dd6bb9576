// npm run bench:lighthouse [-- --runs 3 --pages login,results,publicIndicators,home,tasks]
// Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) of the built app
// served by the real server on a fresh embedded database with the demo data: the sign-in page and the public pages
// without a session, the officer's home and task list signed in (the session cookie sent with every request). Each
// page is audited `--runs` times and the median performance score is kept, with its Largest Contentful Paint, Total
// Blocking Time and bytes transferred. Prints a table beside the targets (BENCHMARKS.md: ≥ 80 for the sign-in and
// public pages, ≥ 60 signed in) and writes bench/results/lighthouse.json. Needs the web build (npx vite build) and
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startApp } from "../tests/e2e/server.js";

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: opt } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string", default: "login,results,publicIndicators,home,tasks" },
  },
});

interface Target {
  key: string;
  path: string;
  signedIn: boolean;
  target: number;
}
const TARGETS: Target[] = [
  { key: "login", path: "/login", signedIn: false, target: 80 },
  { key: "results", path: "/results", signedIn: false, target: 80 },
  { key: "publicIndicators", path: "/public/indicators", signedIn: false, target: 80 },
  { key: "home", path: "/", signedIn: true, target: 60 },
  { key: "tasks", path: "/tasks", signedIn: true, target: 60 },
];

interface Run {
  score: number;
  lcpMs: number;
  tbtMs: number;
  bytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function audit(url: string, port: number, cookie: string | null): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcpMs: lhr.audits["largest-contentful-paint"].numericValue ?? NaN,
    tbtMs: lhr.audits["total-blocking-time"].numericValue ?? NaN,
    bytes: lhr.audits["total-byte-weight"].numericValue ?? NaN,
  };
}

async function main() {
  const runs = Math.max(1, Number(opt.runs));
  const wanted = new Set(opt.pages.split(","));
  const pages = TARGETS.filter((t) => wanted.has(t.key));
  process.env.E2E_DB = "embedded";
  console.log("Starting the app with the demo data (embedded database)…");
  const app = await startApp();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  const rows: (Target & Run & { runs: number; meets: boolean })[] = [];
  try {
    for (const p of pages) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) results.push(await audit(app.baseUrl + p.path, chrome.port, p.signedIn ? app.sessions.officer : null));
      const mid = results.find((r) => r.score === median(results.map((x) => x.score)))!;
      rows.push({ ...p, ...mid, runs, meets: mid.score >= p.target });
      console.log(`  ${p.path}: ${results.map((r) => r.score).join(", ")}`);
    }
  } finally {
    await chrome.kill();
    await app.close();
  }
  console.log("\nLighthouse mobile performance (median of runs)");
  console.log(["page".padEnd(20), "score", "target", "LCP s", "TBT ms", "KiB", "meets"].join("  "));
  for (const r of rows)
    console.log(
      [
        `${r.path}${r.signedIn ? " (signed in)" : ""}`.padEnd(20),
        String(r.score).padStart(5),
        `≥ ${r.target}`.padStart(6),
        (r.lcpMs / 1000).toFixed(1).padStart(5),
        String(Math.round(r.tbtMs)).padStart(6),
        String(Math.round(r.bytes / 1024)).padStart(5),
        r.meets ? "yes" : "NO",
      ].join("  "),
    );
  const out = path.join(here, "results", "lighthouse.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
}

await main();
