import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { PERFORMER_ROLES } from "../../../common/roles.js";
import { canSeeTask, isTaskStaff, linkedToTask, type TaskRef } from "./tasks.access.js";

// Tasks: who sees a task is the purpose "task" of tasks.access.ts (the Department every task; anyone else the tasks
// they are linked to, and any task whose selection call accepts dossiers now). Workflow actions are decided by the
// task's own template version (roles) and, for pi / org_rep, by ownership of the record (tasks.access.ts `mayTake`);
// the service applies both.
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
    read: (a, t) => canSeeTask(a, t, "task"),
    transition: (a, t) => isTaskStaff(a) || linkedToTask(a, t),
  },
});
