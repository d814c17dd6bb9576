// The dashboard's pages: the home ("Việc của tôi": what waits for the user), the registries in figures and the
// leadership overview.
import { BarChartOutlined, FundProjectionScreenOutlined, HomeOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import type { Check } from "../../app/permissions";

const WorkHomePage = lazyPage(() => import("./WorkHomePage"), "WorkHomePage");
const RegistryStatsPage = lazyPage(() => import("./RegistryStatsPage"), "RegistryStatsPage");
const LeadershipPage = lazyPage(() => import("./LeadershipPage"), "LeadershipPage");

const leadership: Check = (me) => !!me?.can?.dashboard?.leadership;
const registryStats: Check = (me) => !!me?.can?.dashboard?.summary;

export const feature: Feature = {
  routes: [
    { path: "/", page: WorkHomePage },
    { path: "/overview", page: RegistryStatsPage, allowed: registryStats },
    { path: "/leadership", page: LeadershipPage, allowed: leadership },
  ],
  menu: [
    { group: "general", order: 10, path: "/", labelKey: "nav.dashboard", icon: <HomeOutlined aria-hidden /> },
    { group: "general", order: 15, path: "/overview", labelKey: "dashboard.statsNav", icon: <BarChartOutlined aria-hidden />, allowed: registryStats },
    { group: "general", order: 20, path: "/leadership", labelKey: "leadership.nav", icon: <FundProjectionScreenOutlined aria-hidden />, allowed: leadership },
  ],
};
