// Routes from a lifecycle: every command of a record's lifecycle (lifecycle.ts) is declared as an HTTP route from
// one table in the module's routes file — one entry per command (or several when one command has several forms,
// e.g. approve and reject of one ability), each with its own zod body so that the OpenAPI document shows what each
// command needs. The kit derives the rest from the lifecycle:
//   - the guard: the policy and the command's ability (the route-level check; the record check runs in the command);
//   - the summary: the states the command runs in and leads to ("draft | published → cancelled"), then what the entry
//     says it needs, then the answers every command shares (INVALID_STATE, GUARD_FAILED, LOCKED, VERSION_CONFLICT);
//   - the path parameters: `:id` and any `:…Id` of an entry of the record, all UUIDs.
// The table must name every command of the lifecycle, so a command cannot be added without its route (a type error).
import { z, type ZodTypeAny } from "zod";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Ctx } from "./context.js";
import type { Lifecycle } from "./lifecycle.js";

type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** One route of a command. */
export interface CommandRoute<B extends ZodTypeAny = ZodTypeAny> {
  /** POST (a step; the default) or PUT (an edit that replaces a part of the record). */
  method?: "POST" | "PUT";
  /** The path after the record's path; default the command's name in kebab case. "" is the record's own path. */
  path?: string;
  /** Query parameters, when the command takes any besides its body (read them from `req.query`). */
  querystring?: ZodTypeAny;
  /** The body: one zod schema per command (for an upload, the schema of its form fields: `z.unknown()`). */
  body: B;
  /** An upload (multipart/form-data): the OpenAPI description of its parts; `run` receives the file from the request. */
  multipart?: unknown;
  /** A longer description (an upload's parts). */
  description?: string;
  /** The answer when it is not the record (an entry the command made), and its status (default 200). */
  response?: ZodTypeAny;
  status?: 200 | 201;
  /** What the command needs beyond its states, and what it does (English; goes into the OpenAPI summary). */
  summary: string;
  /**
   * The general ability that guards the route when it is not the command's (several commands decided under one general
   * right, e.g. "resolve" for completing or rejecting a deletion request).
   */
  guard?: string;
  run: (ctx: Ctx, params: Record<string, string>, body: z.infer<B>, req: FastifyRequest) => Promise<unknown>;
}

/** Declares one command route with its body's type inferred for `run`. */
export const command = <B extends ZodTypeAny>(route: CommandRoute<B>): CommandRoute => route as unknown as CommandRoute;

export interface CommandRoutes<C extends string> {
  /** The record's path ("/calls/:id"). */
  path: string;
  tags: string[];
  /** The record as the API answers it. */
  response: ZodTypeAny;
  /**
   * Every command of the lifecycle: its route or routes; or the command whose route also carries it (a paper ballot
   * is a ballot the secretary sends for a member), or the route of another record that runs it (removing a report
   * from its period), with the reason.
   */
  commands: Record<C, CommandRoute | CommandRoute[] | { routedAs: NoInfer<C>; why: string } | { route: string; why: string }>;
}

export const COMMAND_ANSWERS =
  "A wrong state answers 409 INVALID_STATE naming the state and the commands possible now; a final state 409 LOCKED; an unmet condition 409 GUARD_FAILED with the reason; a stale version 409 VERSION_CONFLICT with the record as it is now.";

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** "draft | published → cancelled", or "in draft" for an edit. */
export function commandStates<S extends string, C extends string, R>(lc: Lifecycle<S, C, R>, name: C): string {
  const c = lc.commands[name];
  if (c.to === undefined) return `in ${c.from.join(" | ")}`;
  if (typeof c.to === "string") return `${c.from.join(" | ")} → ${c.to}`;
  const moves = c.to as Partial<Record<S, S>>;
  return c.from.map((s) => (moves[s] ? `${s} → ${moves[s]}` : `in ${s}`)).join("; ");
}

/** The ability a command's route is guarded by (its `ability`, or its name). */
export const commandAbility = <S extends string, C extends string, R>(lc: Lifecycle<S, C, R>, name: C) => lc.commands[name].ability ?? name;

/** Registers the routes of every command of the lifecycle (see the top of this file). */
export function registerCommandRoutes<S extends string, C extends string, R>(app: App, lc: Lifecycle<S, C, R>, def: CommandRoutes<C>): void {
  for (const name of Object.keys(lc.commands) as C[]) {
    const entries = def.commands[name];
    if (!entries) throw new Error(`lifecycle ${lc.entity}: command ${name} has no route`);
    if ("route" in entries) continue;
    if ("routedAs" in entries) {
      const other = def.commands[entries.routedAs];
      if (!other || "routedAs" in other || "route" in other)
        throw new Error(`lifecycle ${lc.entity}: ${name} is routed as ${entries.routedAs}, which has no route`);
      continue;
    }
    for (const r of Array.isArray(entries) ? entries : [entries]) {
      const ability = r.guard ?? commandAbility(lc, name);
      // A general ability is checked before the handler; a record-only one (who may enter a report's figures depends on
      // the report) lets every signed-in user through to the command, which decides on the record.
      if (!Object.hasOwn(lc.policy.general, ability) && !Object.hasOwn(lc.policy.record, ability))
        throw new Error(`lifecycle ${lc.entity}: the policy has no ability ${ability}`);
      const sub = r.path ?? kebab(name);
      const url = sub ? `${def.path}/${sub}` : def.path;
      const names = [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const params = z.object(Object.fromEntries(names.map((n) => [n, z.string().uuid()])));
      const status = r.status ?? 200;
      app.route({
        method: r.method ?? "POST",
        url,
        config: { policy: { of: lc.policy, ability } },
        schema: {
          tags: def.tags,
          summary: `${commandStates(lc, name)}: ${r.summary} ${COMMAND_ANSWERS}`,
          params,
          ...(r.querystring ? { querystring: r.querystring } : {}),
          ...(r.multipart ? { consumes: ["multipart/form-data"], multipart: r.multipart, description: r.description } : { body: r.body }),
          response: { [status]: r.response ?? def.response },
        },
        handler: async (req: FastifyRequest, reply: FastifyReply) => {
          const answer = await r.run(req.ctx, req.params as Record<string, string>, req.body, req);
          return status === 200 ? answer : reply.status(status).send(answer);
        },
      });
    }
  }
}
