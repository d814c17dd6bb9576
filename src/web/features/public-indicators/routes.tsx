// The published indicators of the plan: no sign-in, outside the signed-in frame.
import { lazyPage, type Feature } from "../../app/feature";

const PublicIndicatorsPage = lazyPage(() => import("./PublicIndicatorsPage"), "PublicIndicatorsPage");
const PublicIndicatorPage = lazyPage(() => import("./PublicIndicatorsPage"), "PublicIndicatorPage");

export const feature: Feature = {
  publicRoutes: [
    { path: "/public/indicators", page: PublicIndicatorsPage },
    { path: "/public/indicators/:code", page: PublicIndicatorPage },
  ],
};
