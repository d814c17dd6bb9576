// The process templates shipped with the platform. Start-up loads every version here that the database lacks
// (modules/process-templates/process-templates.service.ts syncProcessTemplates); stored versions never change.
// A record (task) stores (template_key, template_version) when it starts and follows that version to its end, even
// after a newer version takes effect: the engine reads the record's own version, never "the latest".
export * from "./schema.js";
export * from "./validate.js";
import { BASELINE_2013 } from "./baseline-2013.js";
import { LAW_2025 } from "./law-2025.js";
import type { ProcessDefinition } from "./schema.js";

export { BASELINE_2013, LAW_2025 };
export const PROCESS_TEMPLATES: readonly ProcessDefinition[] = [BASELINE_2013, LAW_2025];

/**
 * The legal texts that a task's decisions and contracts cite, from the version of the process the task follows
 * (docs/legal-bases.md): the version's own `documentBases`; else those of the nearest earlier version of the same
 * template that has them (a version added without them keeps citing its predecessor's); else those shipped here for
 * that version (versions stored before the field existed). Empty for an unknown template.
 */
export function documentBasesOf(stored: Iterable<ProcessDefinition>, key: string, version: number): string[] {
  const own = [...stored, ...PROCESS_TEMPLATES]
    .filter((d) => d.key === key && d.version <= version && d.documentBases?.length)
    .sort((a, b) => b.version - a.version);
  return [...(own[0]?.documentBases ?? [])];
}
