// Policies: one file per resource (modules/<feature>/<feature>.policy.ts), default deny.
// An ability is a function of the actor and, where it matters, the record. The same rules decide the 403/404 and
// the `abilities` map sent with each record, so the UI shows only the buttons that will work.
import { AppError, forbidden, hiddenRecord } from "./errors.js";
import type { Actor } from "./context.js";
import type { GeneralAbility, ResourceName } from "../../common/abilities.js";

export type Ability<R> = (actor: Actor, record: R) => boolean;

export interface Policy<R, A extends string = string, G extends string = string> {
  resource: string;
  /** Abilities that do not depend on a record (list, create, import…) */
  general: Partial<Record<G, (actor: Actor) => boolean>>;
  /** Abilities on one record. `read` decides whether the record exists for the actor at all (404 when not). */
  record: Record<A, Ability<R>> & { read: Ability<R> };
}

/**
 * A policy of resource K: its general abilities are exactly the names common/abilities.ts declares for K (a missing
 * or extra name is a type error), and its literal ability names are kept, so a route naming one the policy does not
 * have (`guard("sgin")`) fails the type check.
 */
export function definePolicy<R, A extends string, K extends ResourceName>(p: {
  resource: K;
  general: Record<GeneralAbility<K>, (actor: Actor) => boolean>;
  record: Record<A, Ability<R>> & { read: Ability<R> };
}): Policy<R, A, GeneralAbility<K>> & { resource: K; general: Record<GeneralAbility<K>, (actor: Actor) => boolean> } {
  return p;
}

/** Every ability a route may name on policy P: its general abilities and its record abilities. */
export type AbilityOf<P extends Policy<never, string, string>> = Extract<keyof P["general"] | keyof P["record"], string>;

/** A route's `config` guarded by one ability of a policy; the ability is checked against the policy's names. */
export function policyGuard<P extends Policy<never, string, string>>(of: P, ability: AbilityOf<P>) {
  return { policy: { of, ability } };
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

export function abilitiesOf<R, A extends string>(actor: Actor | null, policy: Policy<R, A>, record: R): Record<A | "read", boolean> {
  const out = {} as Record<A | "read", boolean>;
  for (const name of Object.keys(policy.record) as A[]) out[name] = can(actor, policy, name, record);
  return out;
}
