// The dashboard's pages: the start page and the leadership overview.
import { DashboardOutlined, FundProjectionScreenOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import type { Check } from "../../app/permissions";

const DashboardPage = lazyPage(() => import("./DashboardPage"), "DashboardPage");
const LeadershipPage = lazyPage(() => import("./LeadershipPage"), "LeadershipPage");

const leadership: Check = (me) => !!me?.can?.dashboard?.leadership;

export const feature: Feature = {
  routes: [
    { path: "/", page: DashboardPage },
    { path: "/leadership", page: LeadershipPage, allowed: leadership },
  ],
  menu: [
    { group: "general", order: 10, path: "/", labelKey: "nav.dashboard", icon: <DashboardOutlined aria-hidden /> },
    { group: "general", order: 20, path: "/leadership", labelKey: "leadership.nav", icon: <FundProjectionScreenOutlined aria-hidden />, allowed: leadership },
  ],
};
