// Demo data for a fresh embedded database. Deterministic: the same scale gives the same records.
import type { Db } from "../platform/context.js";
import { createDemoAccounts } from "./demo-accounts.js";

export async function seedDemoData(db: Db, _opts: { scale: number }) {
  await db.transaction(async (tx) => {
    await createDemoAccounts(tx);
  });
}
