// The side menu, following the user's roles. The same checks guard the routes (router.tsx).
import type { ReactNode } from "react";
import {
  DollarOutlined,
  FileProtectOutlined,
  AuditOutlined,
  BulbOutlined,
  CarryOutOutlined,
  InboxOutlined,
  BarChartOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FundProjectionScreenOutlined,
  DeleteRowOutlined,
  FlagOutlined,
  NotificationOutlined,
  NodeIndexOutlined,
  IdcardOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
  SolutionOutlined,
  FormOutlined,
  MonitorOutlined,
  CalendarOutlined,
  RiseOutlined,
  TableOutlined,
  FileDoneOutlined,
  ScheduleOutlined,
  ProfileOutlined,
  FundOutlined,
} from "@ant-design/icons";
import type { Me } from "./session";
import { can } from "./permissions";
import { taskAccess } from "../features/tasks/task-access";
import { councilAccess } from "../features/councils/council-ui";
import { statisticsAccess } from "../features/statistics/statistics-ui";
import { indicatorAccess } from "../features/indicators/indicator-access";

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  allowed?: (me: Me | null) => boolean;
}
export interface NavGroup {
  key: string;
  labelKey: string;
  items: NavItem[];
}

export const NAVIGATION: NavGroup[] = [
  {
    key: "general",
    labelKey: "nav.general",
    items: [
      { path: "/", labelKey: "nav.dashboard", icon: <DashboardOutlined aria-hidden /> },
      {
        path: "/leadership",
        labelKey: "leadership.nav",
        icon: <FundProjectionScreenOutlined aria-hidden />,
        allowed: (me) => !!me?.can?.dashboard?.leadership,
      },
    ],
  },
  {
    key: "registries",
    labelKey: "nav.registries",
    items: [
      { path: "/people", labelKey: "nav.people", icon: <TeamOutlined aria-hidden /> },
      { path: "/organisations", labelKey: "nav.organisations", icon: <BankOutlined aria-hidden /> },
      { path: "/imports", labelKey: "nav.imports", icon: <CloudUploadOutlined aria-hidden />, allowed: can.importData },
      { path: "/deletion-requests", labelKey: "nav.deletionRequests", icon: <DeleteRowOutlined aria-hidden />, allowed: can.handleDeletionRequests },
    ],
  },
  {
    key: "tasks",
    labelKey: "nav.tasks",
    items: [
      { path: "/programmes", labelKey: "nav.programmes", icon: <FlagOutlined aria-hidden /> },
      { path: "/calls", labelKey: "nav.calls", icon: <NotificationOutlined aria-hidden /> },
      { path: "/proposals", labelKey: "proposals.nav", icon: <BulbOutlined aria-hidden />, allowed: taskAccess.list },
      { path: "/tasks", labelKey: "tasks.nav.list", icon: <CarryOutOutlined aria-hidden />, allowed: taskAccess.list },
      { path: "/tasks/queue", labelKey: "tasks.nav.queue", icon: <InboxOutlined aria-hidden />, allowed: taskAccess.queue },
      {
        path: "/contracts",
        labelKey: "contracts.nav",
        icon: <FileProtectOutlined aria-hidden />,
        allowed: (me) => !!me?.roles.some((r) => ["admin", "officer", "leader", "finance", "pi", "org_rep"].includes(r)),
      },
      {
        path: "/contracts/payments",
        labelKey: "contracts.queue.nav",
        icon: <DollarOutlined aria-hidden />,
        allowed: (me) => !!me?.can?.contract?.paymentQueue,
      },
      { path: "/councils", labelKey: "councils.nav", icon: <SolutionOutlined aria-hidden />, allowed: councilAccess.list },
      { path: "/councils/mine", labelKey: "councils.navMine", icon: <FormOutlined aria-hidden />, allowed: councilAccess.mine },
      {
        path: "/monitoring",
        labelKey: "monitoring.nav",
        icon: <MonitorOutlined aria-hidden />,
        allowed: (me) => !!me?.roles.some((r) => ["admin", "officer", "leader", "finance", "pi", "org_rep"].includes(r)),
      },
      { path: "/calendar", labelKey: "calendar.nav", icon: <CalendarOutlined aria-hidden /> },
      { path: "/task-analytics", labelKey: "taskAnalytics.nav", icon: <BarChartOutlined aria-hidden />, allowed: (me) => !!me?.can?.taskAnalytics?.read },
    ],
  },
  {
    key: "statistics",
    labelKey: "statistics.nav.group",
    items: [
      { path: "/funding-plans", labelKey: "fundingPlans.nav", icon: <FundOutlined aria-hidden />, allowed: (me) => !!me?.can?.fundingPlan?.read },
      { path: "/indicators", labelKey: "indicators.nav", icon: <RiseOutlined aria-hidden />, allowed: indicatorAccess.list },
      { path: "/statistics", labelKey: "statistics.nav.periods", icon: <ScheduleOutlined aria-hidden />, allowed: statisticsAccess.periods },
      { path: "/statistics/reports", labelKey: "statistics.nav.reports", icon: <TableOutlined aria-hidden />, allowed: statisticsAccess.allReports },
      { path: "/statistics/my", labelKey: "statistics.nav.my", icon: <FileDoneOutlined aria-hidden />, allowed: statisticsAccess.myReports },
      { path: "/statistics/forms", labelKey: "statistics.nav.forms", icon: <ProfileOutlined aria-hidden />, allowed: statisticsAccess.forms },
    ],
  },
  {
    key: "personal",
    labelKey: "nav.personal",
    items: [{ path: "/me", labelKey: "nav.myData", icon: <IdcardOutlined aria-hidden /> }],
  },
  {
    key: "admin",
    labelKey: "nav.admin",
    items: [
      { path: "/admin/users", labelKey: "nav.users", icon: <UserSwitchOutlined aria-hidden />, allowed: can.manageUsers },
      { path: "/admin/audit", labelKey: "nav.audit", icon: <AuditOutlined aria-hidden />, allowed: can.readAudit },
      { path: "/admin/code-lists", labelKey: "nav.codeLists", icon: <UnorderedListOutlined aria-hidden />, allowed: can.manageCodeLists },
      { path: "/admin/processes", labelKey: "nav.processes", icon: <NodeIndexOutlined aria-hidden />, allowed: can.readProcessTemplates },
    ],
  },
];

export function visibleNavigation(me: Me | null): NavGroup[] {
  return NAVIGATION.map((g) => ({ ...g, items: g.items.filter((i) => !i.allowed || i.allowed(me)) })).filter((g) => g.items.length > 0);
}

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedNavPath(pathname: string): string {
  const all = NAVIGATION.flatMap((g) => g.items.map((i) => i.path));
  const match = all.filter((p) => (p === "/" ? pathname === "/" : pathname === p || pathname.startsWith(p + "/"))).sort((a, b) => b.length - a.length);
  return match[0] ?? "";
}
