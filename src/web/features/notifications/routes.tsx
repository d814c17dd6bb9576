// The notifications page (opened from the bell in the header, not from the side menu).
import { lazyPage, type Feature } from "../../app/feature";

const NotificationsPage = lazyPage(() => import("./NotificationsPage"), "NotificationsPage");

export const feature: Feature = {
  routes: [{ path: "/notifications", page: NotificationsPage }],
};
