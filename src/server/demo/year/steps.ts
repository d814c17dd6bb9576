// The steps the demo's year is made of, each one command a user runs (as the API runs it: the body parsed by the
// route's own schema, then the module's service function), by the account the process names, at the story's moment.
import { sql } from "drizzle-orm";
import type { DemoStory } from "./story.js";
import { demoPdf } from "./story.js";
import { createCall, transitionCall } from "../../modules/calls/calls.service.js";
import { createProposal } from "../../modules/proposals/proposals.service.js";
import { runTaskAction } from "../../modules/tasks/tasks.service.js";
import { createDossier, submitDossier } from "../../modules/tasks/dossiers.service.js";
import { uploadDocument } from "../../modules/tasks/documents.service.js";
import { createCouncil, recordAttendance, signDeclaration, transitionCouncil, updateCouncil } from "../../modules/councils/councils.commands.js";
import { attachSigned, issueDocument } from "../../modules/register/register.service.js";
import { addMember } from "../../modules/councils/councils.members.js";
import { saveBallot } from "../../modules/councils/councils.ballots.js";
import { createContract, recordSettlement, savePlan, signContract } from "../../modules/contracts/contracts.commands.js";
import { decidePayment, recordPayment } from "../../modules/contracts/contracts.payments.js";
import { reviewReport, saveReport, submitReport } from "../../modules/monitoring/reports.service.js";
import { saveResultSummary } from "../../modules/results/results.service.js";
import { callInput, defaultRequiredDocuments, type CallKind } from "../../../common/api/call.js";
import { TASK_ACTION_ROUTES, documentUploadFields, dossierCreate, proposalInput, type DocumentStage, type TaskRouteAction } from "../../../common/api/task.js";
import { attendanceInput, ballotInput, councilInput, councilUpdate, memberInput, type Council } from "../../../common/api/council.js";
import type { RegisterKind } from "../../../common/api/register.js";
import { disbursementPlanInput, paymentInput } from "../../../common/api/contract.js";
import { reportInput, reportReview } from "../../../common/api/monitoring.js";
import { resultSummaryInput } from "../../../common/api/result.js";
import type { CouncilKind, CouncilRole } from "../../../common/councils/index.js";

export const STATEMENT = "Tôi cam kết không có xung đột lợi ích với các nhiệm vụ, hồ sơ được hội đồng xem xét và giữ bí mật thông tin, kết quả đánh giá.";
export const PLACE = "Phòng họp tầng 3, Sở Khoa học và Công nghệ Hải Phòng";

export class Steps {
  constructor(readonly s: DemoStory) {}

  // ---- calls ----
  async call(o: {
    code: string;
    titleVi: string;
    titleEn: string;
    kind: CallKind;
    opens: number;
    closes: number;
    templateKey?: string;
    programmeId?: string | null;
  }) {
    const created = await createCall(
      this.s.as("officer"),
      callInput.parse({
        code: o.code,
        titleVi: o.titleVi,
        titleEn: o.titleEn,
        kind: o.kind,
        programmeId: o.programmeId ?? null,
        opensAt: this.s.day(o.opens).toISOString(),
        closesAt: this.s.day(o.closes).toISOString(),
        templateKey: o.templateKey,
        requiredDocuments: defaultRequiredDocuments(o.kind),
      }),
    );
    const published = await transitionCall(this.s.as("officer"), created.id, "publish", { version: created.version });
    await this.issue("call_notice", created.id, "Thông báo");
    return { id: created.id, version: published.version };
  }

  async closeCall(call: { id: string; version: number }) {
    await transitionCall(this.s.as("officer"), call.id, "close", { version: call.version });
  }

