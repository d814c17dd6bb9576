// Independent reads of one request, run together where that helps: on the pool each read takes its own connection
// and they run at once; inside a transaction there is one connection, so they run one after another (node-postgres
// queues a client's concurrent queries only as a deprecated courtesy, to be refused in pg 9; PGlite serves one
// transaction at a time anyway).
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "./context.js";

type Reads = readonly (() => PromiseLike<unknown>)[];
type Results<T extends Reads> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

export async function together<const T extends Reads>(db: Executor, reads: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Results<T>;
}

/** The same read for each item, together (see `together`). */
export function eachTogether<I, R>(db: Executor, items: readonly I[], read: (item: I) => Promise<R>): Promise<R[]> {
  return together(
    db,
    items.map((item) => () => read(item)),
  ) as Promise<R[]>;
}
