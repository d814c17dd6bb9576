// The code lists' administration page.
import { UnorderedListOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const CodeListsPage = lazyPage(() => import("./CodeListsPage"), "CodeListsPage");

export const feature: Feature = {
  routes: [{ path: "/admin/code-lists", page: CodeListsPage, allowed: can.manageCodeLists }],
  menu: [
    {
      group: "admin",
      order: 30,
      path: "/admin/code-lists",
      labelKey: "nav.codeLists",
      icon: <UnorderedListOutlined aria-hidden />,
      allowed: can.manageCodeLists,
    },
  ],
};