  // ---- tasks ----
  async propose(
    user: string,
    o: {
      callId: string;
      titleVi: string;
      titleEn: string;
      taskType: string;
      fieldCode: string;
      sectorCode: string;
      programmeId?: string | null;
      proposingOrganisationId?: string | null;
      budget: number;
      months: number;
    },
  ): Promise<string> {
    const t = await createProposal(
      this.s.as(user),
      proposalInput.parse({
        callId: o.callId,
        titleVi: o.titleVi,
        titleEn: o.titleEn,
        taskType: o.taskType,
        fieldCode: o.fieldCode,
        sectorCode: o.sectorCode,
        programmeId: o.programmeId ?? null,
        proposingOrganisationId: o.proposingOrganisationId ?? null,
        rationale: `Thành phố cần giải quyết vấn đề: ${o.titleVi.toLowerCase()}.`,
        objectives: `Mục tiêu chung: ${o.titleVi}.`,
        expectedResults: "Báo cáo tổng hợp, mô hình ứng dụng và bài báo khoa học.",
        proposedBudget: o.budget,
        proposedMonths: o.months,
      }),
    );
    return t.id;
  }

  /** A transition of the task's process, by `user`, with the action's own fields. */
  async act(user: string, taskId: string, action: TaskRouteAction, fields: Record<string, unknown> = {}) {
    const ctx = this.s.as(user);
    const cur = await this.s.tx.execute<{ version: number }>(sql`SELECT version FROM tasks WHERE id = ${taskId}`);
    const body = TASK_ACTION_ROUTES[action].body.parse({ version: Number(cur.rows[0].version), ...fields });
    return runTaskAction(ctx, taskId, action, body as Parameters<typeof runTaskAction>[3]);
  }

  async upload(user: string, taskId: string, code: string, stage: DocumentStage, title: string, dossierId?: string) {
    await uploadDocument(this.s.as(user), taskId, async () => ({
      upload: demoPdf(`${code} ${title}`),
      fields: documentUploadFields.parse({ code, stage, dossierId }),
    }));
  }

  /** A dossier written, its documents attached and submitted by `user`. */
  async applyWith(
    user: string,
    taskId: string,
    titleVi: string,
    d: { pi: string; org: string; team: string[]; startDate: string; months: number; city: number; other: number },
    documents: string[],
  ): Promise<string> {
    const startYear = Number(d.startDate.slice(0, 4));
    const years = Math.max(1, Math.ceil(d.months / 12));
    const share = (total: number, k: number) => {
      const part = Math.round(total / years / 1_000_000) * 1_000_000;
      return k < years - 1 ? part : total - part * (years - 1);
    };
    const budget = Array.from({ length: years }, (_, k) => {
      const city = share(d.city, k);
      const other = share(d.other, k);
      return [
        { year: startYear + k, source: "city", category: "labour", amount: Math.round(city * 0.6) },
        { year: startYear + k, source: "city", category: "materials", amount: city - Math.round(city * 0.6) },
        ...(other > 0 ? [{ year: startYear + k, source: "other", category: "equipment", amount: other }] : []),
      ];
    }).flat();
    const created = await createDossier(
      this.s.as(user),
      taskId,
      dossierCreate.parse({
        personId: d.pi,
        organisationId: d.org,
        objectives: `Làm chủ giải pháp: ${titleVi.toLowerCase()}.`,
        content: "Nội dung 1: tổng quan và khảo sát hiện trạng. Nội dung 2: nghiên cứu giải pháp. Nội dung 3: thử nghiệm và đánh giá.",
        methods: "Khảo sát thực địa, thực nghiệm trong phòng thí nghiệm, mô hình hoá và thử nghiệm hiện trường.",
        novelty: "Giải pháp phù hợp điều kiện của thành phố, chi phí thấp.",
        applicationPlan: "Chuyển giao kết quả cho các sở, ngành và doanh nghiệp trên địa bàn.",
        durationMonths: d.months,
        startDate: d.startDate,
        products: [
          {
            name: "Báo cáo tổng hợp kết quả nghiên cứu",
            outputType: "scientific_argument",
            quantity: 1,
            unit: "báo cáo",
            qualityTarget: "Được hội đồng nghiệm thu đánh giá đạt",
          },
          { name: "Mô hình ứng dụng thử nghiệm", outputType: "model", quantity: 1, unit: "mô hình", qualityTarget: "Vận hành ổn định tối thiểu 3 tháng" },
          { name: "Bài báo khoa học", outputType: "publication", quantity: 2, unit: "bài", qualityTarget: "Đăng trên tạp chí trong nước có uy tín" },
        ],
        milestones: Array.from({ length: years }, (_, k) => ({
          content: k === 0 ? "Khảo sát, tổng quan và thiết kế giải pháp" : "Thử nghiệm, đánh giá và hoàn thiện",
          startsOn: k === 0 ? d.startDate : `${startYear + k}-01-01`,
          endsOn: `${startYear + k}-12-31`,
          deliverable: k === 0 ? "Báo cáo khảo sát" : "Báo cáo thử nghiệm",
        })),
        team: [
          { personId: d.pi, role: "pi", months: d.months },
          ...d.team.map((p, k) => ({ personId: p, role: k === 0 ? "secretary" : "key_member", months: Math.round(d.months / 2) })),
        ],
        budget,
      }),
    );
    for (const code of documents) await this.upload(user, taskId, code, "dossier", "Hồ sơ đăng ký", created.id);
    await submitDossier(this.s.as(user), taskId, created.id, created.version);
    return created.id;
  }

