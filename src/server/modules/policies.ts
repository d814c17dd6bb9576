// The signed-in user's general abilities (what they may list, create, import, export…), sent to the web app in
// `GET /auth/me` as `can`, so the menu and buttons follow the same rules that answer 403 on the server.
// The policies are the ones the app's routes name (`config.policy.of`): a module's policy is in `can` as soon as one
// of its routes is mounted, and no hand-kept list can leave one out.
import type { RouteInfo } from "../app.js";
import type { Actor } from "../platform/context.js";
import type { Policy } from "../platform/policy.js";
import type { GeneralAbilities } from "../../common/abilities.js";

/** Per route list, the policies collected and how many routes there were then (routes are added until start-up ends). */
const collected = new WeakMap<readonly RouteInfo[], { routeCount: number; policies: Policy<never>[] }>();

/**
 * Every distinct policy named by the given routes, in order of resource name. Two different policies under one
 * resource name would overwrite each other in `can`: that is a programming error and throws (the app's ready hook
 * calls this, so such an app does not start).
 */
export function policiesOfRoutes(routes: readonly RouteInfo[]): Policy<never>[] {
  const known = collected.get(routes);
  if (known?.routeCount === routes.length) return known.policies;
  const byResource = new Map<string, Policy<never>>();
  for (const r of routes) {
    const p = r.config.policy?.of;
    if (!p) continue;
    const seen = byResource.get(p.resource);
    if (seen && seen !== p) throw new Error(`Two different policies share the resource name "${p.resource}" (${r.method} ${r.url})`);
    byResource.set(p.resource, p);
  }
  const policies = [...byResource.keys()].sort().map((k) => byResource.get(k)!);
  collected.set(routes, { routeCount: routes.length, policies });
  return policies;
}

export function generalAbilities(actor: Actor, policies: readonly Policy<never>[]): GeneralAbilities {
  // The app's policies are those of common/abilities.ts with the same names (a type error otherwise, and
  // security/declared-abilities.test.ts checks that the routes name no other).
  const out: Record<string, Record<string, boolean>> = {};
  for (const p of policies) {
    out[p.resource] = Object.fromEntries(Object.entries(p.general).map(([name, fn]) => [name, !!fn?.(actor)]));
  }
  return out as GeneralAbilities;
}
