// The tasks' pages: the list, the work queue, a task and one of its dossiers.
import { CarryOutOutlined, InboxOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { taskAccess } from "./task-access";

const TasksListPage = lazyPage(() => import("./TasksListPage"), "TasksListPage");
const TaskQueuePage = lazyPage(() => import("./TasksListPage"), "TaskQueuePage");
const TaskDetailPage = lazyPage(() => import("./TaskDetailPage"), "TaskDetailPage");
const DossierPage = lazyPage(() => import("./DossierPage"), "DossierPage");

export const feature: Feature = {
  routes: [
    { path: "/tasks", page: TasksListPage, allowed: taskAccess.list },
    { path: "/tasks/queue", page: TaskQueuePage, allowed: taskAccess.queue },
    { path: "/tasks/:id", page: TaskDetailPage, allowed: taskAccess.list },
    { path: "/tasks/:id/dossiers/:dossierId", page: DossierPage, allowed: taskAccess.list },
  ],
  menu: [
    { group: "tasks", order: 40, path: "/tasks", labelKey: "tasks.nav.list", icon: <CarryOutOutlined aria-hidden />, allowed: taskAccess.list },
    { group: "tasks", order: 50, path: "/tasks/queue", labelKey: "tasks.nav.queue", icon: <InboxOutlined aria-hidden />, allowed: taskAccess.queue },
  ],
};
