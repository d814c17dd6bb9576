// The task analytics page.
import { BarChartOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import type { Check } from "../../app/permissions";

const TaskAnalyticsPage = lazyPage(() => import("./TaskAnalyticsPage"), "TaskAnalyticsPage");

const read: Check = (me) => !!me?.can?.taskAnalytics?.read;

export const feature: Feature = {
  routes: [{ path: "/task-analytics", page: TaskAnalyticsPage, allowed: read }],
  menu: [{ group: "tasks", order: 120, path: "/task-analytics", labelKey: "taskAnalytics.nav", icon: <BarChartOutlined aria-hidden />, allowed: read }],
};
