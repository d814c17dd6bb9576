// The start-up lock: the work that prepares a database (migrations, configuration data, demo data on an empty
// database) runs under ONE lock, so that app servers starting together on one database — and the seed and
// admin:create commands — do it one at a time, and the "is the database empty?" decision is taken by the holder.
// It is a PostgreSQL session advisory lock held on one connection of its own for the whole work; the work itself
// runs on the other connections of the pool. A server that dies while holding it loses its connection, and
// PostgreSQL releases the lock with it.
// Embedded database: PGlite is one backend, so an advisory lock is granted to every connection of it; what keeps a
// second process off the folder is the folder lock (data-dir-lock.ts), taken before the database is opened.
import type pg from "pg";

/** The key of the start-up lock. migrate() takes 7261001 for itself, the audit chain 7261002. */
export const STARTUP_LOCK_KEY = 7261000;

export async function withStartupLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  try {
    return await work();
  } finally {
    try {
      await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
    } catch (err) {
      // The connection is dropped instead: closing it releases the lock on the server.
      failure = err as Error;
    }
    client.release(failure);
  }
}
