import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { auditLog, deletionRequests, people, personAffiliations } from "../../db/schema/index.js";
import { erasedName } from "../people/people.service.js";

let t: TestApp;
let officer: Client;
let alice: Client; // pi, the person who asks for deletion
let bob: Client; // pi, another person
let aliceId: string;
let bobId: string;
let orgId: string;

const PERSONAL = ["Trịnh Thị Lan", "lan.tt@example.vn", "0904 123 456", "15 Điện Biên Phủ", "0000-0001-2345-6789", "thuỷ văn"];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgId = (await buildOrganisation(db, { nameVi: "Viện Tài nguyên và Môi trường biển" })).id;
  const alicePerson = await buildPerson(db, {
    fullName: "Trịnh Thị Lan",
    email: "lan.tt@example.vn",
    phone: "0904 123 456",
    address: "15 Điện Biên Phủ",
    orcid: "0000-0001-2345-6789",
    keywords: ["thuỷ văn", "hải dương học"],
    birthYear: 1979,
    gender: "female",
    degree: "TS",
    fields: ["105"],
    isExpert: true,
    expertSince: "2019-05-01",
    primaryOrganisationId: orgId,
  });
  aliceId = alicePerson.id;
  await db.insert(personAffiliations).values({ personId: aliceId, organisationId: orgId, position: "Nghiên cứu viên chính", startDate: "2005-01-01" });
  bobId = (await buildPerson(db, { fullName: "Cao Văn Bình" })).id;
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  alice = (await signedIn(t, { username: "alice", roles: ["pi"], personId: aliceId })).client;
  bob = (await signedIn(t, { username: "bob", roles: ["pi"], personId: bobId })).client;
});
afterAll(async () => t?.close());

