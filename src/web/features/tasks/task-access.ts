// Who sees which task pages and menu items. The general abilities come from the server's task policy (`me.can.task`);
// the "all tasks" view and the work queue follow the roles the server uses for them (TASK_STAFF, the acting roles).
import type { Role } from "../../../common/roles";
import type { Me } from "../../app/session";

const hasRole = (me: Me | null, ...roles: Role[]) => !!me && me.roles.some((r) => roles.includes(r));

/** The Department's staff who follow every task (the server's TASK_STAFF). */
export const TASK_STAFF: Role[] = ["admin", "officer", "leader", "finance"];

export const taskAccess = {
  /** every signed-in user may list the tasks they are linked to (the server filters) */
  list: (me: Me | null) => !!me?.can?.task?.list,
  /** propose a task in an open proposal-collection call */
  propose: (me: Me | null) => !!me?.can?.task?.propose,
  /** the view of every task */
  all: (me: Me | null) => !!me?.can?.task?.list && hasRole(me, ...TASK_STAFF),
  /** roles with a work queue: the officer's steps, the leader's approvals, the finance user's queue */
  queue: (me: Me | null) => !!me?.can?.task?.list && hasRole(me, "officer", "leader", "finance"),
};
