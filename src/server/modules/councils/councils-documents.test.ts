// The council's official documents through the real app: the establishment decision (members, roles, workplaces)
// and the minutes with the score table (staff only, after conclusion, audited as an export and a score view).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type Client, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, buildTask as insertTask, buildDossier as insertDossier, signedIn } from "../../testing/factories.js";
import type { Role } from "../../../common/roles.js";
import { auditLog, taskDossierBudget, taskDossierProducts, tasks, users } from "../../db/schema/index.js";
import { readDocx, type ReadDocx } from "../../documents/docx-reader.js";
import { meetingPeriod, vnDateTime, vnPlaceDateLine } from "../../documents/index.js";
import { SELECTION_RUBRICS } from "../../../common/councils/index.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let piClient: Client;
let stranger: Client;
const experts: { client: Client; personId: string; name: string }[] = [];
let orgA: string;
let orgB: string;
let piPerson: string;
let ip = 10;
let taskSeq = 0;

const API = "/api/v1/councils";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ROLES = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"] as const;

/** A signed-in user from an address of their own (one test's failed attempts never rate-limit another's). */
async function client(username: string, roles: Role[], o: { personId?: string; organisationId?: string } = {}) {
  return (await signedIn(t, { username, roles, ...o, ip: `10.19.0.${ip++}` })).client;
}
async function buildTask(o: Partial<typeof tasks.$inferInsert> = {}) {
  const row = await insertTask(t.database.db, {
    code: `ĐT.2026.D${++taskSeq}`,
    titleVi: `Nghiên cứu nuôi biển ${taskSeq}`,
    taskType: "de_tai",
    templateKey: "baseline-2013",
    templateVersion: 1,
    state: "selection_council",
    year: 2026,
    ...o,
  });
  return row;
}
async function buildDossier(taskId: string, ownerUserId: string, piPersonId: string, leadOrganisationId: string) {
  const row = await insertDossier(t.database.db, { taskId, ownerUserId, piPersonId, leadOrganisationId, status: "valid" });
  return row;
}
const scoresAt = (share: number) => SELECTION_RUBRICS.de_tai.map((c) => ({ criterionKey: c.key, points: Math.round(c.max * share) }));
const table = (doc: ReadDocx, first: string) => doc.tables.find((x) => x[0]?.[0] === first || x[0]?.[1] === first);
const audits = (id: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

beforeAll(async () => {
  // A meeting lasts longer than the default idle time of a session.
  t = await createTestApp({ session: { idleMinutes: 600, idleMinutesAdmin: 600, absoluteHours: 24 } });
  const db = t.database.db;
  orgA = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" })).id;
  orgB = (await buildOrganisation(db, { nameVi: "Trường Đại học Hàng hải Việt Nam" })).id;
  const expertOrg = (await buildOrganisation(db, { nameVi: "Viện Tài nguyên và Môi trường biển" })).id;
  piPerson = (await buildPerson(db, { fullName: "Trần Chủ Nhiệm", primaryOrganisationId: orgA })).id;
  officer = await client("officer", ["officer"]);
  leader = await client("leader", ["leader"]);
  piClient = await client("pi", ["pi"], { personId: piPerson, organisationId: orgA });
  stranger = await client("stranger", ["pi"], { personId: (await buildPerson(db)).id });
  for (let i = 0; i < 9; i++) {
    const name = `Chuyên Gia ${String.fromCharCode(65 + i)}`;
    const p = await buildPerson(db, { fullName: name, title: i === 0 ? "PGS" : null, degree: "TS", primaryOrganisationId: expertOrg });
    experts.push({ client: await client(`expert${i}`, ["expert"], { personId: p.id }), personId: p.id, name });
  }
});
afterAll(async () => t?.close());

describe(`council documents (${testDbMode()})`, () => {
  let c: any;
  let subjectA: string;
  let subjectB: string;

  it("establishment decision: staff get the draft's text; members, roles and workplaces in the table; audited", async () => {
    const task = await buildTask({ proposingOrganisationId: orgA });
    const [piUser] = await t.database.db.select().from(users).where(eq(users.username, "pi"));
    const pB = await buildPerson(t.database.db, { fullName: "Vũ Chủ Nhiệm B", primaryOrganisationId: orgB });
    const ownerB = await buildUser(t.database.db, { roles: ["pi"], personId: pB.id });
    const dA = await buildDossier(task.id, piUser.id, piPerson, orgA);
    const dB = await buildDossier(task.id, ownerB.id, pB.id, orgB);
    await t.database.db.insert(taskDossierBudget).values([
      { dossierId: dA.id, year: 2026, source: "city", category: "labour", amount: 900_000_000 },
      { dossierId: dB.id, year: 2026, source: "city", category: "labour", amount: 1_200_000_000 },
    ] as (typeof taskDossierBudget.$inferInsert)[]);
    const r = await officer.post(API, { kind: "selection", title: "Hội đồng tuyển chọn nuôi biển", taskIds: [task.id], place: "Phòng họp số 2" });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    c = r.body;
    for (let i = 0; i < 9; i++) {
      const m = await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] });
      expect(m.status, JSON.stringify(m.body)).toBe(200);
      c = m.body;
    }
    subjectA = c.subjects.find((s: any) => s.dossierId === dA.id).id;
    subjectB = c.subjects.find((s: any) => s.dossierId === dB.id).id;

    const d = await officer.get(`${API}/${c.id}/establishment.docx`);
    expect(d.status).toBe(200);
    expect(d.headers["content-type"]).toBe(DOCX);
    expect(d.headers["content-disposition"]).toMatch(/^attachment; filename="[^"/\\]+\.docx"; filename\*=UTF-8''/);
    const doc = await readDocx(d.raw.rawPayload);
    const text = doc.paragraphs.map((x) => x.text);
    expect(text).toContain("QUYẾT ĐỊNH");
    expect(text.some((x) => x.includes(`Nghiên cứu nuôi biển ${taskSeq} (mã số: ${task.code})`))).toBe(true);
    const members = table(doc, "Họ và tên, học hàm, học vị")!;
    expect(members).toHaveLength(10);
    expect(members[1]).toEqual(["1", "PGS.TS. Chuyên Gia A", "Viện Tài nguyên và Môi trường biển", "Chủ tịch"]);
    expect(members.map((row) => row[3])).toEqual(expect.arrayContaining(["Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên, Thư ký khoa học", "Ủy viên"]));
    expect(text.some((x) => x.includes("TT 20/2023/TT-BKHCN"))).toBe(true);
    const rows = await audits(c.id, "council.export");
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ format: "docx", document: "establishment" });
  });

  it("establishment decision: the parties never see the composition (403), outsiders 404; members once invited", async () => {
    expect((await piClient.get(`${API}/${c.id}/establishment.docx`)).status).toBe(403);
    expect((await stranger.get(`${API}/${c.id}/establishment.docx`)).status).toBe(404);
    expect((await experts[3].client.get(`${API}/${c.id}/establishment.docx`)).status).toBe(403);
    c = (await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body;
    expect(c.status).toBe("invited");
    expect((await experts[3].client.get(`${API}/${c.id}/establishment.docx`)).status).toBe(200);
    expect((await leader.get(`${API}/${c.id}/establishment.docx`)).status).toBe(200);
  });

  it("minutes before conclusion: 409 for staff, 403 for a member; nothing audited", async () => {
    const early = await officer.get(`${API}/${c.id}/minutes.docx`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("DOCUMENT_NOT_AVAILABLE");
    expect(early.body.error.message).toMatch(/kết thúc/);
    officer.lang = "en";
    expect((await officer.get(`${API}/${c.id}/minutes.docx`)).body.error.message).toMatch(/concluded/);
    officer.lang = "vi";
    expect((await experts[0].client.get(`${API}/${c.id}/minutes.docx`)).status).toBe(403);
    expect(await audits(c.id, "council.scores_view")).toHaveLength(0);
  });

  it("minutes after conclusion: attendance, ballots, the score table members × criteria, averages, ranking", async () => {
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    const opened = t.clock.now();
    const presentIdx = [0, 1, 2, 3, 4, 5, 6];
    c = (
      await officer.post(`${API}/${c.id}/attendance`, {
        version: c.version,
        members: c.members.map((m: any) => ({ memberId: m.id, present: presentIdx.some((i) => experts[i].personId === m.personId) })),
      })
    ).body;
    expect(c.quorum.met).toBe(true);
    for (const i of presentIdx) {
      const e = experts[i].client;
      expect((await e.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true })).status).toBe(200);
      // member G's ballot on dossier A is an outlier (> 20% from the average): invalid
      expect((await e.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(i === 6 ? 0.3 : 0.85), submit: true })).status).toBe(200);
      expect((await e.put(`${API}/${c.id}/ballots/${subjectB}`, { scores: scoresAt(0.75), submit: true })).status).toBe(200);
    }
    // The meeting takes two and a half hours: the minutes show when it was opened and when it was concluded.
    t.clock.advance(150 * 60_000);
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    c = done.body;

    const r = await officer.get(`${API}/${c.id}/minutes.docx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(DOCX);
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((x) => x.text);
    expect(text).toContain("BIÊN BẢN");
    const ended = new Date(opened.getTime() + 150 * 60_000);
    expect(text.some((x) => x.startsWith(`3. Thời gian: ${meetingPeriod(opened, ended)}. Địa điểm:`))).toBe(true);
    expect(meetingPeriod(opened, ended)).not.toMatch(/……/);
    expect(text.some((x) => x.endsWith(`Cuộc họp kết thúc vào ${vnDateTime(ended)}./.`))).toBe(true);
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", opened));
    expect(
      text.some(
        (x) =>
          x.startsWith("4. Số thành viên có mặt: 7/9 thành viên") &&
          x.includes(
            "(Chuyên Gia A, Chuyên Gia B, Chuyên Gia C, Chuyên Gia D, Chuyên Gia E, Chuyên Gia F, Chuyên Gia G). Vắng mặt: 2 thành viên (Chuyên Gia H, Chuyên Gia I).",
          ),
      ),
    ).toBe(true);
    expect(text).toContain("Số phiếu phát ra: 14; số phiếu thu về: 14; số phiếu hợp lệ: 13; số phiếu không hợp lệ: 1.");
    expect(text.some((x) => x.startsWith("- Phiếu của Chuyên Gia G (") && x.includes("lệch quá 20%"))).toBe(true);
    expect(text.some((x) => x.includes("Phòng họp số 2"))).toBe(true);

    const scoreTables = doc.tables.filter((x) => x[0]?.[0] === "Thành viên");
    expect(scoreTables).toHaveLength(2);
    const tA = scoreTables.find((x) => x.some((row) => row[0] === "Chuyên Gia G" && row.at(-1) === "Không hợp lệ"))!;
    expect(tA).toBeDefined();
    const rubric = SELECTION_RUBRICS.de_tai;
    expect(tA[0].slice(1, 1 + rubric.length)).toEqual(rubric.map((k) => `${k.labelVi}\n(tối đa ${k.max})`));
    const rowA = tA.find((row) => row[0] === "Chuyên Gia A")!;
    const own = rubric.map((k) => Math.round(k.max * 0.85));
    expect(rowA.slice(1, 1 + rubric.length)).toEqual(own.map(String));
    expect(rowA.at(-2)).toBe(String(own.reduce((a, b) => a + b, 0)));
    expect(rowA.at(-1)).toBe("Hợp lệ");
    expect(tA).toHaveLength(1 + 7 + 1);
    expect(tA.at(-1)![0]).toBe("Điểm trung bình (phiếu hợp lệ)");
    expect(tA.at(-1)![1]).toBe(String(own[0]));

    // Dossier A: six valid ballots of 10 + 20 + 4 × 14 = 86 points; its organisation proposed the task: +10% = 8,6
    // (TT 20/2023), final 94,6. Dossier B: 9 + 18 + 4 × 12 = 75, no bonus. Each figure sits under the label that
    // names it, and the score table's average row agrees with the ranking's average column.
    expect(tA.at(-1)!.at(-2)).toBe("86");
    const ranking = table(doc, "Xếp hạng")!;
    expect(ranking[0]).toEqual(["Xếp hạng", "Hồ sơ", "Điểm trung bình của các phiếu hợp lệ", "Điểm ưu tiên (tổ chức đề xuất)", "Điểm xếp hạng", "Kết quả"]);
    // Dossier B (75/100) meets the pass mark but is ranked second: "Đạt" in the table, not selected.
    expect(ranking.slice(1).map((row) => [row[0], ...row.slice(2)])).toEqual([
      ["1", "86", "8,6", "94,6", "Đạt"],
      ["2", "75", "0", "75", "Đạt"],
    ]);
    expect(text).toContain("Xếp hạng theo điểm xếp hạng (điểm trung bình của các phiếu hợp lệ cộng điểm ưu tiên cho tổ chức đề xuất nhiệm vụ):");
    expect(text.some((x) => x.includes("đạt yêu cầu, không xếp thứ nhất"))).toBe(true);
    expect(
      text.some((x) => x.includes("Viện Nghiên cứu Hải sản: điểm trung bình của các phiếu hợp lệ 86; điểm ưu tiên 8,6; điểm xếp hạng 94,6; xếp hạng 1;")),
    ).toBe(true);
    expect(ranking[1][1]).toContain("Viện Nghiên cứu Hải sản");
    expect(c.results.find((x: any) => x.subjectId === subjectA)).toMatchObject({ average: 86, bonus: 8.6, score: 94.6 });
    expect(text.some((x) => x.includes("Hội đồng kiến nghị giao hồ sơ này chủ trì"))).toBe(true);
    expect(doc.tables.at(-1)![0].join("\n")).toContain("Chuyên Gia E");

    const exports = await audits(c.id, "council.export");
    expect(exports.map((x) => (x.details as any).document)).toContain("minutes");
    const views = await audits(c.id, "council.scores_view");
    expect(views).toHaveLength(1);
    expect(views[0].details).toMatchObject({ scope: "all", ballots: 14, document: "minutes" });
  });

  it("minutes after conclusion: a member, a leader and a party cannot download others' scores", async () => {
    expect((await experts[0].client.get(`${API}/${c.id}/minutes.docx`)).status).toBe(403);
    expect((await leader.get(`${API}/${c.id}/minutes.docx`)).status).toBe(403);
    expect((await piClient.get(`${API}/${c.id}/minutes.docx`)).status).toBe(403);
    expect((await stranger.get(`${API}/${c.id}/minutes.docx`)).status).toBe(404);
    expect((await officer.get(`${API}/00000000-0000-4000-8000-000000000000/minutes.docx`)).status).toBe(404);
    expect(await audits(c.id, "council.scores_view")).toHaveLength(1);
  });

  it("acceptance minutes: grade counts per product and report, the members' grades and the council's grade", async () => {
    const db = t.database.db;
    const owner = await buildUser(db, { roles: ["pi"] });
    const dossier = await buildDossier((await buildTask()).id, owner.id, piPerson, orgA);
    await db
      .insert(taskDossierProducts)
      .values([
        { dossierId: dossier.id, position: 1, name: "Quy trình nuôi cá song", outputType: "solution", quantity: 1, unit: "quy trình", qualityTarget: "TCVN" },
      ]);
    const task = await buildTask({ leadOrganisationId: orgA, piPersonId: piPerson, selectedDossierId: dossier.id, state: "acceptance_council" });
    let a = (await officer.post(API, { kind: "acceptance", title: "Hội đồng nghiệm thu nuôi cá song", taskIds: [task.id] })).body;
    for (let i = 0; i < 9; i++) a = (await officer.post(`${API}/${a.id}/members`, { version: a.version, personId: experts[i].personId, role: ROLES[i] })).body;
    a = (await officer.post(`${API}/${a.id}/invite`, { version: a.version })).body;
    expect(a.status, JSON.stringify(a)).toBe("invited");
    a = (await officer.post(`${API}/${a.id}/open`, { version: a.version })).body;
    a = (await officer.post(`${API}/${a.id}/attendance`, { version: a.version, members: a.members.map((m: any) => ({ memberId: m.id, present: true })) })).body;
    const s = a.subjects[0];
    for (let i = 0; i < 9; i++) {
      const e = experts[i].client;
      await e.post(`${API}/${a.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true });
      const scores = s.criteria.map((k: any) => ({ criterionKey: k.key, level: i < 6 ? "excellent" : "pass" }));
      expect((await e.put(`${API}/${a.id}/ballots/${s.id}`, { scores, submit: true })).status).toBe(200);
    }
    const done = await officer.post(`${API}/${a.id}/conclude`, { version: a.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const grade = done.body.results[0].grade as "excellent" | "pass";
    const r = await officer.get(`${API}/${a.id}/minutes.docx`);
    expect(r.status).toBe(200);
    const doc = await readDocx(r.raw.rawPayload);
    const products = table(doc, "Sản phẩm")!;
    expect(products.slice(1)).toEqual([
      ["Quy trình nuôi cá song — số lượng, khối lượng", "6", "3", "0"],
      ["Quy trình nuôi cá song — chất lượng", "6", "3", "0"],
      ["Báo cáo tổng hợp kết quả thực hiện nhiệm vụ", "6", "3", "0"],
    ]);
    const counts = done.body.results[0].gradeCounts;
    expect(table(doc, "Mức đánh giá")!.slice(1)).toEqual([
      ["Xuất sắc", String(counts.excellent)],
      ["Đạt", String(counts.pass)],
      ["Không đạt", String(counts.fail)],
    ]);
    const text = doc.paragraphs.map((x) => x.text);
    expect(text).toContain(`3. Kết quả đánh giá của Hội đồng: ${grade === "excellent" ? "XUẤT SẮC" : "ĐẠT"}.`);
  });
});
