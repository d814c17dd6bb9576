// Periodic upkeep, safe to run on every app server at once (each statement is idempotent).
import { sql } from "drizzle-orm";
import type { Db } from "./context.js";
import type { Config } from "../config.js";
import { purgeExpiredSessions } from "./auth/sessions.js";
import { purgeOldWindows } from "./auth/rate-limit.js";
import type { Clock } from "./clock.js";
import { audit } from "./audit.js";

/** Disables accounts not used for the configured number of days (SECURITY.md 5) and audits each. */
export async function disableInactiveAccounts(db: Db, config: Config, clock: Clock) {
  const cutoff = new Date(clock.now().getTime() - config.login.inactiveDisableDays * 86400_000);
  return db.transaction(async (tx) => {
    const r = await tx.execute<{ id: string; username: string }>(sql`
      UPDATE users SET status = 'disabled', disabled_reason = 'inactive', version = version + 1
      WHERE status = 'active' AND greatest(last_login_at, reactivated_at, created_at) < ${cutoff}
      RETURNING id, username`);
    for (const u of r.rows) {
      await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${u.id}`);
      await audit(
        tx,
        { actor: null, ip: null, correlationId: "maintenance", clock },
        {
          action: "user.disable",
          entityType: "user",
          entityId: u.id,
          actorUsername: "system",
          details: { reason: "inactive", username: u.username },
        },
      );
    }
    return r.rows.length;
  });
}

/** A module's own upkeep step (idempotent), run with the platform's every 15 minutes. */
export type UpkeepStep = (db: Db) => Promise<unknown>;

export function startMaintenance(db: Db, config: Config, mode: "embedded" | "server", clock: Clock, steps: readonly UpkeepStep[] = []): () => void {
  let runs = 0;
  const run = async () => {
    const now = clock.now();
    await purgeExpiredSessions(db, now).catch(() => undefined);
    await purgeOldWindows(db, now).catch(() => undefined);
    if (!config.demoMode) await disableInactiveAccounts(db, config, clock).catch(() => undefined);
    for (const step of steps) await step(db).catch((err: unknown) => console.error("upkeep:", err));
    // PGlite has no autovacuum: refresh statistics and the visibility map (index-only scans) about hourly.
    if (mode === "embedded" && runs++ % 4 === 0) await db.execute(sql`VACUUM (ANALYZE)`).catch(() => undefined);
  };
  void run();
  const timer = setInterval(run, 15 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
