// The councils' pages: the list, a council, the member's ballots and the scoring form.
import { FormOutlined, SolutionOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { councilAccess } from "./council-access";

const CouncilsListPage = lazyPage(() => import("./CouncilsListPage"), "CouncilsListPage");
const CouncilDetailPage = lazyPage(() => import("./CouncilDetailPage"), "CouncilDetailPage");
const MyBallotsPage = lazyPage(() => import("./MyBallotsPage"), "MyBallotsPage");
const ScorePage = lazyPage(() => import("./ScorePage"), "ScorePage");

export const feature: Feature = {
  routes: [
    { path: "/councils", page: CouncilsListPage, allowed: councilAccess.list },
    { path: "/councils/mine", page: MyBallotsPage },
    { path: "/councils/:id", page: CouncilDetailPage },
    { path: "/councils/:id/score", page: ScorePage },
  ],
  menu: [
    { group: "tasks", order: 80, path: "/councils", labelKey: "councils.nav", icon: <SolutionOutlined aria-hidden />, allowed: councilAccess.list },
    { group: "tasks", order: 90, path: "/councils/mine", labelKey: "councils.navMine", icon: <FormOutlined aria-hidden />, allowed: councilAccess.mine },
  ],
};
