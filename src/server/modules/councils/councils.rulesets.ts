// Council rule sets: start-up loading of the shipped versions (immutable rows) and reading a council's own version.
import { and, eq } from "drizzle-orm";
import { councilRuleSets } from "../../db/schema/index.js";
import type { Db, Executor } from "../../platform/context.js";
import { COUNCIL_RULE_SETS, type CouncilRuleSet } from "../../../common/councils/index.js";

/** Loads the rule-set versions shipped in src/common/councils that the database lacks; stored versions never change. */
export async function syncCouncilRuleSets(db: Db, now: Date) {
  await db.transaction(async (tx) => {
    for (const def of COUNCIL_RULE_SETS) {
      await tx
        .insert(councilRuleSets)
        .values({
          key: def.key,
          version: def.version,
          kind: def.kind,
          effectiveFrom: def.effectiveFrom,
          legalBasis: def.legalBasis,
          definition: def,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
  });
}

/**
 * A stored definition as the current code reads it. Versions stored before the notes had one text per language carry
 * one bilingual `note`: the shipped version of the same key and number gives its notes in each language (the note
 * describes the rules; the counted fields are the stored ones and are never taken from the code).
 */
export function currentRuleSet(def: CouncilRuleSet & { note?: string }): CouncilRuleSet {
  if (def.noteVi !== undefined && def.noteEn !== undefined) return def;
  const shipped = COUNCIL_RULE_SETS.find((r) => r.key === def.key && r.version === def.version);
  return { ...def, noteVi: shipped?.noteVi ?? def.note ?? "", noteEn: shipped?.noteEn ?? def.note ?? "" };
}

/** The stored definition of a rule-set version (what a council is counted by). */
export async function loadRuleSet(db: Executor, key: string, version: number): Promise<CouncilRuleSet> {
  const [row] = await db
    .select({ definition: councilRuleSets.definition })
    .from(councilRuleSets)
    .where(and(eq(councilRuleSets.key, key), eq(councilRuleSets.version, version)));
  if (!row) throw new Error(`council rule set ${key} v${version} is not stored`);
  return currentRuleSet(row.definition);
}

/** Every stored version (the database's, which may hold versions added after this build). */
export async function storedRuleSets(db: Executor): Promise<CouncilRuleSet[]> {
  const rows = await db.select({ definition: councilRuleSets.definition }).from(councilRuleSets);
  return rows.map((r) => currentRuleSet(r.definition));
}
