// The API description a client reads (/api/openapi.json): one route per task workflow action, each with its own body
// schema holding only that action's fields, every listed action really performed by its route; every multipart route
// with its form (file, text fields, allowed types, size limit); the fields of the task, proposal and contract bodies
// described.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp, testDbMode } from "./testing/harness.js";
import { Fixture } from "./testing/task-journey.js";
import { PROCESS_TEMPLATES } from "../common/processes/index.js";

const t = await createTestApp();
afterAll(async () => t.close());
const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, Operation>> };

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: Record<string, { schema: JsonSchema }>; description?: string };
}

/** The fields each action takes besides version and comment (the specification this description must follow). */
const OWN_FIELDS: Record<string, string[]> = {
  approve_list: ["method"],
  approve_order_list: ["method"],
  announce_selection: ["callId"],
  invite_direct: ["callId"],
  announce_order: ["callId"],
  open_funding_call: ["callId"],
  open_dossier: ["checks"],
  prepare_decision: ["decisionNumber", "approvedBudgetCity", "approvedBudgetOther", "startDate", "endDate"],
};
const TASK_ACTION_PATH = /^\/api\/v1\/tasks\/\{id\}\/([a-z_]+)$/;
/** POST routes under /tasks/{id}/ that are not workflow actions. */
const NOT_ACTIONS = new Set(["dossiers", "documents", "applications", "internal-acceptance", "result-summary", "results"]);

const actionPaths = Object.entries(doc.paths)
  .filter(([path, ops]) => TASK_ACTION_PATH.test(path) && ops.post && !NOT_ACTIONS.has(TASK_ACTION_PATH.exec(path)![1]))
  .map(([path, ops]) => ({ action: TASK_ACTION_PATH.exec(path)![1], op: ops.post }));

/** A value the JSON schema accepts. */
function sample(s: JsonSchema): unknown {
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== "null") ?? s.anyOf[0]);
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  switch (type) {
    case "object":
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties![k])]));
    case "array":
      return Array.from({ length: s.minItems ?? 1 }, () => sample(s.items!));
    case "integer":
    case "number":
      return Math.max(s.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "string":
      if (s.format === "uuid") return crypto.randomUUID();
      if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2027-01-01";
      return "Số 1";
    default:
      return null;
  }
}

