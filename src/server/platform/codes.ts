// Generated numbers (task codes, contract numbers, registration codes): one counter per scope in `code_counters`,
// incremented with INSERT … ON CONFLICT DO UPDATE … RETURNING inside the creating transaction, so two creations
// never share a number and a rolled-back creation leaves no gap-causing half state.
import { sql } from "drizzle-orm";
import type { Tx } from "./context.js";

/** The next number of a scope (e.g. "task:2026"), in the caller's transaction. */
export async function nextNumber(tx: Tx, scope: string): Promise<number> {
  const r = await tx.execute<{ value: number }>(sql`
    INSERT INTO code_counters (scope, value) VALUES (${scope}, 1)
    ON CONFLICT (scope) DO UPDATE SET value = code_counters.value + 1
    RETURNING value`);
  return Number(r.rows[0].value);
}
