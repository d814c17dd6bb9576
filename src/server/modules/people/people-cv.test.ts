// A person's activities (tasks led or joined, councils sat on, registered results) and their scientific CV (.docx):
// through the real app, the CV read back with the docx reader; who sees what (contact data, council memberships,
// tasks), 404 for a person that does not exist, and the export audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildConcludedCouncil, buildDossier, buildOrganisation, buildPerson, buildTaskInProgress, signedIn } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";
import { testClockOf } from "../../testing/test-clock.js";
import { readDocx, type ReadDocx } from "../../documents/docx-reader.js";
import { CONTACT_WITHHELD, SCIENTIFIC_CV_TITLE } from "../../documents/index.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let piClient: Client;
let memberClient: Client;
let expertClient: Client;
let other: Client;
const ids = {} as Record<"pi" | "member" | "expert" | "empty" | "led" | "registered" | "council" | "org", string>;
let ledCode = "";
let registeredTitle = "";
let registeredCode = "";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = testClockOf(db).now();
  const org = await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản", address: "224 Lê Lai, Ngô Quyền" });
  ids.org = org.id;
  const pi = await buildPerson(db, {
    fullName: "Nguyễn Văn Cường",
    title: "PGS",
    degree: "TS",
    email: "cuong@example.vn",
    phone: "0912 000 222",
    primaryOrganisationId: org.id,
    education: [
      { level: "DH", institution: "Trường Đại học Hàng hải Việt Nam", field: "Máy tàu thủy", year: 1997 },
      { level: "TS", institution: "Trường Đại học Bách khoa Hà Nội", field: null, year: null },
    ],
    languages: [{ language: "Tiếng Anh", listening: "good", speaking: "fair", writing: "average", reading: "good" }],
    awards: [
      { name: "Giải thưởng Sáng tạo khoa học công nghệ Việt Nam", year: 2019, awardedBy: "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam" },
      { name: "Bằng khen của UBND thành phố Hải Phòng", year: 2021, awardedBy: null },
    ],
  });
  await db.execute(
    sql`INSERT INTO person_affiliations (person_id, organisation_id, position, start_date) VALUES (${pi.id}, ${org.id}, ${"Trưởng phòng Công nghệ sinh học"}, ${"2010-03-01"})`,
  );
  const member = await buildPerson(db, { fullName: "Trần Thị Lan" });
  const expert = await buildPerson(db, { fullName: "Lê Văn Đức" });
  const empty = await buildPerson(db, { fullName: "Phạm Thị Mai", degree: null, email: "mai@example.vn" });
  Object.assign(ids, { pi: pi.id, member: member.id, expert: expert.id, empty: empty.id });

  officer = (await signedIn(t, { roles: ["officer"] })).client;
  leader = (await signedIn(t, { roles: ["leader"] })).client;
  const piUser = await signedIn(t, { roles: ["pi"], personId: pi.id });
  piClient = piUser.client;
  memberClient = (await signedIn(t, { roles: ["pi"], personId: member.id })).client;
  expertClient = (await signedIn(t, { roles: ["expert"], personId: expert.id })).client;
  other = (await signedIn(t, { roles: ["enterprise"] })).client;

  // A task the PI leads, its selected dossier's team with the member; a selection council with the expert as reviewer.
  const led = await buildTaskInProgress(db, {
    piPersonId: pi.id,
    leadOrganisationId: org.id,
    ownerUserId: piUser.user.id,
    startDate: "2026-01-01",
    endDate: "2027-06-30",
    milestones: [["2026-01-01", "2026-12-31"]],
  });
  ids.led = led.taskId;
  await db.execute(
    sql`INSERT INTO task_dossier_team (dossier_id, person_id, role) VALUES (${led.dossierId}, ${pi.id}, 'pi'), (${led.dossierId}, ${member.id}, 'key_member')`,
  );
  ledCode = (await db.execute<{ code: string }>(sql`SELECT code FROM tasks WHERE id = ${led.taskId}`)).rows[0].code;
  ids.council = await buildConcludedCouncil(db, {
    taskId: led.taskId,
    kind: "selection",
    subjects: [{ dossierId: led.dossierId, selected: true }],
    concluded: false,
  });
  await db.execute(sql`INSERT INTO council_members (council_id, person_id, role, created_at) VALUES (${ids.council}, ${expert.id}, 'reviewer', ${now})`);
  await db.execute(sql`UPDATE councils SET meeting_at = ${"2025-11-20T02:00:00Z"}, status = 'concluded', concluded_at = ${now} WHERE id = ${ids.council}`);

  // An earlier task of the PI with its result registered and summarised (in the public catalogue), with a patent.
  const done = await buildTaskInProgress(db, {
    piPersonId: pi.id,
    leadOrganisationId: org.id,
    ownerUserId: piUser.user.id,
    startDate: "2022-01-01",
    endDate: "2023-12-31",
    state: "registered",
  });
  ids.registered = done.taskId;
  const d = await buildDossier(db, { taskId: done.taskId, status: "selected", ownerUserId: piUser.user.id, piPersonId: pi.id, leadOrganisationId: org.id });
  await db.execute(sql`INSERT INTO task_dossier_products (dossier_id, position, name, output_type, quantity, unit, quality_target)
    VALUES (${d.id}, 1, ${"Quy trình nuôi tôm tuần hoàn"}, 'patent', 1, ${"bằng"}, ${"được chấp nhận đơn"}),
           (${d.id}, 2, ${"Bài báo trên Tạp chí Khoa học Biển"}, 'publication', 1, ${"bài"}, ${"đăng"})`);
  const doneRow = (await db.execute<{ title_vi: string; code: string }>(sql`SELECT title_vi, code FROM tasks WHERE id = ${done.taskId}`)).rows[0];
  registeredTitle = doneRow.title_vi;
  registeredCode = doneRow.code;
  await db.execute(sql`UPDATE tasks SET selected_dossier_id = ${d.id}, registration_code = ${"ĐK-2024-017"}, registered_at = ${"2024-03-05T03:00:00Z"},
    result_grade = 'pass' WHERE id = ${done.taskId}`);
  await db.execute(sql`INSERT INTO task_result_summaries (task_id, abstract_vi, outputs_summary, created_at, updated_at)
    VALUES (${done.taskId}, ${"Tóm tắt kết quả"}, ${"Quy trình"}, ${now}, ${now})`);
});
afterAll(async () => t?.close());

