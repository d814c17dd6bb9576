import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser } from "../../testing/factories.js";
import { laboratories } from "../../db/schema/index.js";

let t: TestApp;
let pi: Client;

// The test clock starts at 2026-11-27 10:00 in Hải Phòng: ages are 2026 − birth year.
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await buildUser(db, { username: "pi1", roles: ["pi"] });
  pi = new Client(t, "10.3.0.1");
  await pi.login("pi1");

  const vmu = await buildOrganisation(db, { type: "university", nameVi: "Trường Đại học Hàng hải Việt Nam", district: "NGO_QUYEN" });
  await buildOrganisation(db, { type: "university", nameVi: "Trường Đại học Hải Phòng", district: "LE_CHAN" });
  const inst = await buildOrganisation(db, { type: "rd_institute", nameVi: "Viện Tài nguyên và Môi trường biển", district: null });
  await db.insert(laboratories).values([
    { organisationId: vmu.id, name: "PTN Vật liệu", scheme: "VILAS", accreditationNumber: "VILAS 101", expiresOn: "2027-06-30" },
    { organisationId: vmu.id, name: "PTN Cơ khí", scheme: "VILAS", accreditationNumber: "VILAS 102", expiresOn: "2025-01-01" },
    { organisationId: inst.id, name: "PTN Môi trường", scheme: "ISO17025", accreditationNumber: "ISO 7", expiresOn: null },
  ]);

  // fields: level-2 codes; the level-1 field is the first digit
  await buildPerson(db, { degree: "TS", gender: "male", birthYear: 1997, fields: ["102", "101"], isExpert: true }); // 29
  await buildPerson(db, { degree: "TSKH", gender: "female", birthYear: 1996, fields: ["201", "102"] }); // 30
  await buildPerson(db, { degree: "ThS", gender: "female", birthYear: 1977, fields: [], isExpert: true }); // 49
  await buildPerson(db, { degree: "DH", gender: "male", birthYear: 1967, fields: ["301"] }); // 59
  await buildPerson(db, { degree: null, gender: null, birthYear: 1966, fields: ["401"] }); // 60
  await buildPerson(db, { degree: "TS", gender: "other", birthYear: null, fields: ["602", "603"] }); // unknown
});
afterAll(async () => t?.close());

describe("dashboard summary", () => {
  it("counts the registries for any signed-in user", async () => {
    expect((await new Client(t).get("/api/v1/dashboard/summary")).status).toBe(401);
    const r = await pi.get("/api/v1/dashboard/summary");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      counts: { people: 6, experts: 2, organisations: 3, universities: 2, laboratories: 2, doctorates: 3 },
      peopleByDegree: [
        { code: "TS", count: 2 },
        { code: "DH", count: 1 },
        { code: "TSKH", count: 1 },
        { code: "ThS", count: 1 },
        { code: null, count: 1 },
      ],
      peopleByField: [
        { code: "1", count: 2 },
        { code: "2", count: 1 },
        { code: "3", count: 1 },
        { code: "4", count: 1 },
        { code: "6", count: 1 },
        { code: null, count: 1 },
      ],
      peopleByGender: [
        { code: "female", count: 2 },
        { code: "male", count: 2 },
        { code: "other", count: 1 },
        { code: null, count: 1 },
      ],
      peopleByAgeGroup: [
        { group: "under_30", count: 1 },
        { group: "30_39", count: 1 },
        { group: "40_49", count: 1 },
        { group: "50_59", count: 1 },
        { group: "60_plus", count: 1 },
        { group: "unknown", count: 1 },
      ],
      organisationsByType: [
        { code: "university", count: 2 },
        { code: "rd_institute", count: 1 },
      ],
      organisationsByDistrict: [
        { code: "LE_CHAN", count: 1 },
        { code: "NGO_QUYEN", count: 1 },
        { code: null, count: 1 },
      ],
    });
  });

  it("computes ages and accreditation validity from the server clock in Vietnam time", async () => {
    const at = async (instant: string) => {
      t.clock.set(new Date(instant));
      const c = new Client(t, "10.3.0.2");
      await c.login("pi1");
      return (await c.get("/api/v1/dashboard/summary")).body;
    };
    // 31/12/2026 17:30 UTC is already 1/1/2027 00:30 in Hải Phòng: everyone is a year older.
    const newYear = await at("2026-12-31T17:30:00Z");
    expect(newYear.peopleByAgeGroup).toEqual([
      { group: "under_30", count: 0 },
      { group: "30_39", count: 2 },
      { group: "40_49", count: 0 },
      { group: "50_59", count: 1 },
      { group: "60_plus", count: 2 },
      { group: "unknown", count: 1 },
    ]);
    // The VILAS accreditation expiring on 30/6/2027 counts through that day, not after it.
    expect((await at("2027-06-30T16:59:00Z")).counts.laboratories).toBe(2);
    expect((await at("2027-06-30T17:01:00Z")).counts.laboratories).toBe(1);
  });
});
