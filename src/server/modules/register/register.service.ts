// The register of documents issued (sổ đăng ký văn bản đi, NĐ 30/2020/NĐ-CP Điều 15): issuing a document gives it the
// next number of its register for the year — from 1 on 1 January, no gap, no duplicate — in the issuing transaction;
// the register lists what was issued; the signed scan is attached back to its entry. The documents' generators print
// the number and issue date from here once issued (issuedDocument).
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { calls, contracts, councils, documentRegister, documentRegisterCounters, files, tasks } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { vietnamDate } from "../../platform/clock.js";
import { storeFile, type Upload } from "../../platform/uploads.js";
import { documentNumberSymbol, issuerFromConfig, vnShortDate } from "../../documents/index.js";
import type { IssueInput, RegisterEntry, RegisterKind, RegisterListQuery } from "../../../common/api/register.js";
import { registerPolicy } from "./register.policy.js";

/** What a kind of document is: its record, its type (name and abbreviation of NĐ 30/2020 Phụ lục III) and recipients. */
interface KindSpec {
  entityType: string;
  typeName: string;
  abbreviation: string;
  recipients: string;
  /** The document's summary (trích yếu), or null when the record is missing or not ready to be issued. */
  describe: (db: Executor, id: string) => Promise<{ summary: string } | { notReady: true } | null>;
}

const KINDS: Record<RegisterKind, KindSpec> = {
  call_notice: {
    entityType: "call",
    typeName: "Thông báo",
    abbreviation: "TB",
    recipients: "Các sở, ban, ngành; UBND các xã, phường, đặc khu; các tổ chức KH&CN, doanh nghiệp; Cổng thông tin điện tử Sở",
    describe: async (db, id) => {
      const [c] = await db.select({ title: calls.titleVi, code: calls.code, status: calls.status }).from(calls).where(eq(calls.id, id));
      if (!c) return null;
      if (c.status === "cancelled") return { notReady: true };
      return { summary: `Tuyển chọn, đề xuất nhiệm vụ khoa học và công nghệ: ${c.title} (${c.code})` };
    },
  },
  council_establishment: {
    entityType: "council",
    typeName: "Quyết định",
    abbreviation: "QĐ",
    recipients: "Như Điều 3; Giám đốc Sở (để báo cáo)",
    describe: async (db, id) => {
      const [c] = await db.select({ title: councils.title, status: councils.status }).from(councils).where(eq(councils.id, id));
      if (!c) return null;
      if (c.status === "cancelled") return { notReady: true };
      return { summary: `Thành lập ${c.title}` };
    },
  },
  approval_decision: {
    entityType: "task",
    typeName: "Quyết định",
    abbreviation: "QĐ",
    recipients: "Như Điều 3; Giám đốc Sở (để báo cáo)",
    describe: async (db, id) => {
      const [t] = await db.select().from(tasks).where(eq(tasks.id, id));
      if (!t) return null;
      const ready = !!t.startDate && !!t.endDate && !!t.piPersonId && !!t.leadOrganisationId && t.approvedBudgetCity !== null;
      if (!ready) return { notReady: true };
      return { summary: `Phê duyệt nhiệm vụ khoa học và công nghệ ${t.code}: ${t.titleVi}` };
    },
  },
  registration_certificate: {
    entityType: "task",
    typeName: "Giấy chứng nhận",
    abbreviation: "GCN",
    recipients: "Tổ chức chủ trì nhiệm vụ; lưu trữ kết quả nhiệm vụ",
    describe: async (db, id) => {
      const [t] = await db.select().from(tasks).where(eq(tasks.id, id));
      if (!t) return null;
      if (!t.registrationCode || !t.registeredAt) return { notReady: true };
      return { summary: `Đăng ký kết quả thực hiện nhiệm vụ ${t.code} (số đăng ký ${t.registrationCode})` };
    },
  },
  contract: {
    entityType: "contract",
    typeName: "Hợp đồng",
    abbreviation: "HĐ",
    recipients: "Bên A; Bên B; chủ nhiệm nhiệm vụ",
    describe: async (db, id) => {
      const [c] = await db.select({ taskId: contracts.taskId }).from(contracts).where(eq(contracts.id, id));
      if (!c) return null;
      const [t] = await db.select({ code: tasks.code, title: tasks.titleVi }).from(tasks).where(eq(tasks.id, c.taskId));
      return { summary: `Thực hiện nhiệm vụ khoa học và công nghệ ${t?.code ?? ""}: ${t?.title ?? ""}`.trim() };
    },
  },
};