  async dossierIds(taskId: string, status: string[]): Promise<string[]> {
    const r = await this.s.tx.execute<{ id: string }>(
      sql`SELECT id FROM task_dossiers WHERE task_id = ${taskId} AND status IN (${sql.join(
        status.map((x) => sql`${x}`),
        sql`, `,
      )}) ORDER BY submitted_at, id`,
    );
    return r.rows.map((x) => x.id);
  }

  async openDossiers(taskId: string) {
    const ids = await this.dossierIds(taskId, ["submitted"]);
    await this.act("officer", taskId, "open_dossier", {
      checks: ids.map((dossierId) => ({ dossierId, complete: true, signedAndSealed: true, detailsMatch: true, valid: true, note: "Hồ sơ đầy đủ, hợp lệ." })),
    });
  }

  // ---- councils ----
  /**
   * A council from its forming to its end: created by the officer, members added (each checked for conflicts by the
   * command), invitations sent, declarations signed by the members who have accounts, the session opened with the
   * attendance, ballots submitted by each present member, results concluded. `until` stops it earlier, as a council
   * still at work today.
   */
  async council(o: {
    kind: CouncilKind;
    title: string;
    taskIds: string[];
    seats: { username?: string; personId: string; role: CouncilRole; absent?: boolean; declares?: boolean; scores?: boolean }[];
    ballot: (subject: Council["subjects"][number], seat: number) => Record<string, unknown>;
    days: { formed: number; session: number };
    until?: "in_session";
  }): Promise<Council> {
    await this.s.on(o.days.formed);
    let c = await createCouncil(
      this.s.as("officer"),
      councilInput.parse({
        kind: o.kind,
        title: o.title,
        taskIds: o.taskIds,
        place: PLACE,
        meetingAt: this.s.day(o.days.session, 120).toISOString(),
      }),
    );
    for (const seat of o.seats)
      c = await addMember(this.s.as("officer"), c.id, memberInput.parse({ version: c.version, personId: seat.personId, role: seat.role }));
    // The decision establishing the council is issued: its number from the register goes on the council.
    const decision = await this.issue("council_establishment", c.id, "Quyết định thành lập hội đồng");
    c = await updateCouncil(
      this.s.as("officer"),
      c.id,
      councilUpdate.parse({
        version: c.version,
        title: c.title,
        meetingAt: c.meetingAt,
        place: c.place,
        decisionNumber: decision.symbol,
        decisionDate: decision.issuedOn,
      }),
    );
    c = await transitionCouncil(this.s.as("officer"), c.id, "invite", { version: c.version });
    for (const seat of o.seats)
      if (seat.username && !seat.absent && seat.declares !== false) await signDeclaration(this.s.as(seat.username), c.id, { statement: STATEMENT });
    await this.s.on(o.days.session, 120);
    const current = await this.councilVersion(c.id);
    c = await transitionCouncil(this.s.as("officer"), c.id, "open", { version: current });
    const memberOf = (personId: string) => c.members.find((m) => m.personId === personId)!;
    c = await recordAttendance(
      this.s.as("officer"),
      c.id,
      attendanceInput.parse({ version: c.version, members: o.seats.map((seat) => ({ memberId: memberOf(seat.personId).id, present: !seat.absent })) }),
    );
    for (const [i, seat] of o.seats.entries()) {
      if (seat.absent || !seat.username || seat.scores === false) continue;
      for (const subject of c.subjects)
        await saveBallot(this.s.as(seat.username), c.id, subject.id, ballotInput.parse({ ...o.ballot(subject, i), submit: true }));
    }
    if (o.until === "in_session") return c;
    this.s.advance(150);
    return transitionCouncil(this.s.as("officer"), c.id, "conclude", { version: await this.councilVersion(c.id) });
  }

