// The user guide: first steps by role (every signed-in user reads every role's guide; their own come first). The
// pages' contextual help (PageHelp) is imported by the pages it helps.
import { QuestionCircleOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";

const GuidePage = lazyPage(() => import("./GuidePage"), "GuidePage");

export const feature: Feature = {
  routes: [
    { path: "/guide", page: GuidePage },
    { path: "/guide/:role", page: GuidePage },
  ],
  menu: [{ group: "personal", order: 20, path: "/guide", labelKey: "guide.nav", icon: <QuestionCircleOutlined aria-hidden /> }],
};
