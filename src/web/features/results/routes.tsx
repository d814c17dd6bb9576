// The public catalogue of registered results: no sign-in, outside the signed-in frame.
import { lazyPage, type Feature } from "../../app/feature";

const PublicResultsPage = lazyPage(() => import("./PublicResultsPage"), "PublicResultsPage");
const PublicResultPage = lazyPage(() => import("./PublicResultsPage"), "PublicResultPage");

export const feature: Feature = {
  publicRoutes: [
    { path: "/results", page: PublicResultsPage },
    { path: "/results/:id", page: PublicResultPage },
  ],
};