const cv = async (c: Client, id: string) => {
  const r = await c.get(`/api/v1/people/${id}/cv.docx`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return readDocx(r.raw.rawPayload);
};
const text = (doc: ReadDocx) => doc.paragraphs.map((p) => p.text).join("\n");
describe("a person's activities (JSON)", () => {
  it("lists the tasks led and joined, the councils and the results, each openable only where the caller may", async () => {
    const r = await officer.get(`/api/v1/people/${ids.pi}/activities`);
    expect(r.status).toBe(200);
    expect(r.body.tasks.map((x: { id: string; role: string; canOpen: boolean }) => [x.id, x.role, x.canOpen])).toEqual([
      [ids.led, "pi", true],
      [ids.registered, "pi", true],
    ]);
    expect(r.body.results).toEqual([expect.objectContaining({ id: ids.registered, registrationCode: "ĐK-2024-017", published: true, resultGrade: "pass" })]);

    const member = await memberClient.get(`/api/v1/people/${ids.member}/activities`);
    // The member sees their own part in the task but may not open it (not linked to it).
    expect(member.body.tasks).toEqual([expect.objectContaining({ id: ids.led, role: "key_member", code: ledCode, canOpen: false })]);

    // Another user sees only the task whose result is public.
    const stranger = await other.get(`/api/v1/people/${ids.pi}/activities`);
    expect(stranger.body.tasks.map((x: { id: string }) => x.id)).toEqual([ids.registered]);
    expect(stranger.body.tasks[0].canOpen).toBe(false);
  });

  it("shows a council membership only inside the council: staff, leaders, its members — never an applicant", async () => {
    for (const c of [officer, leader, expertClient]) {
      const r = await c.get(`/api/v1/people/${ids.expert}/activities`);
      expect(r.body.councils).toEqual([
        expect.objectContaining({ id: ids.council, kind: "selection", role: "reviewer", status: "concluded", meetingAt: "2025-11-20T02:00:00.000Z" }),
      ]);
      expect(r.body.councils[0].tasks).toEqual([{ id: ids.led, code: ledCode, titleVi: expect.any(String) }]);
      expect(JSON.stringify(r.body)).not.toMatch(/score|total|average/i);
    }
    for (const c of [piClient, other]) expect((await c.get(`/api/v1/people/${ids.expert}/activities`)).body.councils).toEqual([]);
  });

  it("answers 404 for a person that does not exist, 401 without a session, 400 for a malformed id", async () => {
    expect((await officer.get(`/api/v1/people/00000000-0000-4000-8000-000000000000/activities`)).status).toBe(404);
    expect((await new Client(t).get(`/api/v1/people/${ids.pi}/activities`)).status).toBe(401);
    expect((await officer.get(`/api/v1/people/nope/activities`)).status).toBe(400);
  });
});

describe("the scientific CV (.docx)", () => {
  it("prints the form's items from the registry, the tasks, the results, and audits the export", async () => {
    const r = await officer.get(`/api/v1/people/${ids.pi}/cv.docx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("wordprocessingml");
    expect(r.headers["content-disposition"]).toMatch(/^attachment; filename="[^"/\\]+\.docx"; filename\*=UTF-8''/);
    const doc = await readDocx(r.raw.rawPayload);
    const all = text(doc);
    for (const l of SCIENTIFIC_CV_TITLE) expect(all).toContain(l);
    expect(all).toContain("Mẫu B1-4-LLCN");
    expect(all).toContain("1. Họ và tên: Nguyễn Văn Cường");
    expect(all).toContain("4. Học hàm, học vị: học hàm Phó giáo sư; học vị Tiến sĩ");
    expect(all).toContain("5. Chức danh nghiên cứu, chức vụ: Trưởng phòng Công nghệ sinh học");
    expect(all).toContain("- E-mail: cuong@example.vn");
    expect(all).toContain("- Tên tổ chức: Viện Nghiên cứu Hải sản");
    expect(all).toContain("13. Các hội đồng khoa học và công nghệ đã tham gia: Không có");
    const tasks = doc.tables.find((tbl) => tbl[0].includes("Tên nhiệm vụ (mã số)"))!;
    expect(tasks.slice(1).map((row) => row[2])).toEqual(["Chủ nhiệm", "Chủ nhiệm"]);
    expect(tasks[1][1]).toContain(`(${ledCode})`);
    expect(tasks[1][3]).toBe("01/2026 – 06/2027");
    const results = doc.tables.find((tbl) => tbl[0].includes("Công trình, kết quả"))!;
    expect(results.slice(1).map((row) => row[1])).toEqual([
      `Kết quả nhiệm vụ "${registeredTitle}" (${registeredCode}), nghiệm thu: Đạt`,
      "Bài báo trên Tạp chí Khoa học Biển",
    ]);
    expect(results[1][2]).toBe("Số đăng ký ĐK-2024-017");
    // 8: the training history, in the order kept; 9: the languages on the form's scale.
    expect(doc.tables.find((tbl) => tbl[0].includes("Nơi đào tạo"))).toEqual([
      ["TT", "Bậc đào tạo", "Nơi đào tạo", "Chuyên ngành", "Năm tốt nghiệp"],
      ["1", "Đại học", "Trường Đại học Hàng hải Việt Nam", "Máy tàu thủy", "1997"],
      ["2", "Tiến sĩ", "Trường Đại học Bách khoa Hà Nội", "", ""],
    ]);
    expect(doc.tables.find((tbl) => tbl[0].includes("Tên ngoại ngữ"))).toEqual([
      ["TT", "Tên ngoại ngữ", "Nghe", "Nói", "Viết", "Đọc hiểu tài liệu"],
      ["1", "Tiếng Anh", "Tốt", "Khá", "Trung bình", "Tốt"],
    ]);
    // 14: the awards declared, then the patent of the registered result.
    expect(doc.tables.find((tbl) => tbl[0].includes("Thuộc nhiệm vụ"))).toEqual([
      ["TT", "Loại", "Tên, nội dung", "Năm", "Thuộc nhiệm vụ"],
      ["1", "Giải thưởng", "Giải thưởng Sáng tạo khoa học công nghệ Việt Nam — Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "2019", ""],
      ["2", "Giải thưởng", "Bằng khen của UBND thành phố Hải Phòng", "2021", ""],
      ["3", "Sở hữu trí tuệ", "Quy trình nuôi tôm tuần hoàn", "", registeredCode],
    ]);
    // The signature block carries the person's name.
    expect(doc.tables.at(-1)!.flat().join("\n")).toContain("Nguyễn Văn Cường");

    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids.pi), eq(auditLog.action, "person.export")));
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ format: "docx", document: "scientific_cv", contact: true, tasks: 2, councils: 0, results: 1 });
  });

  it("prints 'Không có' for the sections the registry holds nothing for", async () => {
    const all = text(await cv(officer, ids.empty));
    expect(all).toContain("1. Họ và tên: Phạm Thị Mai");
    for (const item of [
      "4. Học hàm, học vị",
      "5. Chức danh nghiên cứu, chức vụ",
      "7. Tổ chức — nơi làm việc của cá nhân",
      "8. Quá trình đào tạo",
      "9. Trình độ ngoại ngữ",
      "10. Quá trình công tác",
      "11. Các công trình, kết quả khoa học và công nghệ",
      "12. Các nhiệm vụ khoa học và công nghệ đã chủ trì hoặc tham gia",
      "13. Các hội đồng khoa học và công nghệ đã tham gia",
      "14. Giải thưởng, văn bằng bảo hộ quyền sở hữu trí tuệ",
    ])
      expect(all).toContain(`${item}: Không có`);
    expect(all).toContain("- E-mail: mai@example.vn");
    expect(all).toContain("- Điện thoại: Không có");
  });

  it("prints the current degree and fields of science as the training when no history is kept", async () => {
    const doc = await cv(officer, ids.member);
    const education = doc.tables.find((tbl) => tbl[0].includes("Nơi đào tạo"))!;
    expect(education.slice(1)).toEqual([["1", "Tiến sĩ", "", expect.any(String), ""]]);
    expect(education[1][3]).not.toBe("");
    expect(text(doc)).toContain("9. Trình độ ngoại ngữ: Không có");
    expect(text(doc)).toContain("14. Giải thưởng, văn bằng bảo hộ quyền sở hữu trí tuệ: Không có");
  });

  it("withholds contact data and what the caller may not know from another user", async () => {
    const doc = await cv(other, ids.pi);
    const all = text(doc);
    expect(all).toContain("1. Họ và tên: Nguyễn Văn Cường");
    expect(all).toContain(`6. Địa chỉ liên hệ, điện thoại, e-mail: ${CONTACT_WITHHELD}`);
    expect(doc.document).not.toContain("cuong@example.vn");
    expect(doc.document).not.toContain("0912 000 222");
    // Only the task whose result is public.
    expect(doc.document).not.toContain(ledCode);
    expect(doc.document).toContain("ĐK-2024-017");
    // The person sees their own contact data.
    expect(text(await cv(piClient, ids.pi))).toContain("- E-mail: cuong@example.vn");
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ids.pi), eq(auditLog.action, "person.export")));
    expect(rows.map((x) => (x.details as { contact: boolean }).contact).sort()).toEqual([false, true, true]);
  });

  it("prints a council membership to those inside it, never to an applicant of the council", async () => {
    const inside = await cv(officer, ids.expert);
    const councils = inside.tables.find((tbl) => tbl[0].includes("Nhiệm vụ được xem xét"))!;
    expect(councils[1].slice(1)).toEqual([
      "Hội đồng tư vấn tuyển chọn, giao trực tiếp",
      expect.stringContaining(`(${ledCode})`),
      "Ủy viên phản biện",
      "20/11/2025",
    ]);
    expect(inside.document).not.toMatch(/điểm/i);
    expect(text(await cv(expertClient, ids.expert))).not.toContain("13. Các hội đồng khoa học và công nghệ đã tham gia: Không có");
    for (const c of [piClient, other]) expect(text(await cv(c, ids.expert))).toContain("13. Các hội đồng khoa học và công nghệ đã tham gia: Không có");
  });

  it("answers 404 for a person that does not exist (not audited) and 401 without a session", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const r = await officer.get(`/api/v1/people/${missing}/cv.docx`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("NOT_FOUND");
    const en = new Client(t);
    expect((await en.get(`/api/v1/people/${ids.pi}/cv.docx`)).status).toBe(401);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, missing), eq(auditLog.action, "person.export")));
    expect(rows).toHaveLength(0);
  });
});
