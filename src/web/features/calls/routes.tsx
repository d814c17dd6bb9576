// The calls' pages.
import { NotificationOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const CallsListPage = lazyPage(() => import("./CallsListPage"), "CallsListPage");
const CallDetailPage = lazyPage(() => import("./CallDetailPage"), "CallDetailPage");
const CallEditPage = lazyPage(() => import("./CallEditPage"), "CallEditPage");

export const feature: Feature = {
  routes: [
    { path: "/calls", page: CallsListPage },
    { path: "/calls/new", page: CallEditPage, allowed: can.createCall },
    { path: "/calls/:id", page: CallDetailPage },
    { path: "/calls/:id/edit", page: CallEditPage, allowed: can.createCall },
  ],
  menu: [{ group: "tasks", order: 20, path: "/calls", labelKey: "nav.calls", icon: <NotificationOutlined aria-hidden /> }],
};
