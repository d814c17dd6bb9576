// The side menu, following the user's roles. The same checks guard the routes (router.tsx).
import type { ReactNode } from "react";
import {
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DeleteRowOutlined,
  FlagOutlined,
  NotificationOutlined,
  NodeIndexOutlined,
  IdcardOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import type { Me } from "./session";
import { can } from "./permissions";

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
    items: [{ path: "/", labelKey: "nav.dashboard", icon: <DashboardOutlined aria-hidden /> }],
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
