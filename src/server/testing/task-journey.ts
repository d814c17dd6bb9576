// A task's journey through the HTTP API, for the tests of the modules it crosses (tasks, proposals, results, the
// OpenAPI check): signed-in actors, calls, proposals, dossiers with their documents, and council outcomes (the shared
// factory `buildConcludedCouncil`, factories.ts).
import crypto from "node:crypto";
import { expect } from "vitest";
import { sql } from "drizzle-orm";
import { Client, type TestApp } from "./harness.js";
import { buildConcludedCouncil, buildOrganisation, buildPerson, buildUser, type CouncilKind } from "./factories.js";
import type { Role } from "../../common/roles.js";

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const DOSSIER_DOCS = ["B1-1-ĐON", "B1-3-LLTC", "B1-4-LLCN", "DU-TOAN"];

export interface Actor {
  client: Client;
  username: string;
  userId: string;
  personId: string | null;
  organisationId: string | null;
}

export class Fixture {
  private seq = 0;
  readonly actors: Actor[] = [];
  constructor(public t: TestApp) {}

  at = (ms: number) => new Date(this.t.clock.now().getTime() + ms).toISOString();

  async actor(roles: Role[], o: { person?: boolean; organisationId?: string | null } = {}): Promise<Actor> {
    const db = this.t.database.db;
    const person = o.person === false ? null : await buildPerson(db);
    const organisationId = o.organisationId === undefined ? (await buildOrganisation(db)).id : o.organisationId;
    const username = `${roles[0]}_${crypto.randomBytes(3).toString("hex")}`;
    const u = await buildUser(db, { username, roles, personId: person?.id ?? null, organisationId });
    const client = new Client(this.t);
    await client.login(username);
    const a = { client, username, userId: u.id, personId: person?.id ?? null, organisationId };
    this.actors.push(a);
    return a;
  }

  async relogin() {
    for (const a of this.actors) await a.client.login(a.username);
  }

  async call(officer: Client, kind: "proposal_collection" | "selection", over: Record<string, unknown> = {}, templateKey?: string) {
    const r = await officer.post("/api/v1/calls", {
      code: `DOT-T${++this.seq}-${crypto.randomBytes(2).toString("hex").toUpperCase()}`,
      titleVi: kind === "selection" ? "Đợt tuyển chọn thử nghiệm" : "Đợt đề xuất đặt hàng thử nghiệm",
      kind,
      opensAt: this.at(-HOUR),
      closesAt: this.at(10 * DAY),
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    if (templateKey) await this.t.database.db.execute(sql`UPDATE calls SET template_key = ${templateKey} WHERE id = ${r.body.id}`);
    const p = await officer.post(`/api/v1/calls/${r.body.id}/publish`, { version: r.body.version });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    return p.body as { id: string; version: number };
  }

  proposal(callId: string, over: Record<string, unknown> = {}) {
    return {
      callId,
      titleVi: "Nghiên cứu giải pháp giám sát chất lượng nước ven biển",
      taskType: "de_tai",
      fieldCode: "201",
      sectorCode: "CN",
      rationale: "Nhu cầu cấp thiết của thành phố về quan trắc môi trường.",
      objectives: "Xây dựng hệ thống giám sát tự động chất lượng nước.",
      expectedResults: "Hệ thống thử nghiệm tại hai điểm quan trắc.",
      proposedBudget: 1_500_000_000,
      proposedMonths: 24,
      ...over,
    };
  }

  async propose(c: Client, callId: string, over: Record<string, unknown> = {}) {
    const r = await c.post("/api/v1/proposals", this.proposal(callId, over));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  dossierBody(a: Actor, over: Record<string, unknown> = {}) {
    return {
      objectives: "Mục tiêu: hệ thống giám sát chất lượng nước ven biển",
      content: "Nội dung 1: khảo sát; nội dung 2: thiết kế; nội dung 3: thử nghiệm.",
      methods: "Phương pháp thực nghiệm và mô hình hoá.",
      novelty: "Cảm biến chi phí thấp.",
      applicationPlan: "Chuyển giao cho Sở Tài nguyên và Môi trường.",
      durationMonths: 24,
      startDate: "2027-01-01",
      products: [{ name: "Hệ thống giám sát", outputType: "model", quantity: 1, unit: "hệ thống", qualityTarget: "Hoạt động liên tục 30 ngày" }],
      milestones: [{ content: "Khảo sát hiện trạng", startsOn: "2027-01-01", endsOn: "2027-06-30", deliverable: "Báo cáo khảo sát" }],
      team: [{ personId: a.personId, role: "pi", months: 24 }],
      budget: [
        { year: 2027, source: "city", category: "labour", amount: 600_000_000 },
        { year: 2028, source: "city", category: "equipment", amount: 400_000_000 },
        { year: 2028, source: "other", category: "materials", amount: 100_000_000 },
      ],
      ...over,
    };
  }

  upload(c: Client, taskId: string, code: string, o: { dossierId?: string; stage?: string; fileName?: string; content?: Buffer } = {}) {
    const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head =
      field("code", code) +
      field("stage", o.stage ?? "dossier") +
      (o.dossierId ? field("dossierId", o.dossierId) : "") +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${o.fileName ?? "tai-lieu.pdf"}"\r\nContent-Type: application/pdf\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), o.content ?? Buffer.from("%PDF-1.4\n% tài liệu\n"), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return c.post(`/api/v1/tasks/${taskId}/documents`, body, { "content-type": `multipart/form-data; boundary=${boundary}` });
  }

  async act(c: Client, taskId: string, action: string, extra: Record<string, unknown> = {}) {
    const cur = await c.get(`/api/v1/tasks/${taskId}`);
    return c.post(`/api/v1/tasks/${taskId}/${action}`, { version: cur.body.version, ...extra });
  }

  async must(c: Client, taskId: string, action: string, extra: Record<string, unknown> = {}) {
    const r = await this.act(c, taskId, action, extra);
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  /** A concluded council of that kind about the task, with its results per subject (the shared factory). */
  council(
    taskId: string,
    kind: CouncilKind,
    subjects: { dossierId?: string | null; passed?: boolean | null; selected?: boolean; grade?: string | null }[],
    o: { quorumMet?: boolean; concluded?: boolean } = {},
  ) {
    return buildConcludedCouncil(this.t.database.db, { taskId, kind, subjects, ...o });
  }
}
