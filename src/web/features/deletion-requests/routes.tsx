// The personal-data deletion requests page.
import { DeleteRowOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const DeletionRequestsPage = lazyPage(() => import("./DeletionRequestsPage"), "DeletionRequestsPage");

export const feature: Feature = {
  routes: [{ path: "/deletion-requests", page: DeletionRequestsPage, allowed: can.handleDeletionRequests }],
  menu: [
    {
      group: "registries",
      order: 40,
      path: "/deletion-requests",
      labelKey: "nav.deletionRequests",
      icon: <DeleteRowOutlined aria-hidden />,
      allowed: can.handleDeletionRequests,
    },
  ],
};
