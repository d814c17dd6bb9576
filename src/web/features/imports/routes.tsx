// The registry import page.
import { CloudUploadOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const ImportPage = lazyPage(() => import("./ImportPage"), "ImportPage");

export const feature: Feature = {
  routes: [{ path: "/imports", page: ImportPage, allowed: can.importData }],
  menu: [{ group: "registries", order: 30, path: "/imports", labelKey: "nav.imports", icon: <CloudUploadOutlined aria-hidden />, allowed: can.importData }],
};
