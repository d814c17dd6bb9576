// The workflow engine on a scratch table: legal and illegal transitions, roles, guards, documents, stale versions,
// and 50 parallel identical transitions of which exactly one wins (SECURITY.md 22) — in both database modes.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../testing/harness.js";
import { availableActions, templateInForce, templateVersion, transition, type TransitionRequest } from "./workflow.js";
import type { Actor } from "./context.js";
import type { Role } from "../../common/roles.js";
import { AppError } from "./errors.js";
import { t as message } from "./messages.js";
import { BASELINE_2013, type ProcessDefinition } from "../../common/processes/index.js";

const def: ProcessDefinition = {
  key: "scratch",
  version: 1,
  effectiveFrom: "2026-01-01",
  legalBasis: "test",
  nameVi: "Thử",
  nameEn: "Test",
  steps: [
    { key: "draft", labelVi: "Nháp", labelEn: "Draft", kind: "initial" },
    { key: "submitted", labelVi: "Đã nộp", labelEn: "Submitted", kind: "normal" },
    { key: "approved", labelVi: "Đã duyệt", labelEn: "Approved", kind: "final" },
  ],
  transitions: [
    { action: "submit", from: "draft", to: "submitted", roles: ["pi"], labelVi: "Nộp", labelEn: "Submit", requiredDocuments: ["B1-1-ĐON"] },
    { action: "approve", from: "submitted", to: "approved", roles: ["leader"], labelVi: "Duyệt", labelEn: "Approve", guards: ["two_person_rule"] },
    { action: "return", from: "submitted", to: "draft", roles: ["officer", "leader"], labelVi: "Trả lại", labelEn: "Return" },
  ],
};

let t: TestApp;
const actor = (...roles: Role[]): Actor => ({
  userId: crypto.randomUUID(),
  username: roles.join("+"),
  roles,
  personId: null,
  organisationId: null,
  sessionId: "s",
});
const ctxOf = (a: Actor) => ({ actor: a, ip: "127.0.0.1", correlationId: crypto.randomUUID(), clock: t.clock });
const pi = actor("pi");
const leader = actor("leader");

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.execute(
    sql`CREATE TABLE wf_items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), state text NOT NULL, version integer NOT NULL DEFAULT 1, note text)`,
  );
});
afterAll(async () => t?.close());

