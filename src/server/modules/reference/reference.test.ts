import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildUser } from "../../testing/factories.js";
import { codeListVersions, codes } from "../../db/schema/index.js";
import { vietnamDate } from "../../platform/clock.js";

let t: TestApp;
let officer: Client;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.database.db, { username: "officer1", roles: ["officer"] });
  officer = new Client(t);
  await officer.login("officer1");
});
afterAll(async () => t?.close());

describe("code lists: the version in force is the one of the request's day", () => {
  it("a version effective tomorrow is not used today, and is from tomorrow on (the list, the registry's check)", async () => {
    const tomorrow = vietnamDate(new Date(t.clock.now().getTime() + DAY));
    await t.database.db.insert(codeListVersions).values({ listKey: "title", version: 2, effectiveFrom: tomorrow, legalBasis: "Thử nghiệm phiên bản mới" });
    await t.database.db.insert(codes).values([
      { listKey: "title", version: 2, code: "GS", labelVi: "Giáo sư", labelEn: "Professor", sortOrder: 0, level: 1 },
      { listKey: "title", version: 2, code: "PGS", labelVi: "Phó giáo sư", labelEn: "Associate professor", sortOrder: 1, level: 1 },
      { listKey: "title", version: 2, code: "GSDD", labelVi: "Giáo sư danh dự", labelEn: "Honorary professor", sortOrder: 2, level: 1 },
    ]);
    const person = { fullName: "Lê Thị Hoa", birthYear: 1970, gender: "female", degree: "TS", title: "GSDD", fields: ["201"] };

    const today = await officer.get("/api/v1/reference/title");
    expect(today.status).toBe(200);
    expect(today.body.version).toBe(1);
    expect(today.body.codes.map((c: { code: string }) => c.code)).not.toContain("GSDD");
    const refused = await officer.post("/api/v1/people", person);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("GSDD");

    t.clock.advance(DAY);
    await officer.login("officer1"); // a day idle ends the session
    const next = await officer.get("/api/v1/reference/title");
    expect(next.body.version).toBe(2);
    expect(next.body.codes.map((c: { code: string }) => c.code)).toContain("GSDD");
    const created = await officer.post("/api/v1/people", person);
    expect(created.status).toBe(201);
    expect(created.body.title).toBe("GSDD");
  });
});
