// Messages between bench/run.ts (parent) and bench/server.ts (the app under test).
import type { SeedSummary } from "../src/server/demo/seed.js";
import type { TaskBenchSummary } from "./task-data.js";

export interface CapturedQuery {
  text: string;
  values: unknown[];
  rowMode?: "array";
  /** performance.now() in the app process when the query was sent and when its result arrived */
  start: number;
  end: number;
}

export type BenchParentMessage = { type: "capture-start" } | { type: "capture-stop" } | { type: "stop" };

export type BenchChildMessage =
  | {
      type: "ready";
      port: number;
      databaseUrl: string;
      mode: "embedded" | "server";
      seedSeconds: number;
      summary: SeedSummary;
      taskSummary: TaskBenchSummary | null;
    }
  | { type: "capture-started" }
  | { type: "captured"; queries: CapturedQuery[] }
  | { type: "stopped" };