async function item(state = "draft") {
  const r = await t.database.db.execute<{ id: string }>(sql`INSERT INTO wf_items (state) VALUES (${state}) RETURNING id`);
  return r.rows[0].id;
}
async function row(id: string) {
  return (await t.database.db.execute<{ state: string; version: number; note: string | null }>(sql`SELECT state, version, note FROM wf_items WHERE id = ${id}`))
    .rows[0];
}
const allPresent = async () => [];
function run(a: Actor, req: Partial<TransitionRequest> & { id: string; action: string; version: number }) {
  return t.database.db.transaction((tx) =>
    transition(tx, ctxOf(a), { table: "wf_items", entity: "wf_item", definition: def, missingDocuments: allPresent, ...req }),
  );
}
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe(`workflow engine (${testDbMode()})`, () => {
  it("moves a record along a legal transition, bumps its version and audits from/to in the same transaction", async () => {
    const id = await item();
    const r = await run(pi, { id, action: "submit", version: 1, set: sql`note = ${"nộp lúc 10:00"}` });
    expect(r).toMatchObject({ from: "draft", to: "submitted", version: 2 });
    expect(await row(id)).toEqual({ state: "submitted", version: 2, note: "nộp lúc 10:00" });
    const audit = await t.database.db.execute<{ action: string; before: unknown; after: unknown; details: unknown }>(
      sql`SELECT action, before, after, details FROM audit_log WHERE entity_id = ${id}`,
    );
    expect(audit.rows).toEqual([
      {
        action: "wf_item.submit",
        before: { state: "draft", version: 1 },
        after: { state: "submitted", version: 2 },
        details: { template: "scratch", templateVersion: 1 },
      },
    ]);
  });

  it("refuses an action not allowed in the current state with 409 naming the step, in both languages", async () => {
    const id = await item();
    const e = await refusal(run(leader, { id, action: "approve", version: 1 }));
    expect(e.status).toBe(409);
    expect(e.code).toBe("TRANSITION_NOT_ALLOWED");
    expect(message("vi", e.messageKey, e.params)).toBe("Không thể thực hiện “Duyệt” khi hồ sơ đang ở bước “Nháp”");
    expect(message("en", e.messageKey, e.params)).toBe("“Approve” is not allowed in state “Draft”");
    const unknown = await refusal(run(leader, { id, action: "teleport", version: 1 }));
    expect(unknown.status).toBe(409);
    expect(await row(id)).toMatchObject({ state: "draft", version: 1 });
  });

  it("refuses a role the transition does not name with 403", async () => {
    const id = await item();
    const e = await refusal(run(actor("officer", "expert"), { id, action: "submit", version: 1 }));
    expect(e.status).toBe(403);
    expect(await row(id)).toMatchObject({ state: "draft", version: 1 });
  });

  it("refuses a failed guard with 409 and the guard's reason; a passing guard lets it through", async () => {
    const id = await item("submitted");
    const prepared = pi.userId;
    const twoPerson = (a: Actor) => () => (a.userId !== prepared ? true : { vi: "Người duyệt trùng người chuẩn bị", en: "Approver prepared it" });
    const e = await refusal(
      run({ ...leader, userId: prepared }, { id, action: "approve", version: 1, guards: { two_person_rule: twoPerson({ ...leader, userId: prepared }) } }),
    );
    expect(e.status).toBe(409);
    expect(e.code).toBe("GUARD_FAILED");
    expect(message("en", e.messageKey, e.params)).toBe(
      "Condition “The approver is not the person who prepared it (two-person rule)” is not met: Approver prepared it",
    );
    await expect(run(leader, { id, action: "approve", version: 1, guards: { two_person_rule: twoPerson(leader) } })).resolves.toMatchObject({ to: "approved" });
  });

  it("fails closed when a named guard or the document check is not supplied, and refuses missing documents", async () => {
    const id = await item("submitted");
    await expect(run(leader, { id, action: "approve", version: 1 })).rejects.toThrow(/two_person_rule/);
    const d = await item();
    await expect(run(pi, { id: d, action: "submit", version: 1, missingDocuments: undefined })).rejects.toThrow(/requires documents/);
    const e = await refusal(run(pi, { id: d, action: "submit", version: 1, missingDocuments: async (_tx, codes) => codes }));
    expect(e).toMatchObject({ status: 409, code: "DOCUMENTS_MISSING", details: { missing: ["B1-1-ĐON"] } });
    expect(await row(d)).toMatchObject({ state: "draft", version: 1 });
  });

  it("refuses a stale version with 409 and the current state", async () => {
    const id = await item("submitted");
    await t.database.db.execute(sql`UPDATE wf_items SET version = version + 1 WHERE id = ${id}`);
    const e = await refusal(run(actor("officer"), { id, action: "return", version: 1 }));
    expect(e).toMatchObject({ status: 409, code: "VERSION_CONFLICT", details: { current: { id, state: "submitted", version: 2 } } });
    expect(await row(id)).toMatchObject({ state: "submitted", version: 2 });
  });

  it("answers 404 for a record that does not exist", async () => {
    const e = await refusal(run(pi, { id: crypto.randomUUID(), action: "submit", version: 1 }));
    expect(e.status).toBe(404);
  });

  it("50 parallel identical transitions: exactly one succeeds, 49 answer 409, one audit row", async () => {
    const id = await item();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => run(pi, { id, action: "submit", version: 1 })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect((r.reason as AppError).status).toBe(409);
    expect(await row(id)).toMatchObject({ state: "submitted", version: 2 });
    const n = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${id}`);
    expect(n.rows[0].n).toBe(1);
  });

  it("offers only the actions the actor's roles allow from a state", () => {
    expect(availableActions(def, "submitted", leader).map((a) => a.action)).toEqual(["approve", "return"]);
    expect(availableActions(def, "submitted", actor("officer")).map((a) => a.action)).toEqual(["return"]);
    expect(availableActions(def, "submitted", pi)).toEqual([]);
    expect(availableActions(def, "draft", null)).toEqual([]);
    expect(availableActions(BASELINE_2013, "call_open", actor("pi")).map((a) => a.action)).toEqual(["submit_dossier"]);
  });

  it("finds the template version in force on a date and a stored version by number", async () => {
    expect(await templateInForce(t.database.db, "baseline-2013", "2013-12-31")).toBeNull();
    expect(await templateInForce(t.database.db, "baseline-2013", "2020-06-01")).toMatchObject({ version: 1, effectiveFrom: "2014-01-01" });
    expect(await templateInForce(t.database.db, "law-2025", "2025-09-30")).toBeNull();
    expect((await templateVersion(t.database.db, "law-2025", 1))?.definition.steps[0].key).toBe("proposal");
  });
});
