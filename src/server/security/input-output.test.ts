// Input and output hardening through the real app (SECURITY.md 15, 18): an oversize upload sent without
// Content-Length (chunked) answers 413 before the body is read, web addresses stored from users are http(s) only,
// and the request log carries no search words (people's names) from URLs.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { buildApp } from "../app.js";
import { Client, createTestApp, type TestApp } from "../testing/harness.js";
import { buildPerson, buildUser, TEST_PASSWORD } from "../testing/factories.js";
import { sessionCookieName } from "../platform/auth/sessions.js";
import { loggedUrl } from "../platform/logging.js";
import { nextIp } from "./sweep.js";

const API = "/api/v1";
const MAX = 1024 * 1024;

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: MAX });
  await buildUser(t.database.db, { username: "io_officer", roles: ["officer"] });
  officer = new Client(t, nextIp());
  await officer.login("io_officer", TEST_PASSWORD);
});
afterAll(async () => t?.close());

/**
 * A multipart body streamed in 64 KiB chunks (no Content-Length: light-my-request sends a stream as chunked), made
 * on demand; `pulled` says how many bytes the server has asked for so far.
 */
function streamedMultipart(parts: { name: string; filename?: string; size: number; fill?: string }[]) {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const pieces: (Buffer | { size: number; fill: string })[] = [];
  for (const p of parts) {
    const disposition = p.filename ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    const type = p.filename ? "Content-Type: application/octet-stream\r\n" : "";
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    pieces.push({ size: p.size, fill: p.fill ?? "x" });
    pieces.push(Buffer.from("\r\n"));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const total = pieces.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : p.size), 0);
  const state = { pulled: 0, total };
  function* chunks() {
    for (const p of pieces) {
      if (Buffer.isBuffer(p)) {
        state.pulled += p.length;
        yield p;
        continue;
      }
      for (let left = p.size; left > 0; left -= 65536) {
        const n = Math.min(65536, left);
        state.pulled += n;
        yield Buffer.alloc(n, p.fill);
      }
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, state };
}

async function streamUpload(url: string, body: ReturnType<typeof streamedMultipart>) {
  const res = await t.app.inject({
    method: "POST",
    url,
    remoteAddress: officer.ip,
    headers: { cookie: officer.cookie!, "accept-language": "vi", ...body.headers },
    payload: body.stream,
  });
  const pulledAtAnswer = body.state.pulled;
  body.stream.destroy();
  return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers, pulledAtAnswer };
}

