// Documents of a task or of one of its dossiers, under a national form code. Uploads go through platform/uploads.ts
// (size limit, stored with SHA-256); the file types of task documents are checked here by extension AND content.
import type { FastifyRequest } from "fastify";
import { and, eq, sql } from "drizzle-orm";
import { files, taskDocuments, taskDossiers } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, badInput, forbidden, hiddenRecord, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { cleanFileName, inspectZip, storeFile, tooLarge, uploadTypes, type Upload } from "../../platform/uploads.js";
import { documentUploadFields, type TaskDocument } from "../../../common/contracts/task.js";
import { isTaskStaff, ownsTask } from "./tasks.policy.js";
import { definitionOf, visibleTask } from "./tasks.service.js";
import { canSeeDossier, dossierEditable } from "./dossiers.service.js";
import crypto from "node:crypto";

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const notType = () => new AppError("UNSUPPORTED_FILE", 400, "upload.type_not_allowed", null, { allowed: ".pdf, .docx, .doc, .xlsx, .xls, .zip, .jpg, .png" });
const starts = (b: Buffer, sig: number[] | Buffer) => Buffer.from(sig).equals(b.subarray(0, sig.length));

const TYPES: { ext: string[]; mediaType: string; check(b: Buffer): Promise<void> }[] = [
  { ext: [".pdf"], mediaType: "application/pdf", check: async (b) => void (starts(b, Buffer.from("%PDF-")) || (() => { throw notType(); })()) },
  {
    ext: [".docx"],
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    check: async (b) => {
      const names = new Set(await inspectZip(b, undefined, notType));
      if (!names.has("[Content_Types].xml") || !names.has("word/document.xml")) throw notType();
    },
  },
  { ext: [".xlsx"], mediaType: uploadTypes.xlsx.mediaType, check: (b) => uploadTypes.xlsx.check(b) },
  { ext: [".doc"], mediaType: "application/msword", check: async (b) => void (starts(b, OLE) || (() => { throw notType(); })()) },
  { ext: [".xls"], mediaType: "application/vnd.ms-excel", check: async (b) => void (starts(b, OLE) || (() => { throw notType(); })()) },
  { ext: [".zip"], mediaType: "application/zip", check: async (b) => void (await inspectZip(b, undefined, notType)) },
  { ext: [".jpg", ".jpeg"], mediaType: "image/jpeg", check: async (b) => void (starts(b, [0xff, 0xd8, 0xff]) || (() => { throw notType(); })()) },
  { ext: [".png"], mediaType: "image/png", check: async (b) => void (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || (() => { throw notType(); })()) },
];

/** Receives the multipart form: fields code, stage, dossierId?, note? first, then the file (field "file"). */
export async function receiveDocument(req: FastifyRequest): Promise<{ upload: Upload; fields: ReturnType<typeof documentUploadFields.parse> }> {
  const max = req.ctx.config.uploadMaxBytes;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max + 64 * 1024) throw tooLarge();
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
  let content: Buffer;
  let filename: string;
  let raw: Record<string, string> = {};
  try {
    const part = await req.file({ limits: { fileSize: max, files: 1, fields: 10, parts: 20 } });
    if (!part || part.fieldname !== "file") throw badInput("upload.missing");
    filename = part.filename ?? "";
    for (const [k, v] of Object.entries(part.fields)) {
      const f = Array.isArray(v) ? v[0] : v;
      if (f && f.type === "field" && typeof f.value === "string") raw[k] = f.value;
    }
    content = await part.toBuffer();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413) throw tooLarge();
    if (status === 406) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
    throw new AppError("BAD_REQUEST", 400, "error.bad_request");
  }
  if (!content.length) throw badInput("upload.missing");
  delete raw.file;
  const parsed = documentUploadFields.safeParse(raw);
  if (!parsed.success) throw badInput("task.document.bad_fields", {}, parsed.error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })));
  const lower = filename.toLowerCase();
  const type = TYPES.find((t) => t.ext.some((x) => lower.endsWith(x)));
  if (!type) throw notType();
  await type.check(content);
  raw = {};
  return {
    fields: parsed.data,
    upload: {
      originalName: cleanFileName(filename),
      mediaType: type.mediaType,
      content,
      sizeBytes: content.length,
      sha256: crypto.createHash("sha256").update(content).digest("hex"),
    },
  };
}

async function listRows(ctx: Ctx, taskId: string, documentId?: string) {
  const r = await ctx.db
    .select({ d: taskDocuments, fileName: files.originalName, mediaType: files.mediaType, size: files.sizeBytes, dossier: taskDossiers, uploader: sql<string | null>`(SELECT display_name FROM users u WHERE u.id = ${taskDocuments.uploadedBy})` })
    .from(taskDocuments)
    .innerJoin(files, eq(files.id, taskDocuments.fileId))
    .leftJoin(taskDossiers, eq(taskDossiers.id, taskDocuments.dossierId))
    .where(and(eq(taskDocuments.taskId, taskId), documentId ? eq(taskDocuments.id, documentId) : undefined))
    .orderBy(taskDocuments.uploadedAt, taskDocuments.id);
  return r;
}
type Row = Awaited<ReturnType<typeof listRows>>[number];

