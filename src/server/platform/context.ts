// What a service needs to know about the request: who acts, in which language, from where, at what time.
import type { Db } from "../db/client.js";
export type { Db };
import type { Role } from "../../common/roles.js";
import type { Lang } from "./messages.js";
import type { Clock } from "./clock.js";
import type { Config } from "../config.js";

export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
  personId: string | null;
  organisationId: string | null;
  sessionId: string;
}

export interface Ctx {
  actor: Actor | null;
  lang: Lang;
  ip: string | null;
  correlationId: string;
  clock: Clock;
  config: Config;
  db: Db;
}

/** A transaction handle: inside a transaction, use only this (PGlite runs one transaction at a time). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export const hasRole = (actor: Actor | null, ...roles: Role[]) => !!actor && actor.roles.some((r) => roles.includes(r));