/**
 * The register a type of document is numbered in: its own when the configuration gives the type a register of its
 * own (DOC_SEPARATE_REGISTERS, e.g. "QĐ,HĐ"), else the one general register.
 */
export const registerOf = (ctx: Pick<Ctx, "config">, abbreviation: string) =>
  ctx.config.documents.separateRegisters.includes(abbreviation) ? abbreviation : "chung";

type Row = typeof documentRegister.$inferSelect;

function present(ctx: Ctx, r: Row, signedName: string | null): RegisterEntry {
  return {
    id: r.id,
    register: r.register,
    year: r.year,
    number: r.number,
    symbol: r.symbol,
    kind: r.kind as RegisterKind,
    entityType: r.entityType,
    entityId: r.entityId,
    typeName: r.typeName,
    summary: r.summary,
    signer: r.signer,
    recipients: r.recipients,
    issuedOn: r.issuedOn,
    issuedAt: r.issuedAt.toISOString(),
    signed: r.signedFileId && r.signedAttachedAt ? { fileName: signedName ?? "", attachedAt: r.signedAttachedAt.toISOString() } : null,
    version: r.version,
    abilities: abilitiesOf(ctx.actor, registerPolicy, { id: r.id }) as RegisterEntry["abilities"],
  };
}

async function signedName(db: Executor, r: Row) {
  if (!r.signedFileId) return null;
  const [f] = await db.select({ name: files.originalName }).from(files).where(eq(files.id, r.signedFileId));
  return f?.name ?? null;
}

/** The entry of a document once issued (its number and issue day), for the document's generator. */
export async function issuedDocument(db: Executor, kind: RegisterKind, entityId: string): Promise<{ number: number; issuedOn: string } | null> {
  const [r] = await db
    .select({ number: documentRegister.number, issuedOn: documentRegister.issuedOn })
    .from(documentRegister)
    .where(and(eq(documentRegister.kind, kind), eq(documentRegister.entityId, entityId)));
  return r ?? null;
}

/**
 * Issues a document: in one transaction, the next number of its register for the year (the counter row is locked by
 * the upsert until the transaction ends, so concurrent issues are numbered one after another and a refused or failed
 * issue leaves no gap), the entry, and the audit row. A document is issued once (409 with its number).
 */
export async function issueDocument(ctx: Ctx, input: IssueInput): Promise<RegisterEntry> {
  // Who may issue (staff) is the route's general ability, checked before this runs.
  const spec = KINDS[input.kind];
  const issuer = issuerFromConfig(ctx.config);
  const row = await ctx.db.transaction(async (tx) => {
    const d = await spec.describe(tx, input.entityId);
    if (!d) throw notFound();
    if ("notReady" in d) throw new AppError("DOCUMENT_NOT_AVAILABLE", 409, "register.not_ready");
    const [existing] = await tx
      .select()
      .from(documentRegister)
      .where(and(eq(documentRegister.kind, input.kind), eq(documentRegister.entityId, input.entityId)));
    if (existing) throw alreadyIssued(existing);
    const now = ctx.clock.now();
    const day = vietnamDate(now);
    const year = Number(day.slice(0, 4));
    const register = registerOf(ctx, spec.abbreviation);
    const [counter] = await tx
      .insert(documentRegisterCounters)
      .values({ register, year, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [documentRegisterCounters.register, documentRegisterCounters.year],
        set: { lastNumber: sql`${documentRegisterCounters.lastNumber} + 1` },
      })
      .returning({ number: documentRegisterCounters.lastNumber });
    const [created] = await tx
      .insert(documentRegister)
      .values({
        register,
        year,
        number: counter.number,
        symbol: documentNumberSymbol(counter.number, spec.abbreviation, issuer.symbol),
        kind: input.kind,
        entityType: spec.entityType,
        entityId: input.entityId,
        typeName: spec.typeName,
        summary: d.summary,
        signer: issuer.signerName,
        recipients: spec.recipients,
        issuedOn: day,
        issuedAt: now,
        issuedBy: ctx.actor!.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [documentRegister.kind, documentRegister.entityId] })
      .returning();
    // Issued meanwhile by another request (its transaction committed after this one read): refuse, and roll the
    // counter back with this transaction.
    if (!created) {
      const [other] = await tx
        .select()
        .from(documentRegister)
        .where(and(eq(documentRegister.kind, input.kind), eq(documentRegister.entityId, input.entityId)));
      throw alreadyIssued(other);
    }
    await audit(tx, ctx, {
      action: "document.issue",
      entityType: spec.entityType,
      entityId: input.entityId,
      details: { kind: input.kind, register, year, number: created.number, symbol: created.symbol },
    });
    return created;
  });
  return present(ctx, row, null);
}

