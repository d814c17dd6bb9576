// Who sees which task pages and menu items: the general abilities of the server's task policy (`me.can.task`).
import type { Me } from "../../app/session";

export const taskAccess = {
  /** every signed-in user may list the tasks they are linked to (the server filters) */
  list: (me: Me | null) => !!me?.can?.task?.list,
  /** propose a task in an open proposal-collection call */
  propose: (me: Me | null) => !!me?.can?.task?.propose,
  /** the view of every task (the Department's staff) */
  all: (me: Me | null) => !!me?.can?.task?.listAll,
  /** roles with a work queue: the officer's steps, the leader's approvals, the finance user's queue */
  queue: (me: Me | null) => !!me?.can?.task?.queue,
};