describe(`OpenAPI description (${testDbMode()})`, () => {
  it("lists one route per workflow action, each with its own strict body of version, comment and that action's fields", () => {
    const templateActions = new Set(PROCESS_TEMPLATES.flatMap((d) => d.transitions.map((x) => x.action)));
    // every template action has its route except submit_dossier, which the dossier's own route performs
    expect(actionPaths.map((a) => a.action).sort()).toEqual([...templateActions].filter((a) => a !== "submit_dossier").sort());
    expect(doc.paths["/api/v1/tasks/{id}/submit_dossier"]).toBeUndefined();
    expect(doc.paths["/api/v1/tasks/{id}/{action}"]).toBeUndefined();
    expect(doc.paths["/api/v1/tasks/{id}/dossiers/{dossierId}/submit"]?.post?.summary).toContain("submit_dossier");

    const bodies = new Set<string>();
    for (const { action, op } of actionPaths) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      expect(schema, action).toBeDefined();
      expect(schema!.additionalProperties, action).toBe(false);
      expect(Object.keys(schema!.properties ?? {}).sort(), action).toEqual(["comment", "version", ...(OWN_FIELDS[action] ?? [])].sort());
      expect(schema!.required, action).toContain("version");
      for (const [name, field] of Object.entries(schema!.properties!)) expect(field.description, `${action}.${name}`).toBeTruthy();
      expect(op.summary, action).toContain(`(${action})`);
      // the description says where the action goes, who takes it, and where submit_dossier is performed
      expect(op.description, action).toMatch(/from `[a-z_]+`( or `[a-z_]+`)* to `[a-z_]+`; roles: /);
      expect(op.description, action).toContain("POST /api/v1/tasks/{id}/dossiers/{dossierId}/submit");
      bodies.add(JSON.stringify(schema));
    }
    // the methods each list approval admits
    const method = (a: string) => actionPaths.find((x) => x.action === a)!.op.requestBody!.content["application/json"].schema.properties!.method.enum;
    expect(method("approve_list")).toEqual(["selection", "direct"]);
    expect(method("approve_order_list")).toEqual(["funding", "ordering"]);
    const decision = actionPaths.find((x) => x.action === "prepare_decision")!.op.requestBody!.content["application/json"].schema;
    expect(decision.required!.sort()).toEqual(["approvedBudgetCity", "decisionNumber", "endDate", "startDate", "version"]);
    // council guards document their refusal when no council exists yet
    expect(actionPaths.find((x) => x.action === "select")!.op.description).toContain("409 COUNCIL_NOT_FORMED");
    expect(actionPaths.find((x) => x.action === "start")!.op.description).not.toContain("COUNCIL_NOT_FORMED");
  });

  it("every listed action is performed by its route: a body built from its schema reaches the workflow, a foreign field is refused", async () => {
    const f = new Fixture(t);
    const officer = await f.actor(["officer"]);
    const call = await f.call(officer.client, "proposal_collection");
    const task = await f.propose(officer.client, call.id);
    for (const { action, op } of actionPaths) {
      const schema = op.requestBody!.content["application/json"].schema;
      // A stale version: an action of the current step reaches the final guarded update and answers VERSION_CONFLICT;
      // any other, TRANSITION_NOT_ALLOWED from the workflow engine. Never 404 or "performed elsewhere", never 400.
      const body = { ...(sample(schema) as Record<string, unknown>), version: task.version + 1000 };
      const r = await officer.client.post(`/api/v1/tasks/${task.id}/${action}`, body);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(409);
      expect(["TRANSITION_NOT_ALLOWED", "VERSION_CONFLICT"], `${action}: ${JSON.stringify(r.body)}`).toContain(r.body.error.code);
      if (action === "send_to_identification" || action === "reject_proposal") expect(r.body.error.code, action).toBe("VERSION_CONFLICT");
      // a field of another action is refused by this action's schema
      const foreign = Object.keys(schema.properties!).includes("callId") ? { decisionNumber: "1/QĐ" } : { callId: call.id };
      const refused = await officer.client.post(`/api/v1/tasks/${task.id}/${action}`, { ...body, ...foreign });
      expect(refused.status, action).toBe(400);
      expect(refused.body.error.code, action).toBe("VALIDATION_FAILED");
    }
    // the task has not moved
    expect((await officer.client.get(`/api/v1/tasks/${task.id}`)).body).toMatchObject({ state: "proposal", version: task.version });
    // the template's submit_dossier, not listed, names the route that performs it
    const elsewhere = await officer.client.post(`/api/v1/tasks/${task.id}/submit_dossier`, { version: task.version });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error).toMatchObject({ code: "PERFORMED_ELSEWHERE", details: { route: "POST /api/v1/tasks/{id}/dossiers/{dossierId}/submit" } });
  });

  it("describes every multipart route's form: the file with its types and size limit, and the text fields", () => {
    const multipart = t.app.routeList.filter((r) => ((r.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes("multipart/form-data"));
    const paths = multipart.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "POST /api/v1/tasks/{id}/documents",
        "POST /api/v1/imports/{kind}",
        "POST /api/v1/statistics/reports/{id}/import",
        "POST /api/v1/monitoring/inspections/{id}/minutes",
      ]),
    );
    const mb = `${Math.round((t.config.uploadMaxBytes / (1024 * 1024)) * 10) / 10} MB`;
    for (const p of paths) {
      const [method, path] = p.split(" ");
      const op = doc.paths[path][method.toLowerCase()];
      expect(op.description, p).toBeTruthy();
      const form = op.requestBody?.content["multipart/form-data"]?.schema;
      expect(form, p).toBeDefined();
      expect(form!.properties!.file, p).toMatchObject({ type: "string", format: "binary" });
      expect(form!.properties!.file.description, p).toContain(mb);
      expect(form!.required, p).toContain("file");
      expect(form!.description, p).toContain(`at most ${mb} (413 PAYLOAD_TOO_LARGE`);
      expect(form!.description, p).toContain("checked by extension AND content");
    }
    const documents = doc.paths["/api/v1/tasks/{id}/documents"].post.requestBody!.content["multipart/form-data"].schema;
    expect(Object.keys(documents.properties!)).toEqual(["code", "stage", "dossierId", "note", "file"]);
    expect(documents.required).toEqual(["code", "stage", "file"]);
    expect(documents.properties!.stage.enum).toContain("dossier");
    expect(documents.description).toContain(".pdf, .docx, .doc, .xlsx, .xls, .zip, .jpg, .jpeg, .png");
    expect(doc.paths["/api/v1/imports/{kind}"].post.requestBody!.content["multipart/form-data"].schema.properties!.file.description).toContain(".xlsx");
  });

  it("describes every field of the task, proposal and contract request bodies", () => {
    const missing: string[] = [];
    const walk = (s: JsonSchema | undefined, at: string) => {
      for (const [name, field] of Object.entries(s?.properties ?? {})) {
        if (!field.description) missing.push(`${at}.${name}`);
        const items = field.items ?? field.anyOf?.find((x) => x.items)?.items;
        if (items?.properties) walk(items, `${at}.${name}[]`);
      }
    };
    let bodies = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.tags?.some((x) => ["tasks", "proposals", "contracts"].includes(x)) || !op.requestBody) continue;
        for (const media of Object.values(op.requestBody.content)) {
          bodies++;
          walk(media.schema, `${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(bodies).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