const filesCount = async () => Number((await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`)).rows[0].n);

describe("chunked oversize uploads (SECURITY.md 15)", () => {
  it("a file over the limit, sent without Content-Length, answers 413 before the rest of the body is read", async () => {
    const before = await filesCount();
    const body = streamedMultipart([{ name: "file", filename: "lon.xlsx", size: 8 * MAX }]);
    const r = await streamUpload(`${API}/imports/organisations`, body);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Tệp hoặc dữ liệu gửi lên quá lớn" });
    expect(r.headers.connection).toBe("close");
    expect(r.pulledAtAnswer).toBeLessThan(body.state.total / 2);
    expect(await filesCount()).toBe(before);
  });

  it("a body stuffed with a text field over the limit (no file yet) answers 413, not 400", async () => {
    const body = streamedMultipart([
      { name: "note", size: 8 * MAX, fill: "a" },
      { name: "file", filename: "a.xlsx", size: 100 },
    ]);
    const r = await streamUpload(`${API}/imports/organisations`, body);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.pulledAtAnswer).toBeLessThan(body.state.total / 2);
  });

  it("parts after the file do not get past the limit either", async () => {
    const body = streamedMultipart([
      { name: "file", filename: "a.xlsx", size: 1000 },
      { name: "extra", filename: "b.bin", size: 8 * MAX },
    ]);
    const r = await streamUpload(`${API}/imports/organisations`, body);
    // The file itself is read (and refused for what it is) or the body is cut at the limit: never a 5xx, never all read.
    expect([400, 413]).toContain(r.status);
    expect(r.pulledAtAnswer).toBeLessThan(body.state.total / 2);
  });

  it("a chunked upload within the limit still works (and its website cells are checked like the form's)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tổ chức");
    ws.addRow(["Tên tổ chức", "Loại hình", "Trang web"]);
    ws.addRow(["Viện Truyền Từng Khúc", "Tổ chức nghiên cứu và phát triển", "vien-khuc.example.vn"]);
    ws.addRow(["Viện Liên Kết Lạ", "Tổ chức nghiên cứu và phát triển", "javascript:alert(1)"]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="to-chuc.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const all = Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/imports/organisations`,
      remoteAddress: officer.ip,
      headers: { cookie: officer.cookie!, "content-type": `multipart/form-data; boundary=${boundary}`, "accept-language": "vi" },
      payload: Readable.from([all.subarray(0, 100), all.subarray(100)]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.totalRows).toBe(2);
    expect(body.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message])).toEqual([
      [3, "website", "Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://"],
    ]);
  });

  it("an oversize JSON body sent without Content-Length answers 413 with the same code", async () => {
    const json = Buffer.from(JSON.stringify({ nameVi: "x".repeat(3 * MAX) }));
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/organisations`,
      remoteAddress: officer.ip,
      headers: { cookie: officer.cookie!, "content-type": "application/json" },
      payload: Readable.from([json.subarray(0, 1000), json.subarray(1000)]),
    });
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("web addresses stored from users are http(s) only", () => {
  const org = (website: string | null) => ({ type: "university", nameVi: `Trường Thử Địa Chỉ ${crypto.randomBytes(3).toString("hex")}`, website });

  it("refuses javascript:, data:, vbscript:, file: and other schemes with a message in the caller's language", async () => {
    for (const website of [
      "javascript:alert(document.cookie)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://files.example.vn",
      "https://user:pass@evil.example",
      "http://",
      "https://exa mple.vn",
    ]) {
      const r = await officer.post(`${API}/organisations`, org(website));
      expect(r.status, website).toBe(400);
      const issue = r.body.error.details.find((d: { path: string }) => d.path === "body.website");
      expect(issue?.message, website).toBe("Địa chỉ trang web phải bắt đầu bằng http:// hoặc https:// (ví dụ https://skhcn.haiphong.gov.vn)");
    }
    officer.lang = "en";
    const en = await officer.post(`${API}/organisations`, org("javascript:alert(1)"));
    officer.lang = "vi";
    expect(en.body.error.details[0].message).toBe("A website address must start with http:// or https:// (for example https://skhcn.haiphong.gov.vn)");
  });

  it("keeps http(s) addresses, takes a bare host as https, and allows none", async () => {
    for (const [given, stored] of [
      ["https://rimf.org.vn", "https://rimf.org.vn"],
      ["http://vimaru.edu.vn/gioi-thieu?lang=vi", "http://vimaru.edu.vn/gioi-thieu?lang=vi"],
      ["rimf.org.vn", "https://rimf.org.vn"],
      [null, null],
      ["", null],
    ] as const) {
      const r = await officer.post(`${API}/organisations`, org(given));
      expect(r.status, String(given)).toBe(201);
      expect(r.body.website).toBe(stored);
    }
  });

  it("an update is checked the same way", async () => {
    const c = await officer.post(`${API}/organisations`, org("https://dung.example.vn"));
    const r = await officer.put(`${API}/organisations/${c.body.id}`, { ...org("javascript:alert(1)"), version: c.body.version });
    expect(r.status).toBe(400);
  });
});

describe("no personal data in logged URLs (SECURITY.md 18)", () => {
  it("loggedUrl keeps the path, paging and sorting, and replaces search words and other values", () => {
    expect(loggedUrl("/api/v1/people?q=Nguy%E1%BB%85n%20V%C4%83n%20An&page=2&pageSize=20&sort=name")).toBe(
      "/api/v1/people?q=[redacted]&page=2&pageSize=20&sort=name",
    );
    expect(loggedUrl("/api/v1/people?email=an%40example.vn&degree=TS")).toBe("/api/v1/people?email=[redacted]&degree=[redacted]");
    expect(loggedUrl("/api/v1/organisations")).toBe("/api/v1/organisations");
  });

  it("a people search by name leaves the name nowhere in the request log", async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: { ...t.config, logLevel: "info" },
      database: t.database,
      migration: "test",
      clock: t.clock,
      logDestination: { write: (line) => void lines.push(line) },
    });
    await app.ready();
    try {
      await buildPerson(t.database.db, { fullName: "Phạm Thị Thu Hằng" });
      const cookie = `${sessionCookieName(t.config)}=${officer.cookie!.split("=")[1]}`;
      const name = "Phạm Thị Thu Hằng";
      const res = await app.inject({
        method: "GET",
        url: `${API}/people?q=${encodeURIComponent(name)}&page=1`,
        headers: { cookie },
        remoteAddress: officer.ip,
      });
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body).items.map((p: { fullName: string }) => p.fullName)).toContain(name);
      // Also a page address of the web app with the search in it.
      await app.inject({ method: "GET", url: `/people?q=${encodeURIComponent("Hằng")}`, remoteAddress: officer.ip });

      const log = lines.join("");
      const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req);
      expect(requestLines.map((l) => l.req.url)).toContain(`${API}/people?q=[redacted]&page=1`);
      expect(requestLines.find((l) => l.req.url.startsWith(`${API}/people`))?.req.route).toBe(`${API}/people`);
      for (const needle of [name, encodeURIComponent(name), "Hằng", encodeURIComponent("Hằng"), "Ph%E1%BA%A1m", "Pham"]) {
        expect(log.includes(needle), needle).toBe(false);
      }
      expect(log).not.toContain(officer.cookie!.split("=")[1]);
    } finally {
      await app.close();
    }
  });
});
