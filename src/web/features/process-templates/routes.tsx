// The process templates' pages.
import { NodeIndexOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const ProcessTemplatesPage = lazyPage(() => import("./ProcessTemplatesPage"), "ProcessTemplatesPage");
const ProcessVersionPage = lazyPage(() => import("./ProcessVersionPage"), "ProcessVersionPage");

export const feature: Feature = {
  routes: [
    { path: "/admin/processes", page: ProcessTemplatesPage, allowed: can.readProcessTemplates },
    { path: "/admin/processes/:key/versions/:version", page: ProcessVersionPage, allowed: can.readProcessTemplates },
  ],
  menu: [
    {
      group: "admin",
      order: 40,
      path: "/admin/processes",
      labelKey: "nav.processes",
      icon: <NodeIndexOutlined aria-hidden />,
      allowed: can.readProcessTemplates,
    },
  ],
};
