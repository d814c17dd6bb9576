// The monitoring pages: progress reports, inspections and the calendar of due dates.
import { CalendarOutlined, MonitorOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";

const MonitoringPage = lazyPage(() => import("./MonitoringPage"), "MonitoringPage");
const ReportPage = lazyPage(() => import("./ReportPage"), "ReportPage");
const InspectionPage = lazyPage(() => import("./InspectionPage"), "InspectionPage");
const InspectionNewPage = lazyPage(() => import("./InspectionPage"), "InspectionNewPage");
const CalendarPage = lazyPage(() => import("./CalendarPage"), "CalendarPage");

export const feature: Feature = {
  routes: [
    { path: "/monitoring", page: MonitoringPage },
    { path: "/monitoring/reports/:id", page: ReportPage },
    { path: "/monitoring/inspections/new", page: InspectionNewPage, allowed: (me) => !!me?.can?.inspection?.create },
    { path: "/monitoring/inspections/:id", page: InspectionPage },
    { path: "/calendar", page: CalendarPage },
  ],
  menu: [
    {
      group: "tasks",
      order: 100,
      path: "/monitoring",
      labelKey: "monitoring.nav",
      icon: <MonitorOutlined aria-hidden />,
      allowed: (me) => !!me?.roles.some((r) => ["admin", "officer", "leader", "finance", "pi", "org_rep"].includes(r)),
    },
    { group: "tasks", order: 110, path: "/calendar", labelKey: "calendar.nav", icon: <CalendarOutlined aria-hidden /> },
  ],
};
