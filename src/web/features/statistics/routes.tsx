// The statistical reporting pages: periods, reports (all, and the reporter's own), one report, the forms.
import { FileDoneOutlined, ProfileOutlined, ScheduleOutlined, TableOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { statisticsAccess } from "./statistics-access";

const PeriodsPage = lazyPage(() => import("./PeriodsPage"), "PeriodsPage");
const PeriodPage = lazyPage(() => import("./PeriodPage"), "PeriodPage");
const ReportsListPage = lazyPage(() => import("./ReportsListPage"), "ReportsListPage");
const MyReportsPage = lazyPage(() => import("./ReportsListPage"), "MyReportsPage");
const FormsPage = lazyPage(() => import("./FormsPage"), "FormsPage");
const FormVersionPage = lazyPage(() => import("./FormsPage"), "FormVersionPage");
const ReportPage = lazyPage(() => import("./ReportPage"), "ReportPage");

export const feature: Feature = {
  routes: [
    { path: "/statistics", page: PeriodsPage, allowed: statisticsAccess.periods },
    { path: "/statistics/periods/:id", page: PeriodPage, allowed: statisticsAccess.periods },
    { path: "/statistics/reports", page: ReportsListPage, allowed: statisticsAccess.allReports },
    { path: "/statistics/my", page: MyReportsPage, allowed: statisticsAccess.myReports },
    { path: "/statistics/reports/:id", page: ReportPage },
    { path: "/statistics/forms", page: FormsPage, allowed: statisticsAccess.forms },
    { path: "/statistics/forms/:key/versions/:version", page: FormVersionPage, allowed: statisticsAccess.forms },
  ],
  menu: [
    {
      group: "statistics",
      order: 30,
      path: "/statistics",
      labelKey: "statistics.nav.periods",
      icon: <ScheduleOutlined aria-hidden />,
      allowed: statisticsAccess.periods,
    },
    {
      group: "statistics",
      order: 40,
      path: "/statistics/reports",
      labelKey: "statistics.nav.reports",
      icon: <TableOutlined aria-hidden />,
      allowed: statisticsAccess.allReports,
    },
    {
      group: "statistics",
      order: 50,
      path: "/statistics/my",
      labelKey: "statistics.nav.my",
      icon: <FileDoneOutlined aria-hidden />,
      allowed: statisticsAccess.myReports,
    },
    {
      group: "statistics",
      order: 60,
      path: "/statistics/forms",
      labelKey: "statistics.nav.forms",
      icon: <ProfileOutlined aria-hidden />,
      allowed: statisticsAccess.forms,
    },
  ],
};
