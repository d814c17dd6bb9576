// The audit actions the code writes (audit_log.action), in one place: `audit()` accepts only these, so a misspelt
// action is a type error rather than a row no filter or history finds. Three kinds:
//   - AUDIT_ACTIONS: the fixed names, written as literals by the modules' commands;
//   - template names whose parts are typed unions (a payment's kind and decision, a task action's effects);
//   - the two engines' transitions, "<entity>.<command>": the lifecycle kit (platform/lifecycle.ts, commands declared
//     in each module's *.lifecycle.ts) and the workflow engine (platform/workflow.ts, actions from the process
//     templates, which are data). They are made only by `transitionAction()` (a branded string), and read back by
//     `commandOf()`, so no other code can write a free-form action.
import type { PAYMENT_KINDS } from "../../common/api/contract.js";
import type { TaskRouteAction } from "../../common/api/task.js";

export const AUDIT_ACTIONS = [
  "access.denied",
  "application_report.create",
  "auth.lockout",
  "auth.login",
  "auth.logout",
  "auth.logout_all",
  "auth.password_change",
  "auth.totp",
  "auth.totp_setup",
  "call.create",
  "call.export",
  "consent.grant",
  "consent.withdraw",
  "contract.amendment.request",
  "contract.create",
  "contract.export",
  "contract.reversal.record",
  "council.attendance",
  "council.ballot_paper",
  "council.ballot_refused",
  "council.ballot_save",
  "council.ballot_submit",
  "council.conclude_refused",
  "council.conflict_check",
  "council.create",
  "council.declaration",
  "council.declaration_paper",
  "council.export",
  "document.issue",
  "document.signed_attach",
  "council.invite_refused",
  "council.member_add",
  "council.member_add_override",
  "council.member_override",
  "council.member_refused",
  "council.member_remove",
  "council.scores_view",
  "council.update",
  "deletion_request.create",
  "funding_actual.create",
  "funding_actual.delete",
  "funding_actual.update",
  "funding_plan.export",
  "funding_plan.scenario_create",
  "import.commit",
  "import.revalidate",
  "import.upload",
  "indicator.create",
  "indicator.export",
  "indicator.publish",
  "indicator.registry_refresh",
  "indicator.unpublish",
  "indicator.update",
  "indicator.value_delete",
  "indicator.value_put",
  "inspection.action_done",
  "inspection.cancel",
  "inspection.create",
  "inspection.minutes",
  "internal_acceptance.create",
  "internal_acceptance.update",
  "organisation.create",
  "organisation.delete",
  "organisation.export",
  "organisation.update",
  "person.create",
  "person.delete",
  "person.erase",
  "person.export",
  "person.export_self",
  "person.update",
  "person.update_self",
  "process_template.version_added",
  "programme.create",
  "programme.update",
  "progress_report.create",
  "progress_report.schedule",
  "progress_report.submit",
  "progress_report.update",
  "result_summary.create",
  "result_summary.update",
  "series.value_delete",
  "series.value_put",
  "statistics_period.assign",
  "statistics_period.close",
  "statistics_period.create",
  "statistics_period.export",
  "statistics_period.open",
  "statistics_period.unassign",
  "statistics_period.update",
  "statistics_report.approve",
  "statistics_report.export",
  "statistics_report.import",
  "statistics_report.return",
  "statistics_report.save",
  "statistics_report.submit",
  "statistics_report.unapprove",
  "task.amend",
  "task.export",
  "task.proposal_update",
  "task.propose",
  "task_analytics.export",
  "task_document.delete",
  "task_document.download",
  "task_document.upload",
  "task_dossier.create",
  "task_dossier.submit",
  "task_dossier.update",
  "task_dossier.withdraw",
  "user.create",
  "user.disable",
  "user.enable",
  "user.password_reset",
  "user.roles_change",
  "user.totp_reset",
  "user.unlock",
  "user.update",
] as const;

/** A fixed action name of the registry. */
export type RegisteredAction = (typeof AUDIT_ACTIONS)[number];

/** A contract payment recorded, approved or rejected: "contract.payment.record", "contract.return.approve"… */
export type ContractPaymentAction = `contract.${(typeof PAYMENT_KINDS)[number]}.${"record" | "approve" | "reject"}`;
/** The side effects of a task action, written after its transition: "task.approve.effects". */
export type TaskEffectsAction = `task.${TaskRouteAction}.effects`;

declare const transition: unique symbol;
/** "<entity>.<command>", written by the lifecycle kit and the workflow engine for a state change; made by transitionAction(). */
export type TransitionAction = string & { readonly [transition]: true };

export type AuditAction = RegisteredAction | ContractPaymentAction | TaskEffectsAction | TransitionAction;

/**
 * What a transition row of the workflow engine holds (a task's step): the step and version before and after, the
 * template it followed and the action's own details (a comment, a decision number…). The engine writes it and the
 * task's history reads it back (`taskHistory`): a field renamed on one side is a type error on the other.
 */
export interface WorkflowTransitionPayload {
  before: { state: string; version: number };
  after: { state: string; version: number };
  details: { template: string; templateVersion: number; comment?: string | null } & Record<string, unknown>;
}

/**
 * What a transition row of the lifecycle kit holds: the record's status and version before and after (with what the
 * command's steps add) and its details — the comment or reason the statistics report's history shows.
 */
export interface LifecycleTransitionPayload {
  before: { status: string; version: number } & Record<string, unknown>;
  after: { status: string; version: number } & Record<string, unknown>;
  details?: { comment?: string | null; reason?: string | null } & Record<string, unknown>;
}

/** The audit action of a transition of `entity` by `command` (the lifecycle kit's and the workflow engine's rows). */
export const transitionAction = (entity: string, command: string) => `${entity}.${command}` as TransitionAction;

/** The command of a transition row of `entity` ("task.approve" → "approve"), or null when the action is not one of its. */
export function commandOf(entity: string, action: string): string | null {
  return action.startsWith(`${entity}.`) ? action.slice(entity.length + 1) : null;
}

const registered: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
/** Whether `action` is one of the fixed names. */
export const isRegisteredAction = (action: string): action is RegisteredAction => registered.has(action);