export async function listDocuments(ctx: Ctx, taskId: string): Promise<TaskDocument[]> {
  const { task } = await visibleTask(ctx, ctx.db, taskId);
  const initial = (await definitionOf(ctx.db, task)).steps.find((s) => s.kind === "initial")?.key;
  const rows = (await listRows(ctx, taskId)).filter((r) => !r.dossier || canSeeDossier(ctx.actor, r.dossier));
  return rows.map((r) => present(ctx, r, task.state === initial, task));
}

function present(ctx: Ctx, r: Row, atInitial: boolean, task: Parameters<typeof dossierEditable>[1]): TaskDocument {
  const actor = ctx.actor!;
  const canDelete = r.dossier
    ? r.dossier.ownerUserId === actor.userId && dossierEditable(r.dossier, task, r.dossier.id)
    : r.d.uploadedBy === actor.userId && atInitial;
  return {
    id: r.d.id,
    taskId: r.d.taskId,
    dossierId: r.d.dossierId,
    code: r.d.code,
    stage: r.d.stage,
    note: r.d.note,
    fileName: r.fileName,
    contentType: r.mediaType,
    size: r.size,
    uploadedBy: r.d.uploadedBy,
    uploadedByName: r.uploader,
    uploadedAt: r.d.uploadedAt.toISOString(),
    canDelete,
  };
}

export async function uploadDocument(ctx: Ctx, taskId: string, receive: () => ReturnType<typeof receiveDocument>): Promise<TaskDocument> {
  const actor = ctx.actor!;
  const { task } = await visibleTask(ctx, ctx.db, taskId);
  const { upload, fields } = await receive();
  const id = await ctx.db.transaction(async (tx) => {
    const { task: t } = await visibleTask(ctx, tx, taskId);
    const initial = (await definitionOf(tx, t)).steps.find((s) => s.kind === "initial")?.key;
    if (fields.dossierId) {
      const [d] = await tx.select().from(taskDossiers).where(and(eq(taskDossiers.id, fields.dossierId), eq(taskDossiers.taskId, taskId))).for("update");
      if (!d || !canSeeDossier(actor, d)) throw notFound();
      if (d.ownerUserId !== actor.userId) throw forbidden();
      if (!dossierEditable(d, t, d.id)) throw new AppError("DOSSIER_LOCKED", 409, "task.document.not_editable", { status: d.status });
    } else if (!(isTaskStaff(actor) || ownsTask(actor, t) || (t.proposerUserId === actor.userId && t.state === initial))) {
      throw forbidden();
    }
    const fileId = await storeFile(tx, upload, actor.userId);
    const [row] = await tx
      .insert(taskDocuments)
      .values({ taskId, dossierId: fields.dossierId ?? null, code: fields.code, stage: fields.stage, note: fields.note, fileId, uploadedBy: actor.userId, uploadedAt: ctx.clock.now() })
      .returning();
    await audit(tx, ctx, {
      action: "task_document.upload",
      entityType: "task_document",
      entityId: row.id,
      after: { taskId, dossierId: row.dossierId, code: row.code, stage: row.stage, sha256: upload.sha256, size: upload.sizeBytes },
    });
    return row.id;
  });
  void task;
  const [r] = await listRows(ctx, taskId, id);
  return present(ctx, r, false, task);
}

async function visibleDocument(ctx: Ctx, taskId: string, documentId: string) {
  const { task } = await visibleTask(ctx, ctx.db, taskId);
  const [r] = await listRows(ctx, taskId, documentId);
  if (!r) throw notFound();
  if (r.dossier && !canSeeDossier(ctx.actor, r.dossier)) throw hiddenRecord();
  return { task, row: r };
}

export async function downloadDocument(ctx: Ctx, taskId: string, documentId: string) {
  const { row } = await visibleDocument(ctx, taskId, documentId);
  const [f] = await ctx.db.select({ content: files.content }).from(files).where(eq(files.id, row.d.fileId));
  await ctx.db.transaction(async (tx) => {
    await audit(tx, ctx, { action: "task_document.download", entityType: "task_document", entityId: documentId, details: { taskId, code: row.d.code } });
  });
  return { fileName: row.fileName, mediaType: row.mediaType, content: Buffer.from(f.content as Uint8Array) };
}

export async function deleteDocument(ctx: Ctx, taskId: string, documentId: string): Promise<void> {
  const { task, row } = await visibleDocument(ctx, taskId, documentId);
  const initial = (await definitionOf(ctx.db, task)).steps.find((s) => s.kind === "initial")?.key;
  if (!present(ctx, row, task.state === initial, task).canDelete) {
    if (row.dossier && row.dossier.ownerUserId === ctx.actor!.userId) throw new AppError("DOSSIER_LOCKED", 409, "task.document.not_editable", { status: row.dossier.status });
    throw forbidden();
  }
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(taskDocuments).where(eq(taskDocuments.id, documentId)).returning();
    if (!gone.length) throw notFound();
    await audit(tx, ctx, { action: "task_document.delete", entityType: "task_document", entityId: documentId, before: { taskId, code: row.d.code, dossierId: row.d.dossierId } });
  });
}
