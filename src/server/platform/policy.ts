// Policies: one file per resource (modules/<feature>/<feature>.policy.ts), default deny.
// An ability is a function of the actor and, where it matters, the record. The same rules decide the 403/404 and
// the `abilities` map sent with each record, so the UI shows only the buttons that will work.
import { AppError, forbidden, hiddenRecord } from "./errors.js";
import type { Actor } from "./context.js";

export type Ability<R> = (actor: Actor, record: R) => boolean;

export interface Policy<R, A extends string = string> {
  resource: string;
  /** Abilities that do not depend on a record (list, create, import…) */
  general: Partial<Record<string, (actor: Actor) => boolean>>;
  /** Abilities on one record. `read` decides whether the record exists for the actor at all (404 when not). */
  record: Record<A, Ability<R>> & { read: Ability<R> };
}

export function definePolicy<R, A extends string>(p: Policy<R, A>): Policy<R, A> {
  return p;
}

export function can<R, A extends string>(actor: Actor | null, policy: Policy<R, A>, ability: A | "read", record: R): boolean {
  if (!actor) return false;
  const fn = policy.record[ability as A];
  return fn ? fn(actor, record) : false;
}

export function canGeneral(actor: Actor | null, policy: Policy<unknown>, ability: string): boolean {
  if (!actor) return false;
  const fn = policy.general[ability];
  return fn ? fn(actor) : false;
}

/** Throws 404 when the actor may not see the record, 403 when they may see it but not do this. */
export function authorize<R, A extends string>(actor: Actor | null, policy: Policy<R, A>, ability: A | "read", record: R) {
  if (!actor) throw new AppError("UNAUTHENTICATED", 401, "error.unauthenticated");
  if (!policy.record.read(actor, record)) throw hiddenRecord();
  if (!can(actor, policy, ability, record)) throw forbidden();
}

export function abilitiesOf<R, A extends string>(
  actor: Actor | null,
  policy: Policy<R, A>,
  record: R,
): Record<A | "read", boolean> {
  const out = {} as Record<A | "read", boolean>;
  for (const name of Object.keys(policy.record) as A[]) out[name] = can(actor, policy, name, record);
  return out;
}
