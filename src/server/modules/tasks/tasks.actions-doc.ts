// The OpenAPI text of the workflow action routes (POST /api/v1/tasks/:id/<action>), built from the seeded process
// templates and the action table (common/api/task.ts TASK_ACTION_ROUTES), so the description says what the
// configuration says: from which step to which, who may take it, its guards and required documents, its body fields.
import { GUARDS, PROCESS_TEMPLATES, fromSteps, type GuardKey } from "../../../common/processes/index.js";
import { TASK_ACTIONS_ELSEWHERE, TASK_ACTION_ROUTES, type TaskRouteAction } from "../../../common/api/task.js";

const COUNCIL_GUARDS: GuardKey[] = ["council_quorum", "council_concluded"];
const code = (s: string) => `\`${s}\``;

function transitionsOf(action: string) {
  return PROCESS_TEMPLATES.flatMap((def) => def.transitions.filter((t) => t.action === action).map((t) => ({ def, t })));
}

export function actionSummary(action: TaskRouteAction): string {
  const first = transitionsOf(action)[0]?.t;
  return `${first?.labelEn ?? action} (${action})`;
}

export function actionDescription(action: TaskRouteAction): string {
  const entry = TASK_ACTION_ROUTES[action] as { effect?: string };
  const fields = Object.keys(TASK_ACTION_ROUTES[action].body.shape).filter((f) => f !== "version" && f !== "comment");
  const found = transitionsOf(action);
  const guards = new Set(found.flatMap(({ t }) => t.guards ?? []));
  const documents = found.some(({ t }) => t.requiredDocuments?.length);
  const lines: string[] = [];
  lines.push(entry.effect ?? "Moves the task to the next step; nothing else changes.");
  lines.push("");
  lines.push(
    `Body: ${code("version")} and ${code("comment")}` +
      (fields.length ? `, and this action's own fields ${fields.map(code).join(", ")}` : " only") +
      "; any other field answers 400 VALIDATION_FAILED.",
  );
  lines.push("");
  lines.push("In the seeded templates (a task follows its own template version: GET /api/v1/process-templates/{key}):");
  for (const { def, t } of found) {
    const parts = [
      `from ${fromSteps(t).map(code).join(" or ")} to ${code(t.to)}`,
      `roles: ${t.roles.join(", ")}${t.roles.some((r) => r === "pi" || r === "org_rep") ? " (pi / org_rep: only on their own task)" : ""}`,
    ];
    if (t.guards?.length) parts.push(`guards: ${t.guards.map((g) => `${g} (${GUARDS[g].en})`).join("; ")}`);
    if (t.requiredDocuments?.length) parts.push(`required documents: ${t.requiredDocuments.join(", ")}`);
    lines.push(`- ${def.key} v${def.version}, “${t.labelEn}”: ${parts.join("; ")}.`);
  }
  lines.push("");
  const refusals = [
    "409 TRANSITION_NOT_ALLOWED (not an action of the task's current step)",
    "403 FORBIDDEN (role)",
    ...(documents ? ["409 DOCUMENTS_MISSING (details.missing)"] : []),
    ...(guards.size ? ["409 GUARD_FAILED (details.guard, details.reason in vi and en)"] : []),
    ...([...guards].some((g) => COUNCIL_GUARDS.includes(g))
      ? ["409 COUNCIL_NOT_FORMED when no council of the step's kind has been formed for the task yet (details.councilKind, details.next)"]
      : []),
    "409 VERSION_CONFLICT (stale version; details.current)",
  ];
  lines.push(`Refusals: ${refusals.join("; ")}.`);
  lines.push("");
  lines.push(
    Object.entries(TASK_ACTIONS_ELSEWHERE)
      .map(([a, route]) => `The templates' ${code(a)} action is not a route of this kind: it is ${route}.`)
      .join(" "),
  );
  return lines.join("\n");
}