const alreadyIssued = (r: Row) =>
  new AppError(
    "ALREADY_ISSUED",
    409,
    "register.already_issued",
    { symbol: r.symbol, issuedOn: r.issuedOn },
    { symbol: r.symbol, issuedOn: vnShortDate(r.issuedOn) },
  );

/** The register: newest first, searchable (accent-insensitive) by number and symbol, type and summary. */
export async function listRegister(ctx: Ctx, q: RegisterListQuery) {
  const conds: SQL[] = [];
  const search = searchCondition(documentRegister.searchText, q.q);
  if (search) conds.push(search);
  if (q.year) conds.push(eq(documentRegister.year, q.year));
  if (q.kind) conds.push(eq(documentRegister.kind, q.kind));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ r: documentRegister, fileName: files.originalName })
      .from(documentRegister)
      .leftJoin(files, eq(files.id, documentRegister.signedFileId))
      .where(where)
      .orderBy(desc(documentRegister.issuedAt), desc(documentRegister.number), documentRegister.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(documentRegister, where),
  ]);
  return { items: rows.map((x) => present(ctx, x.r, x.fileName)), total, page: q.page, pageSize: q.pageSize };
}

async function load(ctx: Ctx, db: Executor, id: string) {
  const [r] = await db.select().from(documentRegister).where(eq(documentRegister.id, id));
  if (!r) throw notFound();
  authorize(ctx.actor, registerPolicy, "read", { id });
  return r;
}

export async function getEntry(ctx: Ctx, id: string): Promise<RegisterEntry> {
  const r = await load(ctx, ctx.db, id);
  return present(ctx, r, await signedName(ctx.db, r));
}

/** Attaches the signed scan (PDF) to the entry; a new scan replaces the earlier one (both kept in the audit). */
export async function attachSigned(ctx: Ctx, id: string, receive: () => Promise<Upload>): Promise<RegisterEntry> {
  // Authorise before reading the body, so a refused caller never uploads.
  await load(ctx, ctx.db, id);
  authorize(ctx.actor, registerPolicy, "attachSigned", { id });
  const upload = await receive();
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(documentRegister).where(eq(documentRegister.id, id)).for("update");
    const now = ctx.clock.now();
    const fileId = await storeFile(tx, upload, ctx.actor!.userId, now);
    await tx
      .update(documentRegister)
      .set({ signedFileId: fileId, signedAttachedAt: now, signedAttachedBy: ctx.actor!.userId, updatedAt: now, version: r.version + 1 })
      .where(eq(documentRegister.id, id));
    await audit(tx, ctx, {
      action: "document.signed_attach",
      entityType: r.entityType,
      entityId: r.entityId,
      details: { registerId: id, symbol: r.symbol, fileId, fileName: upload.originalName, sha256: upload.sha256, replaced: r.signedFileId },
    });
  });
  return getEntry(ctx, id);
}

export async function downloadSigned(ctx: Ctx, id: string) {
  const r = await load(ctx, ctx.db, id);
  if (!r.signedFileId) throw notFound();
  const [f] = await ctx.db.select().from(files).where(eq(files.id, r.signedFileId));
  if (!f) throw notFound();
  return { fileName: f.originalName, mediaType: f.mediaType, content: f.content };
}
