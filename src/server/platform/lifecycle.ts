// The lifecycle kit: one way to move a record that has a status. A module declares its lifecycle (states, commands,
// each command's source states and target) beside its policy, and runs every command through `runCommand`:
//
//   load the record FOR UPDATE → 404 when missing or not visible → 403 when the role may not do this in any state →
//   409 INVALID_STATE (the state, the command, what is possible now) when the role could but not in this state →
//   the module's guard (409 GUARD_FAILED with the reason in both languages) → the guarded
//   UPDATE … WHERE id AND state AND version (409 VERSION_CONFLICT with the record as it is now) → the module's effect
//   → one audit row "<entity>.<command>", all in one transaction. A refusal that must keep its checks (`refuse`) commits
//   them and is thrown after the commit; writes a final state's lock would refuse go in `prepare`, before the UPDATE.
//
// A command without a target state is an edit allowed in some states (e.g. "update" while draft). The process
// templates of S&T tasks (platform/workflow.ts) are the template-driven case of the same steps.
import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { AppError, forbidden, hiddenRecord, notFound, staleVersion, unauthenticated } from "./errors.js";
import { can, type Policy } from "./policy.js";
import { audit } from "./audit.js";
import { transitionAction, type LifecycleTransitionPayload } from "./audit-actions.js";
import { t, type Lang, type MessageKey } from "./messages.js";
import type { Actor, Ctx, Tx } from "./context.js";

export interface Label {
  vi: string;
  en: string;
}

export interface CommandDef<S extends string> {
  /** The states the command may run in. */
  from: readonly S[];
  /**
   * The state it leads to; none for an edit that keeps the state; or, for an edit that moves some of its states on, the
   * state each of those leads to (the first save of a scheduled report makes it a draft: `{ scheduled: "draft" }`).
   */
  to?: S | Partial<Record<S, S>>;
  /** What the command is called in messages ("công bố", "publish"). */
  label: Label;
  /** The policy's record ability that decides who may run it, when not named like the command (two commands of one ability). */
  ability?: string;
}

export interface Lifecycle<S extends string, C extends string, R> {
  /** Audit entity type and action prefix ("call" → "call.publish"). */
  entity: string;
  /** The audit entity type when it is not the action prefix (statistical reports: "statistics_report.approve" on "statistical_report"). */
  auditEntity?: string;
  /** The record's name in messages, lower case ("đợt gọi", "call"). */
  name: Label;
  states: Record<S, Label>;
  commands: Record<C, CommandDef<S>>;
  /** The policy whose record abilities (named like the commands, or the command's `ability`) decide who may run each command. */
  policy: Policy<R, string>;
  /** The state in the policy's record reference, and the same reference in another state. */
  stateOf: (ref: R) => S;
  withState: (ref: R, state: S) => R;
  /** Whether a command the actor may run is named among "what is possible now" (default: all of them). */
  offered?: (actor: Actor, ref: R, command: C) => boolean;
  /**
   * The table and its columns. The kit sets the state column, `version` and, unless `stamped` is false, `updatedAt`
   * and `updatedBy` (the property names every record table with a status uses).
   */
  table: PgTable;
  columns: { id: AnyPgColumn; state: AnyPgColumn; version: AnyPgColumn };
  /** The property name of the state column in the table ("status", "state"). */
  stateKey: string;
  /** Whether the table has `updatedAt` / `updatedBy` for the kit to set (default true). */
  stamped?: boolean;
  /**
   * A final state that takes no more changes (a concluded council): the error (409 LOCKED, `errors.locked`) for a
   * command in it, or null. Asked before the state check, so a locked record answers LOCKED, not INVALID_STATE.
   */
  locked?: (ref: R, command: C) => AppError | null;
}

/** Declares a lifecycle; checks that every command's states exist (a typo fails at start-up, not at the first use). */
export function defineLifecycle<S extends string, C extends string, R>(lc: Lifecycle<S, C, R>): Lifecycle<S, C, R> {
  for (const [name, c] of Object.entries<CommandDef<S>>(lc.commands)) {
    const targets = c.to === undefined ? [] : typeof c.to === "string" ? [c.to] : Object.entries(c.to).flat();
    for (const s of [...c.from, ...(targets as S[])]) {
      if (!(s in lc.states)) throw new Error(`lifecycle ${lc.entity}: command ${name} names the unknown state ${s}`);
    }
  }
  return lc;
}

/** The state a command leads to from `from`. */
export function targetOf<S extends string>(c: CommandDef<S>, from: S): S {
  return c.to === undefined ? from : typeof c.to === "string" ? c.to : (c.to[from] ?? from);
}

const abilityOf = <S extends string, C extends string, R>(lc: Lifecycle<S, C, R>, command: C) => lc.commands[command].ability ?? command;

/** The commands the actor may run on the record now. */
export function allowedCommands<S extends string, C extends string, R>(actor: Actor | null, lc: Lifecycle<S, C, R>, ref: R): C[] {
  const state = lc.stateOf(ref);
  return (Object.keys(lc.commands) as C[]).filter(
    (c) => lc.commands[c].from.includes(state) && can(actor, lc.policy, abilityOf(lc, c), ref) && (!lc.offered || !actor || lc.offered(actor, ref, c)),
  );
}

/** 409 INVALID_STATE: the command cannot run in the record's state; names the state and what the actor may do now. */
export function invalidState<S extends string, C extends string, R>(actor: Actor | null, lang: Lang, lc: Lifecycle<S, C, R>, ref: R, command: C): AppError {
  const state = lc.stateOf(ref);
  const allowed = allowedCommands(actor, lc, ref);
  const none = { vi: "không có thao tác nào", en: "nothing" }[lang];
  return new AppError(
    "INVALID_STATE",
    409,
    "lifecycle.invalid_state",
    { state, command, allowed },
    {
      entity: lc.name[lang],
      state: lc.states[state][lang],
      command: lc.commands[command].label[lang],
      allowed: allowed.map((c) => lc.commands[c].label[lang]).join(", ") || none,
    },
  );
}

