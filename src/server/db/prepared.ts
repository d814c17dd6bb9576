// Prepared statements for the hot paths (the session lookup every request runs, the registry reads).
//
// A Drizzle query built once with `sql.placeholder(...)` and `.prepare(name)` keeps its SQL text and result mapping:
// each call only fills the parameters, instead of rebuilding the statement through Drizzle's query builder (about
// a third of the app's busy time in a CPU profile of the registry pages). On a PostgreSQL server the statement is
// also NAMED, so each pooled connection parses and plans it once and afterwards only binds and executes it
// (node-postgres remembers per connection which names it has parsed).
//
// Embedded PGlite is one backend shared by every socket connection (db/pglite-worker.mjs): a statement named on one
// connection exists for all of them, so a second connection's Parse of the same name would fail ("prepared statement
// … already exists"). There the statements stay unnamed (name ""): the query builder is still skipped, PGlite parses
// and plans each call as before.
//
// A prepared query is bound to the client it was prepared on, so only the pool's root Drizzle instance caches them;
// inside a transaction (`tx`) the query is built and run unnamed through that transaction, as any other query.
import crypto from "node:crypto";
import type { Executor } from "../platform/context.js";

interface PreparedCache {
  named: boolean;
  queries: Map<string, unknown>;
}

const roots = new WeakMap<object, PreparedCache>();

/** Called by openDatabase for the pool's Drizzle instance; `named`: a PostgreSQL server (not the shared PGlite backend). */
export function registerPreparedRoot(db: object, named: boolean) {
  roots.set(db, { named, queries: new Map() });
}

/**
 * The prepared query of `key` on this executor, built by `build(db, name)` the first time. `key` must determine the
 * SQL text (include every choice that changes it: filters present, sort), values go in as placeholders.
 *
 * `named: false` keeps a statement unnamed on a server too. For searches: after five executions PostgreSQL may
 * switch a named statement to a generic plan, chosen without the parameter values — for `search_text LIKE $1` it
 * cannot tell a rare phrase from a common one, and the plan of a page or a count depends on exactly that. An unnamed
 * statement is planned for its values each time, as before; it still skips the query builder.
 */
export function prepared<T>(db: Executor, key: string, build: (db: Executor, name: string) => T, options: { named?: boolean } = {}): T {
  const cache = roots.get(db);
  if (!cache) return build(db, "");
  let query = cache.queries.get(key) as T | undefined;
  if (query === undefined) {
    // PostgreSQL names are at most 63 bytes: a readable prefix and a digest of the full key.
    const name =
      cache.named && options.named !== false
        ? `k_${key.replace(/[^a-z0-9_]/gi, "_").slice(0, 30)}_${crypto.createHash("sha1").update(key).digest("hex").slice(0, 16)}`
        : "";
    query = build(db, name);
    cache.queries.set(key, query);
  }
  return query;
}
