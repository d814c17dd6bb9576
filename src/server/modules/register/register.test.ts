// The register of documents issued through the real app: numbers taken when issued (per register, per year, from 1,
// no gap and no duplicate under concurrent issues), printed by the document, listed and searched, and the signed scan
// attached back to the entry.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type Client, type TestApp } from "../../testing/harness.js";
import { buildApprovedTask, buildOrganisation, buildPerson, buildTask, signedIn } from "../../testing/factories.js";
import { auditLog, documentRegister } from "../../db/schema/index.js";
import { readDocx } from "../../documents/docx-reader.js";
import { vnPlaceDateLine } from "../../documents/index.js";
import { vietnamDate } from "../../platform/clock.js";
import { templateInForce } from "../../platform/workflow.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let pi: Client;
let orgId: string;
let piPersonId: string;
let templateVersion: number;
let seq = 0;
const API = "/api/v1/document-register";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgId = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" })).id;
  piPersonId = (await buildPerson(db, { fullName: "Trần Thị Lan" })).id;
  templateVersion = (await templateInForce(db, "baseline-2013", vietnamDate(t.clock.now())))!.version;
  officer = (await signedIn(t, { roles: ["officer"], ip: "10.28.0.1" })).client;
  leader = (await signedIn(t, { roles: ["leader"], ip: "10.28.0.2" })).client;
  pi = (await signedIn(t, { roles: ["pi"], personId: piPersonId, ip: "10.28.0.3" })).client;
});
afterAll(async () => t?.close());

const approved = () =>
  buildApprovedTask(t.database.db, {
    code: `ĐT.RG.${String(++seq).padStart(3, "0")}`,
    titleVi: `Nghiên cứu phát triển nuôi biển số ${seq}`,
    templateVersion,
    year: 2026,
    piPersonId,
    leadOrganisationId: orgId,
    city: 500_000_000,
    other: 0,
    decisionNumber: "99/QĐ-SKHCN",
    decisionDate: "2026-11-20",
  });
const issue = (c: Client, entityId: string, kind = "approval_decision") => c.post(API, { kind, entityId });

function multipart(fileName: string, content: Buffer) {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`document register (${testDbMode()})`, () => {
  let first: { id: string; entityId: string };

  it("issues a document with the register's next number and today's date, which the document then prints", async () => {
    const task = await approved();
    const r = await issue(officer, task.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const today = vietnamDate(t.clock.now());
    expect(r.body).toMatchObject({
      register: "chung",
      year: Number(today.slice(0, 4)),
      number: 1,
      symbol: "01/QĐ-SKHCN",
      kind: "approval_decision",
      entityType: "task",
      entityId: task.id,
      typeName: "Quyết định",
      issuedOn: today,
      signed: null,
    });
    expect(r.body.summary).toContain(task.code);
    first = { id: r.body.id, entityId: task.id };
    const doc = await readDocx((await officer.get(`/api/v1/tasks/${task.id}/approval-decision.docx`)).raw.rawPayload);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("Số: 01/QĐ-SKHCN");
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", today));
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, task.id), eq(auditLog.action, "document.issue")));
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ number: 1, symbol: "01/QĐ-SKHCN" });
  });

  it("issues a document once; refusals (issued, not ready, unknown, not staff) leave no gap", async () => {
    const again = await issue(officer, first.entityId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_ISSUED");
    expect(again.body.error.message).toContain("01/QĐ-SKHCN");
    const draft = await buildTask(t.database.db, { templateVersion, state: "proposal" });
    const early = await issue(officer, draft.id);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("DOCUMENT_NOT_AVAILABLE");
    expect((await issue(officer, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await officer.post(API, { kind: "approval_decision", entityId: first.entityId, number: 5 })).status).toBe(400);
    expect((await issue(leader, (await approved()).id)).status).toBe(403);
    const next = await issue(officer, (await approved()).id);
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(2);
  });

  it("numbers concurrent issues one after another, no gap and no duplicate; the same document only once", async () => {
    const many = await Promise.all(Array.from({ length: 10 }, () => approved()));
    const results = await Promise.all(many.map((x) => issue(officer, x.id)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(results.map((r) => r.body.number).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const one = await approved();
    const same = await Promise.all(Array.from({ length: 5 }, () => issue(officer, one.id)));
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(same.filter((r) => r.status === 409).every((r) => r.body.error.code === "ALREADY_ISSUED")).toBe(true);
    expect(same.find((r) => r.status === 201)!.body.number).toBe(13);
    const numbers = (await t.database.db.select({ n: documentRegister.number }).from(documentRegister)).map((x) => x.n).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it("lists the register for officers and leaders, newest first, searched without accents; not for others", async () => {
    const list = await leader.get(`${API}?pageSize=200`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(13);
    expect(list.body.items[0].number).toBe(13);
    const found = await officer.get(`${API}?q=${encodeURIComponent("dt.rg.001")}`);
    expect(found.body.items.map((x: { number: number }) => x.number)).toEqual([1]);
    expect((await officer.get(`${API}?q=${encodeURIComponent("phe duyet nhiem vu")}`)).body.total).toBe(13);
    expect((await officer.get(`${API}?q=${encodeURIComponent("giấy chứng nhận")}`)).body.total).toBe(0);
    expect((await officer.get(`${API}?q=01%2FQĐ`)).body.items.map((x: { symbol: string }) => x.symbol)).toContain("01/QĐ-SKHCN");
    expect((await pi.get(API)).status).toBe(403);
  });

  it("attaches the signed scan (PDF only, staff only) and serves it back", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const m = multipart("QĐ 01 đã ký.pdf", pdf);
    const up = await officer.request("POST", `${API}/${first.id}/signed`, m.body, m.headers);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.signed).toMatchObject({ fileName: "QĐ 01 đã ký.pdf" });
    const fake = multipart("scan.pdf", Buffer.from("not a pdf"));
    expect((await officer.request("POST", `${API}/${first.id}/signed`, fake.body, fake.headers)).status).toBe(400);
    const byLeader = multipart("scan.pdf", pdf);
    expect((await leader.request("POST", `${API}/${first.id}/signed`, byLeader.body, byLeader.headers)).status).toBe(403);
    const dl = await leader.get(`${API}/${first.id}/signed`);
    expect(dl.status).toBe(200);
    expect(Buffer.compare(dl.raw.rawPayload, pdf)).toBe(0);
    expect((await officer.get(`${API}/00000000-0000-4000-8000-000000000000/signed`)).status).toBe(404);
  });

  it("starts again from 1 in a new year", async () => {
    const year = Number(vietnamDate(t.clock.now()).slice(0, 4));
    t.clock.set(new Date(`${year + 1}-01-01T02:00:00+07:00`));
    const fresh = (await signedIn(t, { roles: ["officer"], ip: "10.28.0.9" })).client;
    const r = await issue(fresh, (await approved()).id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ year: year + 1, number: 1, symbol: "01/QĐ-SKHCN", issuedOn: `${year + 1}-01-01` });
  });
});