/** 409 GUARD_FAILED: the record is in the right state but a condition of the command is not met; the reason in both languages. */
export function guardFailed(key: MessageKey, params: Record<string, unknown> = {}, details: Record<string, unknown> = {}): AppError {
  return new AppError("GUARD_FAILED", 409, key, { ...details, reason: { vi: t("vi", key, params), en: t("en", key, params) } }, params);
}

/**
 * 404 when the actor may not see the record; passes when they may run the command on it; 409 INVALID_STATE when they
 * could run it in another state of the lifecycle; 403 otherwise.
 */
export function authorizeCommand<S extends string, C extends string, R>(actor: Actor | null, lang: Lang, lc: Lifecycle<S, C, R>, ref: R, command: C) {
  if (!actor) throw unauthenticated();
  if (!lc.policy.record.read(actor, ref)) throw hiddenRecord();
  const state = lc.stateOf(ref);
  const ability = abilityOf(lc, command);
  if (lc.commands[command].from.includes(state) && can(actor, lc.policy, ability, ref)) return;
  const locked = lc.locked?.(ref, command);
  if (locked) throw locked;
  const elsewhere = lc.commands[command].from.some((s) => s !== state && can(actor, lc.policy, ability, lc.withState(ref, s)));
  throw elsewhere ? invalidState(actor, lang, lc, ref, command) : forbidden();
}

export interface CommandRun<S extends string, C extends string, R, L> {
  id: string;
  command: C;
  /**
   * The version the caller read. Absent for a command on an entry of the record that carries its own version (a
   * contract's amendment): the record is still locked, moved on and audited with its version.
   */
  version?: number;
  /** Loads the record (the kit asks for it FOR UPDATE), or null when there is none. */
  load: (tx: Tx, id: string, forUpdate: boolean) => Promise<L | null>;
  /** The policy's reference of the loaded record. */
  refOf: (loaded: L) => R;
  /** The record as the API shows it, for the VERSION_CONFLICT answer. */
  present: (loaded: L, tx: Tx) => unknown;
  /** Conditions of the command beyond the state (throw `guardFailed(…)`). */
  guard?: (loaded: L, tx: Tx) => void | Promise<void>;
  /**
   * A refusal whose checks are kept (a conflict of interest found at a council's invitation): answers the error after
   * writing what must stay (its audit row, the checks); the kit commits those writes, then throws the error.
   */
  refuse?: (loaded: L, tx: Tx) => Promise<AppError | null>;
  /** Writes that must precede the state change (a lock trigger refuses them once the record is in its final state). */
  prepare?: (loaded: L, tx: Tx) => Promise<AuditExtra | void>;
  /** Further columns the UPDATE sets (timestamps of the step, who took it, a reason…). */
  set?: (loaded: L) => Record<string, unknown>;
  /** The module's effect after the UPDATE, in the same transaction; may add to the audit row. */
  effect?: (tx: Tx, loaded: L) => Promise<AuditExtra | void>;
  /** Details of the audit row (a reason, a comment…). */
  details?: Record<string, unknown>;
}

export interface AuditExtra {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

/** Runs one command in its own transaction (see the top of this file). */
export async function runCommand<S extends string, C extends string, R, L>(ctx: Ctx, lc: Lifecycle<S, C, R>, run: CommandRun<S, C, R, L>): Promise<void> {
  const now = ctx.clock.now();
  const kept = await ctx.db.transaction(async (tx) => {
    const loaded = await run.load(tx, run.id, true);
    if (!loaded) throw notFound();
    const ref = run.refOf(loaded);
    authorizeCommand(ctx.actor, ctx.lang, lc, ref, run.command);
    await run.guard?.(loaded, tx);
    const refusal = (await run.refuse?.(loaded, tx)) ?? null;
    if (refusal) return refusal;
    const prepared = (await run.prepare?.(loaded, tx)) ?? {};
    const from = lc.stateOf(ref);
    const to = targetOf(lc.commands[run.command], from);
    const updated = await tx
      .update(lc.table)
      .set({
        ...run.set?.(loaded),
        [lc.stateKey]: to,
        ...(lc.stamped === false ? {} : { updatedAt: now, updatedBy: ctx.actor!.userId }),
        version: sql`${lc.columns.version} + 1`,
      } as never)
      .where(and(eq(lc.columns.id, run.id), eq(lc.columns.state, from), run.version === undefined ? undefined : eq(lc.columns.version, run.version)))
      .returning({ version: lc.columns.version });
    // The row is locked and in `from`: only the version can differ.
    if (!updated.length) throw staleVersion(await run.present(loaded, tx));
    const effected = (await run.effect?.(tx, loaded)) ?? {};
    const extra: AuditExtra = {
      before: { ...prepared.before, ...effected.before },
      after: { ...prepared.after, ...effected.after },
      details: prepared.details || effected.details ? { ...prepared.details, ...effected.details } : undefined,
    };
    const version = (updated[0].version as number) - 1;
    const payload: LifecycleTransitionPayload = {
      before: { ...extra.before, status: from, version },
      after: { ...extra.after, status: to, version: version + 1 },
      details: run.details || extra.details ? { ...run.details, ...extra.details } : undefined,
    };
    await audit(tx, ctx, { action: transitionAction(lc.entity, run.command), entityType: lc.auditEntity ?? lc.entity, entityId: run.id, ...payload });
    return null;
  });
  if (kept) throw kept;
}
