// Process templates: start-up loading of the shipped versions, reading, and adding a new (immutable) version.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { processTemplates, processTemplateVersions, users } from "../../db/schema/index.js";
import type { Ctx, Db } from "../../platform/context.js";
import { AppError, badInput, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { GUARDS, PROCESS_TEMPLATES, documentBasesOf, parseProcessDefinition, type ProcessDefinition } from "../../../common/processes/index.js";
import type { ProcessTemplate, ProcessVersion, ProcessVersionSummary } from "../../../common/processes/contract.js";
import type { processDefinitionInput } from "../../../common/processes/schema.js";
import type { z } from "zod";
import { processTemplatePolicy } from "./process-templates.policy.js";
import { vietnamDate } from "../../platform/clock.js";

/**
 * Loads the template versions shipped in src/common/processes that the database does not have yet. A stored version
 * is never changed (a shipped definition that differs from its stored version is ignored: add a new version instead).
 * A shipped definition that does not validate stops the start.
 */
export async function syncProcessTemplates(db: Db, now: Date) {
  for (const def of PROCESS_TEMPLATES) {
    const parsed = parseProcessDefinition(def);
    if (!parsed.ok) throw new Error(`process template ${def.key} v${def.version}: ${parsed.issues.map((i) => i.message.en).join("; ")}`);
  }
  await db.transaction(async (tx) => {
    for (const def of PROCESS_TEMPLATES) {
      await tx.insert(processTemplates).values({ key: def.key, nameVi: def.nameVi, nameEn: def.nameEn }).onConflictDoNothing();
      await tx
        .insert(processTemplateVersions)
        .values({
          templateKey: def.key,
          version: def.version,
          effectiveFrom: def.effectiveFrom,
          legalBasis: def.legalBasis,
          noteVi: def.noteVi ?? null,
          noteEn: def.noteEn ?? null,
          definition: def,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
  });
}

const summaryColumns = {
  templateKey: processTemplateVersions.templateKey,
  version: processTemplateVersions.version,
  effectiveFrom: processTemplateVersions.effectiveFrom,
  legalBasis: processTemplateVersions.legalBasis,
  noteVi: processTemplateVersions.noteVi,
  noteEn: processTemplateVersions.noteEn,
  createdAt: processTemplateVersions.createdAt,
  createdBy: users.username,
};
type SummaryRow = {
  templateKey: string;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  noteVi: string | null;
  noteEn: string | null;
  createdAt: Date;
  createdBy: string | null;
};

/** The version in force on a day among a template's versions (latest effective date ≤ day, then highest number). */
function inForceOf(rows: SummaryRow[], day: string): number | null {
  let best: SummaryRow | null = null;
  for (const r of rows) {
    if (r.effectiveFrom > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.version > best.version)) best = r;
  }
  return best?.version ?? null;
}

const summary = (r: SummaryRow, inForce: number | null): ProcessVersionSummary => ({
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  legalBasis: r.legalBasis,
  noteVi: r.noteVi,
  noteEn: r.noteEn,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  inForce: r.version === inForce,
});

async function versionRows(db: Ctx["db"], key?: string): Promise<SummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(processTemplateVersions)
    .leftJoin(users, eq(users.id, processTemplateVersions.createdBy))
    .where(key ? eq(processTemplateVersions.templateKey, key) : undefined)
    .orderBy(asc(processTemplateVersions.templateKey), asc(processTemplateVersions.version));
}

function presentTemplate(ctx: Ctx, t: { key: string; nameVi: string; nameEn: string }, rows: SummaryRow[]): ProcessTemplate {
  const inForce = inForceOf(rows, vietnamDate(ctx.clock.now()));
  return {
    key: t.key,
    nameVi: t.nameVi,
    nameEn: t.nameEn,
    inForceVersion: inForce,
    versions: rows.map((r) => summary(r, inForce)),
    abilities: abilitiesOf(ctx.actor, processTemplatePolicy, t),
  };
}

export async function listTemplates(ctx: Ctx): Promise<ProcessTemplate[]> {
  const [templates, rows] = await Promise.all([ctx.db.select().from(processTemplates).orderBy(processTemplates.key), versionRows(ctx.db)]);
  return templates
    .filter((t) => processTemplatePolicy.record.read(ctx.actor!, t))
    .map((t) =>
      presentTemplate(
        ctx,
        t,
        rows.filter((r) => r.templateKey === t.key),
      ),
    );
}

async function loadTemplate(ctx: Ctx, key: string) {
  const [t] = await ctx.db.select().from(processTemplates).where(eq(processTemplates.key, key));
  if (!t) throw notFound();
  authorize(ctx.actor, processTemplatePolicy, "read", t);
  return t;
}

export async function getTemplate(ctx: Ctx, key: string): Promise<ProcessTemplate> {
  const t = await loadTemplate(ctx, key);
  return presentTemplate(ctx, t, await versionRows(ctx.db, key));
}

export async function getVersion(ctx: Ctx, key: string, version: number): Promise<ProcessVersion> {
  const t = await loadTemplate(ctx, key);
  const rows = await versionRows(ctx.db, key);
  const row = rows.find((r) => r.version === version);
  if (!row) throw notFound();
  const [stored] = await ctx.db
    .select({ definition: processTemplateVersions.definition })
    .from(processTemplateVersions)
    .where(and(eq(processTemplateVersions.templateKey, key), eq(processTemplateVersions.version, version)));
  const def = stored.definition;
  return {
    ...summary(row, inForceOf(rows, vietnamDate(ctx.clock.now()))),
    key: t.key,
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    steps: def.steps,
    transitions: def.transitions,
    documentBases: documentBasesOf([def], key, version),
    guardLabels: GUARDS,
  };
}

type VersionInput = z.output<typeof processDefinitionInput>;

/** Adds the next version of a template: validated, effective today or later, audited; stored versions never change. */
export async function addVersion(ctx: Ctx, key: string, input: VersionInput): Promise<ProcessVersion> {
  const t = await loadTemplate(ctx, key);
  authorize(ctx.actor, processTemplatePolicy, "addVersion", t);
  const today = vietnamDate(ctx.clock.now());
  if (input.effectiveFrom < today) throw badInput("process.effective_in_past", { today }, [{ path: "body.effectiveFrom", code: "in_past", message: today }]);

  const created = await ctx.db.transaction(async (tx) => {
    // One writer per template at a time: the next number is taken under the template row's lock.
    await tx.execute(sql`SELECT 1 FROM process_templates WHERE key = ${key} FOR UPDATE`);
    const [last] = await tx
      .select({ version: processTemplateVersions.version, effectiveFrom: processTemplateVersions.effectiveFrom })
      .from(processTemplateVersions)
      .where(eq(processTemplateVersions.templateKey, key))
      .orderBy(desc(processTemplateVersions.version))
      .limit(1);
    if (last && input.effectiveFrom < last.effectiveFrom)
      throw badInput("process.effective_before_previous", { version: last.version, date: last.effectiveFrom }, [
        { path: "body.effectiveFrom", code: "before_previous", message: last.effectiveFrom },
      ]);
    const version = (last?.version ?? 0) + 1;
    const candidate: ProcessDefinition = { key, version, ...input } as ProcessDefinition;
    const parsed = parseProcessDefinition(candidate);
    if (!parsed.ok) {
      const details = parsed.issues.map((i) => ({ path: `body.${i.path}`, code: i.code, message: i.message[ctx.lang] }));
      throw new AppError("VALIDATION_FAILED", 400, "process.invalid_definition", details, { first: details[0]?.message ?? "" });
    }
    await tx.insert(processTemplateVersions).values({
      templateKey: key,
      version,
      effectiveFrom: input.effectiveFrom,
      legalBasis: input.legalBasis,
      noteVi: input.noteVi ?? null,
      noteEn: input.noteEn ?? null,
      definition: parsed.definition,
      createdAt: ctx.clock.now(),
      createdBy: ctx.actor!.userId,
    });
    await audit(tx, ctx, {
      action: "process_template.version_added",
      entityType: "process_template",
      entityId: key,
      after: { key, version, effectiveFrom: input.effectiveFrom, legalBasis: input.legalBasis },
    });
    return version;
  });
  return getVersion(ctx, key, created);
}
