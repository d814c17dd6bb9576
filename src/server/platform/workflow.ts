// The workflow engine: every state transition of a record that follows a process template (tasks, and anything
// else with a lifecycle) goes through `transition()` — one command, one guarded UPDATE, one audit row, inside the
// caller's transaction.
//
// Versions: a record stores (template_key, template_version) when it starts (`templateInForce(db, key, startDate)`)
// and from then on is moved with THAT version's definition (`templateVersion(db, key, version)`), so a later version
// (new law, new circular) never changes the rules for a record already under way. Stored versions are immutable
// (migration 0006 refuses UPDATE and DELETE).
//
// Order of checks in `transition()`: the action exists from the record's current state (else 409 naming the action
// and the step in the caller's language) → the actor holds one of the transition's roles (403, audited as a denial)
// → the transition's required documents (409) → its named guards, each a function the calling module supplies
// (409 with the guard's own reason; a guard may instead throw its own AppError when the condition cannot be judged
// yet, e.g. the tasks' council guards before any council is formed) → `UPDATE … SET state, version + 1 WHERE id AND state AND version` (0 rows:
// 409, someone else moved it first) → audit "<entity>.<action>" with from/to. Of N concurrent identical
// transitions exactly one wins; the others answer 409 (SECURITY.md 22).
import { and, desc, eq, lte, sql, type SQL } from "drizzle-orm";
import { processTemplateVersions } from "../db/schema/index.js";
import { fromSteps, GUARDS, type GuardKey, type ProcessDefinition, type ProcessTransition } from "../../common/processes/schema.js";
import { audit } from "./audit.js";
import { prepared } from "../db/prepared.js";
import { transitionAction, type WorkflowTransitionPayload } from "./audit-actions.js";
import type { Actor, Ctx, Executor, Tx } from "./context.js";
import { AppError, forbidden, notFound } from "./errors.js";

export interface TemplateVersionRow {
  key: string;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  definition: ProcessDefinition;
}

const columns = {
  key: processTemplateVersions.templateKey,
  version: processTemplateVersions.version,
  effectiveFrom: processTemplateVersions.effectiveFrom,
  legalBasis: processTemplateVersions.legalBasis,
  definition: processTemplateVersions.definition,
};

/** The version of a template in force on a date: the latest effective date ≤ that date (then the highest number). */
export async function templateInForce(db: Executor, key: string, onDate: string): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select(columns)
    .from(processTemplateVersions)
    .where(and(eq(processTemplateVersions.templateKey, key), lte(processTemplateVersions.effectiveFrom, onDate)))
    .orderBy(desc(processTemplateVersions.effectiveFrom), desc(processTemplateVersions.version))
    .limit(1);
  return row ?? null;
}

/** One stored version: what a record that started under it follows. */
export async function templateVersion(db: Executor, key: string, version: number): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select(columns)
    .from(processTemplateVersions)
    .where(and(eq(processTemplateVersions.templateKey, key), eq(processTemplateVersions.version, version)));
  return row ?? null;
}

// Stored versions never change (migration 0006 refuses UPDATE and DELETE), so a server keeps the definitions it has
// read. Each call still asks the database which versions exist — a version added through another server is seen at
// once — and fetches only the definitions it has not read yet. The creation instant is part of the cache key, so two
// databases served by one process (tests) never share an entry.
const definitionCache = new Map<string, ProcessDefinition>();

// Which versions are stored, read by every task list and record: prepared once (db/prepared.ts).
const storedVersions = (db: Executor, name: string) =>
  db
    .select({ key: processTemplateVersions.templateKey, version: processTemplateVersions.version, createdAt: processTemplateVersions.createdAt })
    .from(processTemplateVersions)
    .prepare(name);

/** Every stored template version's definition, by "key@version". */
export async function allTemplateDefinitions(db: Executor): Promise<Map<string, ProcessDefinition>> {
  const stored = await prepared(db, "template_versions", storedVersions).execute();
  const cacheKey = (r: { key: string; version: number; createdAt: Date }) => `${r.key}@${r.version}@${r.createdAt.toISOString()}`;
  const missing = stored.filter((r) => !definitionCache.has(cacheKey(r)));
  if (missing.length) {
    const rows = await db
      .select({
        key: processTemplateVersions.templateKey,
        version: processTemplateVersions.version,
        createdAt: processTemplateVersions.createdAt,
        definition: processTemplateVersions.definition,
      })
      .from(processTemplateVersions);
    for (const r of rows) definitionCache.set(cacheKey(r), r.definition as ProcessDefinition);
  }
  return new Map(stored.map((r) => [`${r.key}@${r.version}`, definitionCache.get(cacheKey(r))!]));
}

export const stepOf = (def: ProcessDefinition, key: string) => def.steps.find((s) => s.key === key);

/** Transitions leaving a state (whoever may take them). */
export const transitionsFrom = (def: ProcessDefinition, state: string): ProcessTransition[] => def.transitions.filter((t) => fromSteps(t).includes(state));

export interface AvailableAction {
  action: string;
  to: string;
  labelVi: string;
  labelEn: string;
  requiredDocuments: string[];
  guards: GuardKey[];
}

/** The actions the actor's roles allow from a state: what a record's `abilities` offer (guards decide at the time). */
export function availableActions(def: ProcessDefinition, state: string, actor: Actor | null): AvailableAction[] {
  if (!actor) return [];
  return transitionsFrom(def, state)
    .filter((t) => t.roles.some((r) => actor.roles.includes(r)))
    .map((t) => ({
      action: t.action,
      to: t.to,
      labelVi: t.labelVi,
      labelEn: t.labelEn,
      requiredDocuments: t.requiredDocuments ?? [],
      guards: t.guards ?? [],
    }));
}

