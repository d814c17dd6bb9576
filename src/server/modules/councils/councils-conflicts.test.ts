// Conflicts of interest found late, through the real app: the check runs again on the current registries when the
// invitations go out, before each ballot is accepted and before the results; a conflict found since blocks that member until a leader or
// administrator overrides it with a reason (audited). Also: council wrong-state errors (INVALID_STATE, naming the
// state and what is possible in it) and the OpenAPI description of the ballot body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, buildTask, buildDossier } from "../../testing/factories.js";
import { auditLog, councilBallots, people, taskDossierTeam } from "../../db/schema/index.js";
import { SELECTION_RUBRICS, VOTING_ROLES } from "../../../common/councils/index.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let ip = 10;
const API = "/api/v1/councils";
const ROLES = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"] as const;
const experts: { client: Client; personId: string; name: string }[] = [];
let orgB: string;
let dossierA: string;
let dossierB: string;
let taskId: string;
let c: any;
const scoresAt = (share: number) => SELECTION_RUBRICS.de_tai.map((k) => ({ criterionKey: k.key, points: Math.round(k.max * share) }));
const audits = (action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, action)));
const memberOf = (i: number) => c.members.find((m: any) => m.personId === experts[i].personId);
const refresh = async () => (c = (await officer.get(`${API}/${c.id}`)).body);

async function client(username: string) {
  const cl = new Client(t, `10.39.0.${ip++}`);
  await cl.login(username);
  return cl;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const orgA = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" })).id;
  orgB = (await buildOrganisation(db, { nameVi: "Trường Đại học Hàng hải Việt Nam" })).id;
  await buildUser(db, { username: "officer", roles: ["officer"] });
  await buildUser(db, { username: "leader", roles: ["leader"] });
  officer = await client("officer");
  leader = await client("leader");
  for (let i = 0; i < 9; i++) {
    const name = `Chuyên Gia ${String.fromCharCode(65 + i)}`;
    const p = await buildPerson(db, { fullName: name, primaryOrganisationId: null });
    await buildUser(db, { username: `expert${i}`, roles: ["expert"], personId: p.id });
    experts.push({ client: await client(`expert${i}`), personId: p.id, name });
  }
  const task = await buildTask(db, {
    code: "ĐT.2026.XĐ",
    titleVi: "Nghiên cứu xung đột lợi ích",
    taskType: "de_tai",
    templateKey: "baseline-2013",
    templateVersion: 1,
    state: "selection_council",
    year: 2026,
    proposingOrganisationId: orgA,
  });
  taskId = task.id;
  const owner = await buildUser(db, { roles: ["pi"] });
  const dossier = async (org: string) =>
    (
      await buildDossier(db, {
        taskId,
        ownerUserId: owner.id,
        piPersonId: (await buildPerson(db, { primaryOrganisationId: org })).id,
        leadOrganisationId: org,
        status: "valid",
      })
    ).id;
  dossierA = await dossier(orgA);
  dossierB = await dossier(orgB);
});
afterAll(async () => t?.close());

