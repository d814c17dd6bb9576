// npm run bench:lighthouse [-- --runs 3 --pages login,results,publicIndicators,home,tasks --report]
// Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G and a 4× slower CPU) of the built app
// served by the real server on a fresh embedded database with the demo data: the sign-in page and the public pages
// without a session, the officer's home and task list signed in (the session cookie sent with every request). Each
// page is audited `--runs` times and the median performance score is kept, with its Largest Contentful Paint, Total
// Blocking Time and bytes transferred. Prints a table beside the targets (BENCHMARKS.md: ≥ 80 for the sign-in and
// public pages, ≥ 60 signed in) and writes bench/results/lighthouse.json. Needs the web build (npx vite build) and
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium). `--report` also keeps each page's whole Lighthouse report of
// the median run (bench/results/lighthouse-<page>.json) and prints where its time goes: the metrics, the phases of
// the Largest Contentful Paint, the main thread's work by kind and the scripts that cost the most.
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
    report: { type: "boolean", default: false },
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
  /** the whole report (kept with --report) */
  lhr?: LhrLike;
}

/** The parts of Lighthouse's result the breakdown reads. */
interface LhrLike {
  audits: Record<string, { numericValue?: number; displayValue?: string; details?: { items?: Record<string, unknown>[] } }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Lighthouse's trace recording now and then misses the navigation's start (NO_NAVSTART): that run is made again. */
async function audit(url: string, port: number, cookie: string | null, attempts = 3): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, port, cookie);
    } catch (e) {
      if (attempt >= attempts || !String(e).includes("NO_NAVSTART")) throw e;
      console.log(`  ${url}: the trace missed the navigation's start; auditing again`);
    }
  }
}

async function auditOnce(url: string, port: number, cookie: string | null): Promise<Run> {
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
    ...(opt.report ? { lhr: lhr as unknown as LhrLike } : {}),
  };
}

/** Where a page's time goes, from its report: metrics, LCP phases, main-thread work, costliest scripts. */
function breakdown(key: string, lhr: LhrLike) {
  const a = lhr.audits;
  const ms = (id: string) => Math.round(a[id]?.numericValue ?? NaN);
  console.log(`\n── ${key} ──`);
  console.log(
    `  FCP ${ms("first-contentful-paint")} ms · SI ${ms("speed-index")} ms · LCP ${ms("largest-contentful-paint")} ms · TBT ${ms("total-blocking-time")} ms · CLS ${(a["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)}`,
  );
  const phases = a["largest-contentful-paint-element"]?.details?.items?.[1] as { items?: { phase: string; timing: number }[] } | undefined;
  if (phases?.items) console.log(`  LCP phases: ${phases.items.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(" · ")}`);
  const element = (a["largest-contentful-paint-element"]?.details?.items?.[0] as { items?: { node?: { snippet?: string } }[] } | undefined)?.items?.[0]?.node
    ?.snippet;
  if (element) console.log(`  LCP element: ${element.slice(0, 120)}`);
  const work = (a["mainthread-work-breakdown"]?.details?.items ?? []) as { groupLabel: string; duration: number }[];
  console.log(`  main thread: ${work.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(" · ")}`);
  const scripts = ((a["bootup-time"]?.details?.items ?? []) as { url: string; total: number; scripting: number }[]).slice(0, 6);
  for (const s of scripts)
    console.log(`  script ${Math.round(s.total)} ms (scripting ${Math.round(s.scripting)} ms) ${s.url.replace(/^https?:\/\/[^/]+/, "")}`);
  const requests = (a["network-requests"]?.details?.items ?? []) as {
    url: string;
    rendererStartTime?: number;
    networkEndTime?: number;
    transferSize?: number;
  }[];
  for (const r of requests)
    console.log(
      `  request ${String(Math.round(r.rendererStartTime ?? 0)).padStart(5)}–${String(Math.round(r.networkEndTime ?? 0)).padStart(5)} ms ${String(Math.round((r.transferSize ?? 0) / 1024)).padStart(4)} KiB ${r.url.replace(/^https?:\/\/[^/]+/, "")}`,
    );
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
      const { lhr, ...figures } = mid;
      rows.push({ ...p, ...figures, runs, meets: mid.score >= p.target });
      console.log(`  ${p.path}: ${results.map((r) => r.score).join(", ")}`);
      if (lhr) {
        breakdown(p.key, lhr);
        fs.mkdirSync(path.join(here, "results"), { recursive: true });
        fs.writeFileSync(path.join(here, "results", `lighthouse-${p.key}.json`), JSON.stringify(lhr));
      }
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
