// Documents of a task or of one of its dossiers, under a national form code. Uploads go through platform/uploads.ts
// (size limit, file types checked by extension AND content, zip-bomb limits, stored with SHA-256).
import type { FastifyRequest } from "fastify";
import { and, eq, sql } from "drizzle-orm";
import { files, taskDocuments, taskDossiers } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { badInput, forbidden, hiddenRecord, notFound, locked } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { receiveUploadWithFields, storeFile, type Upload, type UploadTypeKey } from "../../platform/uploads.js";
import { documentUploadFields, type TaskDocument } from "../../../common/api/task.js";
import { mayUploadTaskDocument } from "./tasks.access.js";
import { definitionOf, visibleTask } from "./tasks.service.js";
import { canSeeDossier, dossierEditable } from "./dossiers.service.js";

/** File types accepted as task documents (checked by extension AND content in platform/uploads.ts). */
export const TASK_DOCUMENT_TYPES: UploadTypeKey[] = ["pdf", "docx", "doc", "xlsx", "xls", "zip", "jpg", "png"];

/** Receives the multipart form: fields code, stage, dossierId?, note? first, then the file (field "file"). */
export async function receiveDocument(req: FastifyRequest): Promise<{ upload: Upload; fields: ReturnType<typeof documentUploadFields.parse> }> {
  const { upload, fields } = await receiveUploadWithFields(req, TASK_DOCUMENT_TYPES);
  const parsed = documentUploadFields.safeParse(fields);
  if (!parsed.success)
    throw badInput(
      "task.document.bad_fields",
      {},
      parsed.error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })),
    );
  return { upload, fields: parsed.data };
}

async function listRows(ctx: Ctx, taskId: string, documentId?: string) {
  const r = await ctx.db
    .select({
      d: taskDocuments,
      fileName: files.originalName,
      mediaType: files.mediaType,
      size: files.sizeBytes,
      dossier: taskDossiers,
      uploader: sql<string | null>`(SELECT display_name FROM users u WHERE u.id = ${taskDocuments.uploadedBy})`,
    })
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
      const [d] = await tx
        .select()
        .from(taskDossiers)
        .where(and(eq(taskDossiers.id, fields.dossierId), eq(taskDossiers.taskId, taskId)))
        .for("update");
      if (!d || !canSeeDossier(actor, d)) throw notFound();
      if (d.ownerUserId !== actor.userId) throw forbidden();
      if (!dossierEditable(d, t, d.id)) throw locked("task.document.not_editable", { status: d.status });
    } else if (!mayUploadTaskDocument(actor, t, initial)) {
      throw forbidden();
    }
    const fileId = await storeFile(tx, upload, actor.userId, ctx.clock.now());
    const [row] = await tx
      .insert(taskDocuments)
      .values({
        taskId,
        dossierId: fields.dossierId ?? null,
        code: fields.code,
        stage: fields.stage,
        note: fields.note,
        fileId,
        uploadedBy: actor.userId,
        uploadedAt: ctx.clock.now(),
      })
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
    if (row.dossier && row.dossier.ownerUserId === ctx.actor!.userId) throw locked("task.document.not_editable", { status: row.dossier.status });
    throw forbidden();
  }
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(taskDocuments).where(eq(taskDocuments.id, documentId)).returning();
    if (!gone.length) throw notFound();
    await audit(tx, ctx, {
      action: "task_document.delete",
      entityType: "task_document",
      entityId: documentId,
      before: { taskId, code: row.d.code, dossierId: row.d.dossierId },
    });
  });
}
