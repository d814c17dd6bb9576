import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { DEPARTMENT_ROLES, PERFORMER_ROLES } from "../../../common/roles.js";

/** What the policy needs to know about a task and the actor's links to it. */
export interface TaskRef {
  state: string;
  proposerUserId: string | null;
  piPersonId: string | null;
  leadOrganisationId: string | null;
  proposingOrganisationId: string | null;
  /** the actor owns one of the task's dossiers */
  ownsDossier: boolean;
  /** the task receives dossiers now (call_open / dossier_submitted, its selection call accepting) */
  openForDossiers: boolean;
}

/** The Department's staff who follow every task. */
export const TASK_STAFF = DEPARTMENT_ROLES;
export const isTaskStaff = (a: Actor | null) => hasRole(a, ...TASK_STAFF);

/** The actor is the task's PI (through their person record) or represents its lead organisation. */
export function ownsTask(a: Actor, t: Pick<TaskRef, "piPersonId" | "leadOrganisationId">): boolean {
  return (!!a.personId && t.piPersonId === a.personId) || (hasRole(a, "org_rep") && !!a.organisationId && t.leadOrganisationId === a.organisationId);
}

/** Linked: proposer, PI, owner of a dossier, or the representative of the leading / proposing organisation. */
export function linkedToTask(a: Actor, t: TaskRef): boolean {
  return (
    t.proposerUserId === a.userId ||
    ownsTask(a, t) ||
    t.ownsDossier ||
    (hasRole(a, "org_rep") && !!a.organisationId && t.proposingOrganisationId === a.organisationId)
  );
}

// Tasks: staff (admin, officer, leader, finance) see every task; anyone else sees the tasks they are linked to, and
// any task whose selection call accepts dossiers now. Experts see the tasks of their
// councils through the councils module. A task receiving dossiers is public to every signed-in user (the published
// list of tasks to apply for). Workflow actions are decided by the task's own template version (roles)
// and, for pi / org_rep, by ownership of the record; the service applies both.
export const taskPolicy = definePolicy<TaskRef, "transition", "task">({
  resource: "task",
  general: {
    list: () => true,
    /** the view of every task (the web's "all tasks" tab) */
    listAll: isTaskStaff,
    /** roles whose work queue (view=action) holds the Department's steps: officer, leader, finance */
    queue: (a) => hasRole(a, "officer", "leader", "finance"),
    read: () => true,
    propose: () => true,
    transition: () => true,
    createDossier: (a) => hasRole(a, ...PERFORMER_ROLES),
    readDossier: () => true,
    updateDossier: (a) => hasRole(a, ...PERFORMER_ROLES),
    documents: () => true,
    upload: () => true,
  },
  record: {
    read: (a, t) => isTaskStaff(a) || linkedToTask(a, t) || t.openForDossiers,
    transition: (a, t) => isTaskStaff(a) || linkedToTask(a, t),
  },
});