describe("deletion requests: access", () => {
  it("shows a request to its requester and to staff; anyone else gets 404 (IDOR)", async () => {
    const bobs = await bob.post("/api/v1/me/deletion-requests", { reason: "Chuyển công tác" });
    expect(bobs.status).toBe(201);
    expect((await bob.get(`/api/v1/deletion-requests/${bobs.body.id}`)).status).toBe(200);
    expect((await officer.get(`/api/v1/deletion-requests/${bobs.body.id}`)).body.abilities).toEqual({ read: true, complete: true, reject: true });
    const idor = await alice.get(`/api/v1/deletion-requests/${bobs.body.id}`);
    expect(idor.status).toBe(404);
    expect(JSON.stringify(idor.body)).not.toContain("Chuyển công tác");
    expect((await alice.get("/api/v1/deletion-requests/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await new Client(t).get(`/api/v1/deletion-requests/${bobs.body.id}`)).status).toBe(401);
    // The policy's refusal is audited as a denied access; a record that does not exist is just not found.
    const denied = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.map((r) => (r.details as { route: string; status: number }).status)).toEqual([404]);
    expect(denied[0].actorUsername).toBe("alice");
  });

  it("lets only staff list and resolve", async () => {
    expect((await alice.get("/api/v1/deletion-requests")).status).toBe(403);
    const [bobsReq] = (await officer.get("/api/v1/deletion-requests?status=open")).body.items;
    expect(bobsReq).toMatchObject({ personName: "Cao Văn Bình", requestedByUsername: "bob", status: "open" });
    expect((await bob.post(`/api/v1/deletion-requests/${bobsReq.id}/complete`, { version: 1 })).status).toBe(403);
    expect((await alice.post(`/api/v1/deletion-requests/${bobsReq.id}/reject`, { resolution: "x", version: 1 })).status).toBe(403);
    const search = await officer.get("/api/v1/deletion-requests?q=cao van");
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([bobsReq.id]);
  });

  it("rejects with a reason the person reads, leaving the person unchanged", async () => {
    const [req] = (await bob.get("/api/v1/me/deletion-requests")).body;
    expect((await officer.post(`/api/v1/deletion-requests/${req.id}/reject`, { version: 1 })).status).toBe(400);
    const r = await officer.post(`/api/v1/deletion-requests/${req.id}/reject`, {
      resolution: "Hồ sơ đang gắn với nhiệm vụ KH&CN chưa nghiệm thu",
      version: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "rejected", version: 2, abilities: { complete: false, reject: false } });
    expect((await bob.get("/api/v1/me/deletion-requests")).body[0]).toMatchObject({ status: "rejected", resolution: expect.stringContaining("nghiệm thu") });
    expect((await bob.get("/api/v1/me/person")).body.fullName).toBe("Cao Văn Bình");
    // Already handled: 409, whatever version is sent.
    const again = await officer.post(`/api/v1/deletion-requests/${req.id}/complete`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "INVALID_STATE",
      message: "Không thể xoá dữ liệu theo yêu cầu khi yêu cầu xoá dữ liệu đang ở trạng thái “Đã từ chối”. Ở trạng thái này có thể: không có thao tác nào.",
      details: { state: "rejected", command: "complete", allowed: [] },
    });
    expect((await officer.post(`/api/v1/deletion-requests/${req.id}/complete`, { version: 1 })).body.error.code).toBe("INVALID_STATE");
  });
});

describe("completing a deletion request", () => {
  it("anonymises the person, keeps affiliations and statistics, and keeps erased data out of the audit log", async () => {
    const asked = await alice.post("/api/v1/me/deletion-requests", { reason: "Không muốn xuất hiện trong danh sách chuyên gia" });
    expect(asked.status).toBe(201);
    const firstAuditId = (await t.database.db.select({ id: auditLog.id }).from(auditLog)).reduce((m, r) => Math.max(m, r.id), 0);

    const done = await officer.post(`/api/v1/deletion-requests/${asked.body.id}/complete`, { resolution: "Đã xoá theo yêu cầu", version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "completed", resolution: "Đã xoá theo yêu cầu", personName: erasedName(aliceId), version: 2 });
    expect(done.body.resolvedAt).toBe(t.clock.now().toISOString());

    const [p] = await t.database.db.select().from(people).where(eq(people.id, aliceId));
    expect(p).toMatchObject({
      fullName: `Đã xoá ${aliceId.slice(0, 8)}`,
      birthYear: null,
      keywords: [],
      orcid: null,
      email: null,
      phone: null,
      address: null,
      isExpert: false,
      expertSince: null,
      // anonymous statistics stay
      gender: "female",
      degree: "TS",
      fields: ["105"],
      primaryOrganisationId: orgId,
    });
    expect(await t.database.db.select().from(personAffiliations).where(eq(personAffiliations.personId, aliceId))).toHaveLength(1);
    const seen = await officer.get(`/api/v1/people/${aliceId}`);
    expect(seen.body).toMatchObject({ fullName: erasedName(aliceId), contact: { email: null, phone: null, address: null } });
    expect(seen.body.affiliations[0]).toMatchObject({ position: "Nghiên cứu viên chính" });
    expect((await officer.get("/api/v1/people?q=trinh thi lan")).body.total).toBe(0);

    // Audit rows written by the completion: which fields were erased, never their values.
    const rows = (await t.database.db.select().from(auditLog)).filter((r) => r.id > firstAuditId);
    expect(rows.map((r) => r.action)).toEqual(["person.erase", "deletion_request.complete"]);
    const erase = rows[0];
    expect(erase).toMatchObject({ entityType: "person", entityId: aliceId, actorUsername: "officer1", before: null, after: null });
    expect((erase.details as { erasedFields: string[] }).erasedFields).toEqual([
      "fullName",
      "birthYear",
      "keywords",
      "orcid",
      "email",
      "phone",
      "address",
      "isExpert",
      "expertSince",
    ]);
    const written = JSON.stringify(rows);
    for (const value of PERSONAL) expect(written, value).not.toContain(value);

    // Tracked to completion: the person sees the outcome and may export what is left.
    const mine = (await alice.get("/api/v1/me/deletion-requests")).body;
    expect(mine[0]).toMatchObject({ status: "completed" });
    const exported = await alice.get("/api/v1/me/export");
    for (const value of PERSONAL) expect(exported.raw.body, value).not.toContain(value);
  });

  it("answers 409 with the current request for a stale version, and 400 for bad input", async () => {
    const p = await buildPerson(t.database.db, { fullName: "Mạc Văn Hải" });
    const { client: carol } = await signedIn(t, { username: "carol", roles: ["expert"], personId: p.id });
    const asked = await carol.post("/api/v1/me/deletion-requests", {});
    expect(asked.status).toBe(201);
    const stale = await officer.post(`/api/v1/deletion-requests/${asked.body.id}/complete`, { version: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: asked.body.id, status: "open", version: 1 });
    expect((await officer.post(`/api/v1/deletion-requests/${asked.body.id}/complete`, { version: 1, status: "completed" })).status).toBe(400);
    expect((await officer.post(`/api/v1/deletion-requests/not-a-uuid/complete`, { version: 1 })).status).toBe(400);
    expect((await officer.get(`/api/v1/deletion-requests?status=done`)).status).toBe(400);
    const [row] = await t.database.db
      .select()
      .from(deletionRequests)
      .where(inArray(deletionRequests.id, [asked.body.id]));
    expect(row.status).toBe("open");
  });
});
