// The funding plan page.
import { FundOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import type { Check } from "../../app/permissions";

const FundingPlanPage = lazyPage(() => import("./FundingPlanPage"), "FundingPlanPage");

const read: Check = (me) => !!me?.can?.fundingPlan?.read;

export const feature: Feature = {
  routes: [{ path: "/funding-plans", page: FundingPlanPage, allowed: read }],
  menu: [{ group: "statistics", order: 10, path: "/funding-plans", labelKey: "fundingPlans.nav", icon: <FundOutlined aria-hidden />, allowed: read }],
};