describe(`conflicts of interest checked again (${testDbMode()})`, () => {
  it("a draft council with nine members, none in conflict when added", async () => {
    c = (await officer.post(API, { kind: "selection", title: "Hội đồng tuyển chọn kiểm tra xung đột", taskIds: [taskId] })).body;
    for (let i = 0; i < 9; i++) {
      const r = await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      c = r.body;
    }
    expect(c.members.every((m: any) => m.blockingConflicts.length === 0)).toBe(true);
  });

  it("a wrong state answers INVALID_STATE naming the state and what is possible in it (vi and en)", async () => {
    const r = await officer.post(`${API}/${c.id}/open`, { version: c.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("INVALID_STATE");
    expect(r.body.error.details).toEqual({ state: "draft", command: "open", allowed: ["update", "members", "invite", "cancel"] });
    expect(r.body.error.message).toBe(
      "Không thể khai mạc phiên họp khi hội đồng đang ở trạng thái “Nháp”. Ở trạng thái này có thể: sửa thông tin hội đồng, thêm, bớt thành viên, gửi giấy mời, huỷ hội đồng.",
    );
    officer.lang = "en";
    const en = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    officer.lang = "vi";
    expect(en.body.error.code).toBe("INVALID_STATE");
    expect(en.body.error.message).toBe(
      "Cannot conclude while the council is “Draft”. Possible now: edit the council, add or remove members, send the invitations, cancel the council.",
    );
    // a member, before the session: nothing they may do yet
    const subject = c.subjects[0].id;
    const ballot = await experts[0].client.put(`${API}/${c.id}/ballots/${subject}`, { scores: scoresAt(0.8) });
    expect(ballot.status).toBe(409);
    expect(ballot.body.error).toMatchObject({ code: "INVALID_STATE", details: { state: "draft", command: "ballot", allowed: [] } });
    expect(ballot.body.error.message).toBe("Không thể chấm phiếu khi hội đồng đang ở trạng thái “Nháp”. Ở trạng thái này có thể: không có thao tác nào.");
    const paper = await officer.post(`${API}/${c.id}/members/${memberOf(0).id}/paper-declaration`, {
      version: c.version,
      signedOn: "2026-11-20",
      statement: "Tôi cam kết không có xung đột lợi ích",
    });
    expect(paper.body.error).toMatchObject({ code: "INVALID_STATE", details: { state: "draft", command: "paperDeclaration" } });
  });

  it("invitation: a member who since joined an applicant organisation blocks it, the reason naming the member and the conflict", async () => {
    const db = t.database.db;
    await db.update(people).set({ primaryOrganisationId: orgB }).where(eq(people.id, experts[5].personId));
    const before = c.version;
    const r = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT_OF_INTEREST");
    expect(r.body.error.message).toContain("Chuyên Gia F: Đang công tác tại tổ chức chủ trì / đăng ký Trường Đại học Hàng hải Việt Nam (ĐT.2026.XĐ).");
    expect(r.body.error.message).not.toContain("Chuyên Gia A");
    expect(r.body.error.details.members).toEqual([
      expect.objectContaining({
        memberId: memberOf(5).id,
        personId: experts[5].personId,
        fullName: "Chuyên Gia F",
        lines: [expect.objectContaining({ code: "works_at" })],
      }),
    ]);
    officer.lang = "en";
    expect((await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body.error.message).toContain(
      "Chuyên Gia F: Works at the lead / applicant organisation Trường Đại học Hàng hải Việt Nam",
    );
    officer.lang = "vi";
    // nothing moved; the refusal and every member's check are kept
    await refresh();
    expect(c).toMatchObject({ status: "draft", version: before });
    expect(memberOf(5).blockingConflicts.map((l: any) => l.code)).toEqual(["works_at"]);
    expect(c.members.filter((m: any) => m.blockingConflicts.length)).toHaveLength(1);
    const refused = await audits("council.invite_refused");
    expect(refused).toHaveLength(2);
    expect(refused[0].outcome).toBe("denied");
    const kept = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM council_conflict_checks WHERE council_id = ${c.id} AND person_id = ${experts[5].personId}`,
    );
    expect(kept.rows[0].n).toBe(3); // when added, and at each of the two invitations
    // members see who sits with them, not the staff's conflict findings
    expect((await experts[0].client.get(`${API}/${c.id}`)).body.members.every((m: any) => m.blockingConflicts.length === 0)).toBe(true);
    // the decision waits on the leader's home, naming the member; not on the officer's, who may not take it
    const leaderWork = (await leader.get("/api/v1/me/work")).body.items;
    expect(leaderWork.find((i: any) => i.key === `council:${c.id}:overrideConflict:${memberOf(5).id}`)).toMatchObject({
      source: "councils",
      role: "leader",
      action: "overrideConflict",
      actionVi: "Chấp thuận xung đột lợi ích (kèm lý do)",
      recordCode: "Chuyên Gia F",
      href: `/councils/${c.id}`,
    });
    expect((await officer.get("/api/v1/me/work")).body.items.some((i: any) => i.action === "overrideConflict")).toBe(false);
  });

  it("only a leader or administrator overrides it, with a reason (audited); then the invitations go out", async () => {
    const path = `${API}/${c.id}/members/${memberOf(5).id}/override-conflict`;
    expect((await officer.post(path, { version: c.version, reason: "Chuyên gia duy nhất" })).status).toBe(403);
    expect((await leader.post(path, { version: c.version })).status).toBe(400);
    const stale = await leader.post(path, { version: c.version - 1, reason: "Chuyên gia duy nhất" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    const ok = await leader.post(path, { version: c.version, reason: "Chuyên gia duy nhất về nuôi biển; không chấm hồ sơ của trường" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    c = ok.body;
    expect(memberOf(5)).toMatchObject({
      conflictOverridden: true,
      conflictOverrideReason: "Chuyên gia duy nhất về nuôi biển; không chấm hồ sơ của trường",
      blockingConflicts: [],
    });
    const a = await audits("council.member_override");
    expect(a).toHaveLength(1);
    expect(a[0].after).toMatchObject({
      memberId: memberOf(5).id,
      reason: "Chuyên gia duy nhất về nuôi biển; không chấm hồ sơ của trường",
      lines: [expect.objectContaining({ code: "works_at" })],
    });
    // decided: no longer waiting on the leader's home
    expect((await leader.get("/api/v1/me/work")).body.items.some((i: any) => i.action === "overrideConflict")).toBe(false);
    // nothing to override for a member without a conflict
    const none = await leader.post(`${API}/${c.id}/members/${memberOf(0).id}/override-conflict`, { version: c.version, reason: "Không cần" });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe("NO_CONFLICT");
    expect(none.body.error.message).toContain("Chuyên Gia A");
    const inv = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(inv.status, JSON.stringify(inv.body)).toBe(200);
    c = inv.body;
    expect(c.status).toBe("invited");
  });

  it("before a ballot: a member who since joined a dossier's team is refused 409 with the reason, nothing stored, the refusal kept", async () => {
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    c = (await officer.post(`${API}/${c.id}/attendance`, { version: c.version, members: c.members.map((m: any) => ({ memberId: m.id, present: true })) })).body;
    for (const e of experts)
      expect((await e.client.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true })).status).toBe(200);
    const subjectA = c.subjects.find((s: any) => s.dossierId === dossierA).id;
    expect((await experts[0].client.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.8), submit: true })).status).toBe(200);

    await t.database.db
      .insert(taskDossierTeam)
      .values({ dossierId: dossierA, personId: experts[6].personId, position: 1, role: "member" } as typeof taskDossierTeam.$inferInsert);
    const r = await experts[6].client.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.8), submit: true });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT_OF_INTEREST");
    expect(r.body.error.message).toBe(
      "Phiếu chưa được nhận: kiểm tra lại cho thấy thành viên Chuyên Gia G có xung đột lợi ích (Là thành viên nhóm thực hiện của hồ sơ ĐT.2026.XĐ). Cần lãnh đạo hoặc quản trị chấp thuận kèm lý do.",
    );
    expect(r.body.error.details).toMatchObject({ memberId: memberOf(6).id, subjectId: subjectA, lines: [expect.objectContaining({ code: "team" })] });
    // the officer cannot enter that member's paper ballot either
    const paper = await officer.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.8), submit: true, memberId: memberOf(6).id });
    expect(paper.status).toBe(409);
    expect(paper.body.error.code).toBe("CONFLICT_OF_INTEREST");
    expect(
      await t.database.db
        .select()
        .from(councilBallots)
        .where(eq(councilBallots.memberId, memberOf(6).id)),
    ).toEqual([]);
    const refused = await audits("council.ballot_refused");
    expect(refused).toHaveLength(2);
    expect(refused.every((x) => x.outcome === "denied")).toBe(true);
    expect(memberOf(6).blockingConflicts).toEqual([]); // the view read before the check
    await refresh();
    expect(memberOf(6).blockingConflicts.map((l: any) => l.code)).toEqual(["team"]);
    // From now on the member's own page says the ballots wait for an override, before they try again.
    const scoring = (await experts[6].client.get(`${API}/${c.id}`)).body.scoring;
    expect(scoring).toEqual({
      allowed: false,
      reason: { vi: expect.stringContaining("xung đột lợi ích"), en: expect.stringContaining("conflict of interest") },
    });
    expect((await experts[0].client.get(`${API}/${c.id}`)).body.scoring).toEqual({ allowed: true, reason: null });
  });

  it("an override covers the conflicts it was granted for: a new one blocks the member again", async () => {
    const subjectB = c.subjects.find((s: any) => s.dossierId === dossierB).id;
    // expert F (works at organisation B, overridden) is now also on dossier B's team
    await t.database.db
      .insert(taskDossierTeam)
      .values({ dossierId: dossierB, personId: experts[5].personId, position: 1, role: "member" } as typeof taskDossierTeam.$inferInsert);
    const r = await experts[5].client.put(`${API}/${c.id}/ballots/${subjectB}`, { scores: scoresAt(0.7), submit: true });
    expect(r.status).toBe(409);
    expect(r.body.error.details.lines.map((l: any) => l.code)).toEqual(["team"]);
    expect(r.body.error.message).not.toContain("Đang công tác");
  });

  it("a leader overrides in session with a reason; the member's ballot is then accepted", async () => {
    const subjectA = c.subjects.find((s: any) => s.dossierId === dossierA).id;
    const ok = await leader.post(`${API}/${c.id}/members/${memberOf(6).id}/override-conflict`, {
      version: c.version,
      reason: "Chỉ tham gia nhóm sau khi hội đồng đã họp; Sở chấp thuận",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    c = ok.body;
    expect(memberOf(6)).toMatchObject({ conflictOverridden: true, blockingConflicts: [] });
    const r = await experts[6].client.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.8), submit: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // in session, the lifecycle's own actions are named
    const wrong = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(wrong.body.error).toMatchObject({
      code: "INVALID_STATE",
      details: { state: "in_session", command: "invite", allowed: ["attend", "conclude", "cancel", "paperBallot", "paperDeclaration"] },
    });
    expect(wrong.body.error.message).toContain("khi hội đồng đang ở trạng thái “Đang họp”");
  });

  it("at conclusion: a voting member found in conflict since scoring holds the results until a leader overrides it", async () => {
    const [subjectA, subjectB] = [dossierA, dossierB].map((d) => c.subjects.find((s: any) => s.dossierId === d).id);
    c = (
      await leader.post(`${API}/${c.id}/members/${memberOf(5).id}/override-conflict`, {
        version: c.version,
        reason: "Tham gia nhóm hồ sơ B sau khi được mời; Sở chấp thuận",
      })
    ).body;
    for (const [i, e] of experts.entries()) {
      if (!VOTING_ROLES.includes(ROLES[i])) continue;
      for (const subject of [subjectA, subjectB]) {
        if (subject === subjectA && (i === 0 || i === 6)) continue; // already scored
        const r = await e.client.put(`${API}/${c.id}/ballots/${subject}`, { scores: scoresAt(0.8), submit: true });
        expect(r.status, `${e.name}: ${JSON.stringify(r.body)}`).toBe(200);
      }
    }
    await refresh();
    // after every ballot is in, expert H joins dossier A's team
    await t.database.db
      .insert(taskDossierTeam)
      .values({ dossierId: dossierA, personId: experts[7].personId, position: 2, role: "member" } as typeof taskDossierTeam.$inferInsert);
    const r = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT_OF_INTEREST");
    expect(r.body.error.message).toBe(
      "Chưa kết luận được: kiểm tra lại xung đột lợi ích trên dữ liệu hiện tại cho thấy Chuyên Gia H: Là thành viên nhóm thực hiện của hồ sơ ĐT.2026.XĐ. Phiếu của thành viên này chưa được tính. Lãnh đạo / quản trị chấp thuận kèm lý do, hoặc ghi nhận thành viên vắng mặt (phiếu của họ không được tính).",
    );
    expect(r.body.error.details.members).toEqual([
      expect.objectContaining({ memberId: memberOf(7).id, fullName: "Chuyên Gia H", lines: [expect.objectContaining({ code: "team" })] }),
    ]);
    await refresh();
    expect(c.status).toBe("in_session");
    expect(memberOf(7).blockingConflicts.map((l: any) => l.code)).toEqual(["team"]);
    expect(await audits("council.conclude_refused")).toHaveLength(1);

    c = (
      await leader.post(`${API}/${c.id}/members/${memberOf(7).id}/override-conflict`, {
        version: c.version,
        reason: "Chỉ hỗ trợ số liệu sau phiên họp; không ảnh hưởng điểm",
      })
    ).body;
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe("concluded");
  });
});

describe("the ballot body in OpenAPI", () => {
  it("documents every field of a ballot, acceptance levels and quantity shortfall included", async () => {
    const r = await officer.get("/api/openapi.json");
    expect(r.status).toBe(200);
    const op = r.body.paths["/api/v1/councils/{id}/ballots/{subjectId}"].put;
    const body = op.requestBody.content["application/json"].schema;
    for (const [field, schema] of Object.entries<any>(body.properties)) expect(schema.description, field).toMatch(/\w{3,}/);
    const score = body.properties.scores.items;
    for (const [field, schema] of Object.entries<any>(score.properties)) expect(schema.description, `scores.${field}`).toMatch(/\w{3,}/);
    expect(score.properties.level.description).toMatch(/Acceptance/);
    expect(score.properties.percent.description).toMatch(/quantity/);
    expect(score.properties.criterionKey.description).toMatch(/product:<productId>:quality/);
    expect(r.body.paths["/api/v1/councils/{id}/members/{memberId}/override-conflict"].post.summary).toMatch(/conflict of interest found late/);
  });
});
