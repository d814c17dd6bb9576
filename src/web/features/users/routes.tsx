// The user accounts' administration pages.
import { UserSwitchOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const UsersListPage = lazyPage(() => import("./UsersListPage"), "UsersListPage");
const UserPage = lazyPage(() => import("./UserPage"), "UserPage");

export const feature: Feature = {
  routes: [
    { path: "/admin/users", page: UsersListPage, allowed: can.manageUsers },
    { path: "/admin/users/new", page: UserPage, allowed: can.manageUsers },
    { path: "/admin/users/:id", page: UserPage, allowed: can.manageUsers },
  ],
  menu: [{ group: "admin", order: 10, path: "/admin/users", labelKey: "nav.users", icon: <UserSwitchOutlined aria-hidden />, allowed: can.manageUsers }],
};
