// Spreadsheets must not stall the HTTP server (ARCHITECTURE.md, "Imports, exports and files"). While a workbook of
// 300,000 rows is uploaded to an import (and refused at the row limit) and while 100,000 people are exported as xlsx,
// GET /api/health is asked again and again over HTTP on a listening server, one probe after another. A probe waits
// behind whatever holds the event loop, so each probe's wait bounds the longest stall while it was out; the work
// itself may take as long as it takes. The wait is counted in the main thread's CPU time (Linux's per-thread
// scheduler statistics; the wall clock where there are none): on a loaded machine the operating system may set the
// whole process aside for a while, which delays an answer without the event loop being held, and CPU time leaves
// that out while counting every millisecond the loop spends on code before it answers. This is the suite's one
// timing assertion: it is the requirement's acceptance criterion (no probe over 200 ms), far below what parsing or
// writing a whole workbook on the event loop costs (seconds).
// (/api/health does not touch the database, so it measures the event loop alone; db/health-under-load.test.ts.)
import fs from "node:fs";
import zlib from "node:zlib";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, testDbMode, type TestApp } from "../testing/harness.js";
import { buildUser } from "../testing/factories.js";
import { MAX_IMPORT_ROWS } from "../modules/imports/imports.service.js";
import { readZipDirectory } from "./zip.js";

const PROBE_LIMIT_MS = 200;
const UPLOAD_ROWS = 300_000;
const EXPORT_PEOPLE = 100_000;

let t: TestApp;
let base: string;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  base = `http://127.0.0.1:${address.port}`;
  await buildUser(t.database.db, { username: "load_officer", roles: ["officer"] });
  const officer = new Client(t);
  await officer.login("load_officer");
  cookie = officer.cookie!;
});
afterAll(async () => t?.close());

/** Milliseconds the calling thread has run on a CPU (see above). */
const threadCpuMs: () => number = (() => {
  const schedstat = "/proc/thread-self/schedstat"; // "<ns on a CPU> <ns waiting> <slices>"
  try {
    fs.readFileSync(schedstat, "utf8");
    return () => Number(fs.readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return () => performance.now();
  }
})();

interface Probe {
  /** The main thread's CPU time from the request to the answer. */
  loopMs: number;
  wallMs: number;
}

/** Runs `work` while probing /api/health over HTTP, one probe after another, until the work is done. */
async function probedWhile<T>(work: () => Promise<T>): Promise<{ result: T; probes: Probe[] }> {
  const probe = async (): Promise<Probe> => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return { loopMs: threadCpuMs() - cpu, wallMs: performance.now() - wall };
  };
  for (let i = 0; i < 5; i++) await probe(); // a warm connection and warm code paths
  let done = false;
  const running = work().finally(() => {
    done = true;
  });
  const probes: Probe[] = [];
  while (!done) probes.push(await probe());
  return { result: await running, probes };
}

/** The slowest probe, with every probe's figures in the message should it fail. */
function expectNoStall(probes: Probe[]) {
  expect(probes.length).toBeGreaterThanOrEqual(5); // the work ran long enough to be probed
  const slowest = Math.max(...probes.map((p) => p.loopMs));
  const seen = probes.map((p) => `${p.loopMs.toFixed(0)}/${p.wallMs.toFixed(0)}`).join(" ");
  expect(slowest, `probes (loop ms/wall ms): ${seen}`).toBeLessThan(PROBE_LIMIT_MS);
}

/** A workbook of `rows` one-cell rows under an organisations header, written by exceljs's streaming writer. */
async function manyRows(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on("end", resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRow(["Tên tổ chức", "Loại hình"]).commit();
  for (let i = 1; i <= rows; i++) ws.addRow([i]).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

function multipart(fileName: string, content: Buffer) {
  const boundary = "----khcnload" + Math.random().toString(16).slice(2);
  return {
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe(`spreadsheets never hold the event loop (${testDbMode()})`, () => {
  it(`answers /api/health within ${PROBE_LIMIT_MS} ms while a ${UPLOAD_ROWS.toLocaleString("en")}-row upload is refused at the row limit`, async () => {
    const file = await manyRows(UPLOAD_ROWS);
    // Under the upload size limit, and its sheet under the import's unpacked-size cap: the row limit refuses it.
    expect(file.length).toBeLessThan(t.config.uploadMaxBytes);
    const sheet = readZipDirectory(file).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.uncomp).toBeGreaterThan(10 * 1024 * 1024);
    const { body, contentType } = multipart("nhieu-dong.xlsx", file);

    const { result, probes } = await probedWhile(async () => {
      const res = await fetch(`${base}/api/v1/imports/organisations`, {
        method: "POST",
        headers: { cookie, "content-type": contentType, "accept-language": "vi" },
        body,
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("TOO_MANY_ROWS");
    expect(result.body.error.message).toContain(String(MAX_IMPORT_ROWS));
    expectNoStall(probes);
  }, 120_000);

  it(`answers /api/health within ${PROBE_LIMIT_MS} ms while ${EXPORT_PEOPLE.toLocaleString("en")} people are exported as xlsx`, async () => {
    await t.database.db.execute(sql`
      INSERT INTO people (full_name, birth_year, gender, degree, fields, keywords, email, is_expert, created_at, updated_at)
      SELECT 'Người Thử ' || lpad(g::text, 6, '0'), 1950 + g % 50, 'female', 'TS', '{102}', '{thử nghiệm}',
             'nguoi' || g || '@thu.vn', g % 3 = 0, ${t.clock.now()}, ${t.clock.now()}
        FROM generate_series(1, ${EXPORT_PEOPLE}::int) AS g`);

    const { result, probes } = await probedWhile(async () => {
      const res = await fetch(`${base}/api/v1/people/export?format=xlsx`, { headers: { cookie, "accept-language": "vi" } });
      return { status: res.status, type: res.headers.get("content-type"), content: Buffer.from(await res.arrayBuffer()) };
    });
    expect(result.status).toBe(200);
    expect(result.type).toContain("spreadsheetml");
    expectNoStall(probes);

    // The whole registry is in the file, in the list's order (given name, here the number).
    const sheet = readZipDirectory(result.content).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const xml = zlib.inflateRawSync(sheet.data).toString("utf8");
    expect(xml.match(/<row /g)).toHaveLength(EXPORT_PEOPLE + 1);
    const names = [...xml.matchAll(/<c r="A\d+"[^>]*><v>([^<]*)<\/v><\/c>/g)].map((m) => m[1]);
    expect(names).toHaveLength(EXPORT_PEOPLE + 1);
    expect(names[1]).toBe("Người Thử 000001");
    expect(names.at(-1)).toBe(`Người Thử ${String(EXPORT_PEOPLE).padStart(6, "0")}`);
  }, 300_000);
});
