// What every contract command shares: loading the row and its ledger, the two-person rules, the refusals of the
// ledger arithmetic (common/contract-ledger.ts) as API errors, and the contract's audit snapshot.
//
// Money rules (SECURITY.md 10, two-person rule; amounts are integer đồng):
// - The city S&T budget part of a contract never exceeds the task's approved city budget; the disbursement plan's
//   city amounts add up to exactly that part (checked when the plan is saved, when the contract is signed and when a
//   budget amendment is applied).
// - A contract is signed by someone other than who prepared or last edited it; a payment, reversal or return is
//   approved by a finance user or leader other than who recorded it; an amendment is decided by a leader other than
//   who requested it. The same person answers 409 TWO_PERSON_RULE whose message names the role that matched
//   (details.rule: sign_preparer | sign_editor | payment_recorder | amendment_requester | terminate_preparer); the
//   record tells the same in advance (`refusals` of the contract, a payment, an amendment).
// - The ledger is append-only: an approved entry is never edited; a reversal is a new negative entry with a reason,
//   itself approved by a second person. Every money write locks the contract row (FOR UPDATE) first, so the limits
//   (tranche plan, contract value, returns) hold under concurrency, and of N identical approvals exactly one wins.
import { asc, eq, inArray } from "drizzle-orm";
import { contractPayments, contracts, contractTranches, tasks, users } from "../../db/schema/index.js";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, notFound } from "../../platform/errors.js";
import { t, type Lang, type MessageKey } from "../../platform/messages.js";
import { authorizeCommand } from "../../platform/lifecycle.js";
import { together } from "../../platform/together.js";
import { limitRefusal, type NewEntry } from "../../../common/contract-ledger.js";
import type { Refusal } from "../../../common/api/contract.js";
import type { ContractRef } from "./contracts.policy.js";
import { contractLifecycle, type ContractCommand } from "./contracts.lifecycle.js";
import { formatNumber } from "../../../common/number-format.js";

export type ContractRow = typeof contracts.$inferSelect;
export type PaymentRow = typeof contractPayments.$inferSelect;
export type TrancheRow = typeof contractTranches.$inferSelect;
export interface RowLedger {
  tranches: TrancheRow[];
  payments: PaymentRow[];
}

export const vnd = (n: number) => formatNumber(n, "vi-VN");
export const conflict = (code: string, key: MessageKey, params: Record<string, unknown> = {}, details?: unknown) =>
  new AppError(code, 409, key, details ?? params, params);

export const ref = (c: ContractRow): ContractRef => ({ status: c.status, piPersonId: c.piPersonId, partyBOrganisationId: c.partyBOrganisationId });

export async function loadRow(db: Executor, id: string, lock = false): Promise<ContractRow | null> {
  const q = db.select().from(contracts).where(eq(contracts.id, id));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/**
 * Locks the contract (FOR UPDATE) for a command that writes one of its entries (a payment, an amendment) and checks
 * the command as the lifecycle kit does: 404 unseen, 403 role, 409 INVALID_STATE in a state that does not allow it.
 */
export async function lockForCommand(tx: Tx, ctx: Ctx, id: string, command: ContractCommand): Promise<ContractRow> {
  const row = await loadRow(tx, id, true);
  if (!row) throw notFound();
  authorizeCommand(ctx.actor, ctx.lang, contractLifecycle, ref(row), command);
  return row;
}

export async function loadLedger(db: Executor, contractId: string): Promise<RowLedger> {
  const [tranches, payments] = await together(db, [
    () => db.select().from(contractTranches).where(eq(contractTranches.contractId, contractId)).orderBy(asc(contractTranches.position)),
    () =>
      db.select().from(contractPayments).where(eq(contractPayments.contractId, contractId)).orderBy(asc(contractPayments.preparedAt), asc(contractPayments.id)),
  ]);
  return { tranches, payments };
}

/** The ledger's limits as an API error: 400 for a tranche that is not in the contract, 409 with what is available otherwise. */
export function assertWithinLimits(c: ContractRow, l: RowLedger, e: NewEntry, deciding: boolean) {
  const r = limitRefusal({ city: c.valueCity, other: c.valueOther }, l, e, deciding);
  if (!r) return;
  if (r.code === "TRANCHE_NOT_FOUND") throw badInput(r.key, {}, [{ path: "trancheId", code: "not_found", message: "" }]);
  const params = { label: r.label, available: r.available === undefined ? undefined : vnd(r.available) };
  throw conflict(r.code, r.key, params, r.available === undefined ? params : { available: r.available });
}

export async function approvedCityBudget(tx: Executor, taskId: string) {
  const [row] = await tx.select({ city: tasks.approvedBudgetCity }).from(tasks).where(eq(tasks.id, taskId));
  return row?.city ?? 0;
}

export async function namesOf(db: Executor, ids: (string | null)[]) {
  const uniq = [...new Set(ids.filter((x): x is string => !!x))];
  if (!uniq.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * The two-person rules, each naming the role the actor must not have had: signing (the contract's preparer, its last
 * editor), deciding a ledger entry (who recorded it), deciding an amendment (who requested it), terminating (the
 * contract's preparer).
 */
export const TWO_PERSON_RULES = {
  sign_preparer: "contract.two_person.sign_preparer",
  sign_editor: "contract.two_person.sign_editor",
  payment_recorder: "contract.two_person.payment_recorder",
  amendment_requester: "contract.two_person.amendment_requester",
  terminate_preparer: "contract.two_person.terminate_preparer",
} as const satisfies Record<string, MessageKey>;
export type TwoPersonRule = keyof typeof TWO_PERSON_RULES;
type Checks = [TwoPersonRule, string | null][];

/** The rules the user would break, in the order given (the first names the role in the message). */
const broken = (checks: Checks, userId: string) => checks.filter(([, u]) => u === userId);

/** Refuses (409 TWO_PERSON_RULE) when the actor is the user of one of the rules, in the order given: the message names that role. */
export async function twoPerson(db: Executor, ctx: Ctx, checks: Checks) {
  const hits = broken(checks, ctx.actor!.userId);
  if (!hits.length) return;
  const [rule, user] = hits[0];
  const names = await namesOf(db, [user]);
  const name = names.get(user!) ?? ctx.actor!.username;
  throw new AppError("TWO_PERSON_RULE", 409, TWO_PERSON_RULES[rule], { rule, rules: hits.map(([r]) => r), userId: user }, { name });
}

/** The same rule told in advance, for the record's `refusals`: null when the user may act. */
export function twoPersonRefusal(lang: Lang, userId: string | undefined, checks: Checks, names: Map<string, string>): Refusal | null {
  if (!userId) return null;
  const hits = broken(checks, userId);
  if (!hits.length) return null;
  const [rule, user] = hits[0];
  return { code: "TWO_PERSON_RULE", message: t(lang, TWO_PERSON_RULES[rule], { name: names.get(user!) ?? "" }) };
}

/** What the audit keeps of a contract before and after a command. */
export function snapshot(c: ContractRow) {
  return {
    number: c.number,
    status: c.status,
    valueCity: c.valueCity,
    valueOther: c.valueOther,
    startDate: c.startDate,
    endDate: c.endDate,
    piPersonId: c.piPersonId,
    partyBOrganisationId: c.partyBOrganisationId,
    version: c.version,
  };
}