/** A guard's verdict: true when it holds, else the reason in both languages. */
export type GuardResult = true | { vi: string; en: string };
export type GuardFn = (db: Executor) => GuardResult | Promise<GuardResult>;

export interface TransitionRequest {
  /** The table of the record; it has columns id, state and version. */
  table: string;
  /** The audit entity type (default: the table name); the audit action is "<entity>.<action>". */
  entity?: string;
  id: string;
  /** The version the caller read (optimistic concurrency). */
  version: number;
  definition: ProcessDefinition;
  action: string;
  /** An implementation of every guard the transition names; a named guard without one refuses (fails closed). */
  guards?: Partial<Record<GuardKey, GuardFn>>;
  /** Which of the transition's required document codes are missing; required when the transition lists any. */
  missingDocuments?: (db: Executor, codes: string[]) => Promise<string[]>;
  /** The documents are a dossier's (submitting it, revising the selected one): the refusal says where they go. */
  documentsOfDossier?: boolean;
  /** Further assignments of the same UPDATE (e.g. sql`updated_at = now(), decided_by = ${userId}`). */
  set?: SQL;
  /** Extra audit details (comment, decision number…). */
  details?: Record<string, unknown>;
}

export interface TransitionResult {
  from: string;
  to: string;
  version: number;
  transition: ProcessTransition;
}

const notAllowed = (def: ProcessDefinition, state: string, action: string, t?: ProcessTransition) => {
  const step = stepOf(def, state);
  const named = t ?? def.transitions.find((x) => x.action === action);
  return new AppError(
    "TRANSITION_NOT_ALLOWED",
    409,
    "workflow.not_allowed",
    { state, action },
    {
      stateVi: step?.labelVi ?? state,
      stateEn: step?.labelEn ?? state,
      actionVi: named?.labelVi ?? action,
      actionEn: named?.labelEn ?? action,
    },
  );
};

/**
 * The transition's preconditions, in the order `transition()` checks them: its required documents (409
 * DOCUMENTS_MISSING), then each named guard (409 GUARD_FAILED with the guard's reason, or the AppError a guard throws
 * itself). The refusal, or null when the transition may run. Read-only: a record's page asks it for every action it
 * offers (`actionReadiness`), so a button that cannot run is shown disabled with the same reason the command gives.
 */
export async function preconditionRefusal(
  db: Executor,
  t: ProcessTransition,
  req: Pick<TransitionRequest, "guards" | "missingDocuments" | "documentsOfDossier">,
): Promise<AppError | null> {
  try {
    if (t.requiredDocuments?.length) {
      if (!req.missingDocuments) throw new Error(`workflow: ${t.action} requires documents but no checker was given`);
      const missing = await req.missingDocuments(db, t.requiredDocuments);
      if (missing.length) {
        const key = req.documentsOfDossier ? "workflow.documents_missing_dossier" : "workflow.documents_missing";
        return new AppError("DOCUMENTS_MISSING", 409, key, { missing }, { documents: missing.join(", ") });
      }
    }
    for (const g of t.guards ?? []) {
      const fn = req.guards?.[g];
      if (!fn) throw new Error(`workflow: guard ${g} of ${t.action} has no implementation`);
      const verdict = await fn(db);
      if (verdict !== true)
        return new AppError(
          "GUARD_FAILED",
          409,
          "workflow.guard_failed",
          { guard: g, reason: verdict },
          { guardVi: GUARDS[g].vi, guardEn: GUARDS[g].en, reasonVi: verdict.vi, reasonEn: verdict.en },
        );
    }
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

/** Moves one record along its process. Call inside the caller's transaction, with that transaction's handle. */
export async function transition(tx: Tx, ctx: Pick<Ctx, "actor" | "ip" | "correlationId" | "clock">, req: TransitionRequest): Promise<TransitionResult> {
  const table = sql.identifier(req.table);
  const entity = req.entity ?? req.table;
  const current = await tx.execute<{ state: string; version: number }>(sql`SELECT state, version FROM ${table} WHERE id = ${req.id}`);
  const row = current.rows[0];
  if (!row) throw notFound();
  const from = row.state;

  const t = transitionsFrom(req.definition, from).find((x) => x.action === req.action);
  if (!t) throw notAllowed(req.definition, from, req.action);
  if (!ctx.actor || !t.roles.some((r) => ctx.actor!.roles.includes(r))) throw forbidden();

  const refusal = await preconditionRefusal(tx, t, req);
  if (refusal) throw refusal;

  const updated = await tx.execute<{ version: number }>(sql`
    UPDATE ${table} SET state = ${t.to}, version = version + 1${req.set ? sql`, ${req.set}` : sql``}
     WHERE id = ${req.id} AND state = ${from} AND version = ${req.version}
     RETURNING version`);
  if (!updated.rows.length) {
    throw new AppError("VERSION_CONFLICT", 409, "error.conflict_version", { current: { id: req.id, state: from, version: row.version } });
  }
  const version = Number(updated.rows[0].version);
  const payload: WorkflowTransitionPayload = {
    before: { state: from, version: req.version },
    after: { state: t.to, version },
    details: { ...req.details, template: req.definition.key, templateVersion: req.definition.version },
  };
  await audit(tx, ctx, { action: transitionAction(entity, req.action), entityType: entity, entityId: req.id, ...payload });
  return { from, to: t.to, version, transition: t };
}
