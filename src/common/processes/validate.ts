// The meaning of a process definition, checked after its shape (schema.ts): every issue names the offending step,
// action, role or guard, in Vietnamese and English, so an administrator can fix a new version before it is stored.
import { ROLES } from "../roles.js";
import { GUARDS, fromSteps, processDefinitionShape, type ProcessDefinition } from "./schema.js";

export type ProcessIssueCode =
  "initial_count" | "duplicate_step" | "no_final" | "unknown_step" | "unreachable" | "dead_end" | "duplicate_action" | "unknown_role" | "unknown_guard";

export interface ProcessIssue {
  path: string;
  code: ProcessIssueCode;
  params: Record<string, string | number>;
}

const TEXTS: Record<ProcessIssueCode, { vi: string; en: string }> = {
  initial_count: {
    vi: "Quy trình phải có đúng một bước khởi đầu (đang có {{count}})",
    en: "The process needs exactly one initial step (it has {{count}})",
  },
  duplicate_step: { vi: "Mã bước “{{step}}” bị trùng", en: "Step key “{{step}}” is used twice" },
  no_final: { vi: "Quy trình phải có ít nhất một bước kết thúc", en: "The process needs at least one final step" },
  unknown_step: {
    vi: "Thao tác “{{action}}” dẫn chiếu bước không có: “{{step}}”",
    en: "Action “{{action}}” names an unknown step “{{step}}”",
  },
  unreachable: {
    vi: "Bước “{{step}}” không thể tới được từ bước khởi đầu",
    en: "Step “{{step}}” cannot be reached from the initial step",
  },
  dead_end: {
    vi: "Bước “{{step}}” không phải bước kết thúc nhưng không có thao tác nào đi ra",
    en: "Step “{{step}}” is not final but has no way out",
  },
  duplicate_action: {
    vi: "Thao tác “{{action}}” được khai báo hai lần từ bước “{{step}}”",
    en: "Action “{{action}}” is declared twice from step “{{step}}”",
  },
  unknown_role: {
    vi: "Thao tác “{{action}}” nêu vai trò không có: “{{role}}”",
    en: "Action “{{action}}” names an unknown role “{{role}}”",
  },
  unknown_guard: {
    vi: "Thao tác “{{action}}” nêu điều kiện không có trong danh mục: “{{guard}}”",
    en: "Action “{{action}}” names a guard that is not in the registry: “{{guard}}”",
  },
};

export function processIssueText(issue: ProcessIssue, lang: "vi" | "en"): string {
  return TEXTS[issue.code][lang].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(issue.params[k] ?? ""));
}

type Checkable = Pick<ProcessDefinition, "steps"> & {
  transitions: { action: string; from: string | string[]; to: string; roles: string[]; guards?: string[] }[];
};

/** Every semantic problem of a definition whose shape is already valid; [] when it is sound. */
export function validateProcess(def: Checkable): ProcessIssue[] {
  const issues: ProcessIssue[] = [];
  const steps = new Map<string, (typeof def.steps)[number]>();
  def.steps.forEach((s, i) => {
    if (steps.has(s.key)) issues.push({ path: `steps.${i}.key`, code: "duplicate_step", params: { step: s.key } });
    else steps.set(s.key, s);
  });
  const initials = def.steps.filter((s) => s.kind === "initial");
  if (initials.length !== 1) issues.push({ path: "steps", code: "initial_count", params: { count: initials.length } });
  if (!def.steps.some((s) => s.kind === "final")) issues.push({ path: "steps", code: "no_final", params: {} });

  const roles = new Set<string>(ROLES);
  const out = new Map<string, Set<string>>();
  const seenAction = new Set<string>();
  def.transitions.forEach((t, i) => {
    const froms = fromSteps(t);
    froms.forEach((f, j) => {
      if (!steps.has(f))
        issues.push({
          path: Array.isArray(t.from) ? `transitions.${i}.from.${j}` : `transitions.${i}.from`,
          code: "unknown_step",
          params: { action: t.action, step: f },
        });
      const pair = `${f}\u0000${t.action}`;
      if (seenAction.has(pair)) issues.push({ path: `transitions.${i}.action`, code: "duplicate_action", params: { action: t.action, step: f } });
      seenAction.add(pair);
      if (!out.has(f)) out.set(f, new Set());
      out.get(f)!.add(t.to);
    });
    if (!steps.has(t.to)) issues.push({ path: `transitions.${i}.to`, code: "unknown_step", params: { action: t.action, step: t.to } });
    t.roles.forEach((r, j) => {
      if (!roles.has(r)) issues.push({ path: `transitions.${i}.roles.${j}`, code: "unknown_role", params: { action: t.action, role: r } });
    });
    (t.guards ?? []).forEach((g, j) => {
      if (!Object.hasOwn(GUARDS, g)) issues.push({ path: `transitions.${i}.guards.${j}`, code: "unknown_guard", params: { action: t.action, guard: g } });
    });
  });

  if (initials.length === 1) {
    const reached = new Set<string>([initials[0].key]);
    const queue = [initials[0].key];
    while (queue.length) {
      for (const next of out.get(queue.shift()!) ?? []) {
        if (steps.has(next) && !reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    def.steps.forEach((s, i) => {
      if (!reached.has(s.key)) issues.push({ path: `steps.${i}.key`, code: "unreachable", params: { step: s.key } });
    });
  }
  def.steps.forEach((s, i) => {
    if (s.kind !== "final" && ![...(out.get(s.key) ?? [])].some((to) => steps.has(to)))
      issues.push({ path: `steps.${i}.key`, code: "dead_end", params: { step: s.key } });
  });
  return issues;
}

/** Shape and meaning together: the typed definition, or the issues (shape issues carry code "shape"). */
export function parseProcessDefinition(
  raw: unknown,
): { ok: true; definition: ProcessDefinition } | { ok: false; issues: { path: string; code: string; message: { vi: string; en: string } }[] } {
  const shape = processDefinitionShape.safeParse(raw);
  if (!shape.success)
    return {
      ok: false,
      issues: shape.error.issues.map((i) => ({ path: i.path.join("."), code: "shape", message: { vi: i.message, en: i.message } })),
    };
  const issues = validateProcess(shape.data);
  if (issues.length)
    return {
      ok: false,
      issues: issues.map((i) => ({ path: i.path, code: i.code, message: { vi: processIssueText(i, "vi"), en: processIssueText(i, "en") } })),
    };
  return { ok: true, definition: shape.data as ProcessDefinition };
}
