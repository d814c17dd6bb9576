// Fixed-window counters in the database, shared by all app servers.
import { sql } from "drizzle-orm";
import type { Executor } from "../context.js";
import { AppError } from "../errors.js";

/** Counts one hit for `key`; throws 429 with Retry-After once `limit` hits fall in the current window. */
export async function hit(db: Executor, key: string, limit: number, windowSeconds: number, now: Date) {
  const windowMs = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const r = await db.execute<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${start}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`);
  const count = Number(r.rows[0]?.count ?? 0);
  if (count > limit) {
    const retry = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError(
      "RATE_LIMITED",
      429,
      "error.rate_limited",
      { retryAfterSeconds: retry },
      { seconds: retry },
      {
        "retry-after": String(retry),
      },
    );
  }
}

export async function purgeOldWindows(db: Executor, now: Date) {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 3600_000)}`);
}