  private async councilVersion(id: string): Promise<number> {
    const r = await this.s.tx.execute<{ version: number }>(sql`SELECT version FROM councils WHERE id = ${id}`);
    return Number(r.rows[0].version);
  }

  // ---- the document register ----
  /** Issues the document about `entityId` (its number from the register) and attaches its signed scan. */
  async issue(kind: RegisterKind, entityId: string, title: string) {
    const entry = await issueDocument(this.s.as("officer"), { kind, entityId });
    return attachSigned(this.s.as("officer"), entry.id, async () => demoPdf(`${entry.symbol} ${title}`));
  }

  // ---- contracts and money ----
  async contract(taskId: string, tranches: { kind: "advance" | "tranche"; label: string; planned: string; city: number; other: number; condition?: string }[]) {
    const created = await createContract(this.s.as("officer"), { taskId });
    const planned = await savePlan(
      this.s.as("officer"),
      created.id,
      disbursementPlanInput.parse({
        version: created.version,
        tranches: tranches.map((t) => ({
          kind: t.kind,
          label: t.label,
          plannedDate: t.planned,
          amountCity: t.city,
          amountOther: t.other,
          condition: t.condition,
        })),
      }),
    );
    return planned;
  }

  async signContractAs(leader: string, contractId: string, version: number, on: string) {
    return signContract(this.s.as(leader), contractId, { version, partyASignedOn: on, partyBSignedOn: on });
  }

  /** A payment recorded by finance; `decidedBy` approves it (another person: the two-person rule), or it waits. */
  async pay(
    contractId: string,
    p: { trancheId?: string; kind?: "payment" | "return"; source: "city" | "other"; amount: number; on: string; reference: string },
    decidedBy?: string,
  ) {
    const recorded = await recordPayment(
      this.s.as("finance"),
      contractId,
      paymentInput.parse({ kind: p.kind ?? "payment", trancheId: p.trancheId, source: p.source, amount: p.amount, paidOn: p.on, reference: p.reference }),
    );
    if (decidedBy) await decidePayment(this.s.as(decidedBy), contractId, recorded.id, "approve", { version: recorded.version });
  }

  async settle(contractId: string, spentCity: number) {
    const r = await this.s.tx.execute<{ version: number }>(sql`SELECT version FROM contracts WHERE id = ${contractId}`);
    await recordSettlement(this.s.as("finance"), contractId, { version: Number(r.rows[0].version), spentCity });
  }

  // ---- progress reports ----
  async reports(taskId: string): Promise<{ id: string; version: number; kind: string; due_on: string; status: string }[]> {
    const r = await this.s.tx.execute<{ id: string; version: number; kind: string; due_on: string; status: string }>(
      sql`SELECT id, version, kind, due_on::text AS due_on, status FROM progress_reports WHERE task_id = ${taskId} ORDER BY due_on, sequence`,
    );
    return r.rows;
  }

  async fileReport(user: string, report: { id: string; version: number }, o: { workDone: string; products: string; spendingCity: number; problems?: string }) {
    const saved = await saveReport(
      this.s.as(user),
      report.id,
      reportInput.parse({ version: report.version, workDone: o.workDone, products: o.products, spendingCity: o.spendingCity, problems: o.problems }),
    );
    return submitReport(this.s.as(user), report.id, saved.version);
  }

  async acceptReport(reportId: string, version: number, comment: string) {
    await reviewReport(this.s.as("officer"), reportId, reportReview.parse({ version, decision: "accepted", comment }));
  }

  async summary(user: string, taskId: string, o: { abstractVi: string; keywords: string[]; outputsSummary: string; applicationField: string }) {
    await saveResultSummary(this.s.as(user), taskId, resultSummaryInput.parse(o));
  }
}
