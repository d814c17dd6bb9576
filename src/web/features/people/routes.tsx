// The people registry's pages.
import { TeamOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const PeopleListPage = lazyPage(() => import("./PeopleListPage"), "PeopleListPage");
const PersonDetailPage = lazyPage(() => import("./PersonDetailPage"), "PersonDetailPage");
const PersonEditPage = lazyPage(() => import("./PersonEditPage"), "PersonEditPage");

export const feature: Feature = {
  routes: [
    { path: "/people", page: PeopleListPage },
    { path: "/people/new", page: PersonEditPage, allowed: can.createPerson },
    { path: "/people/:id", page: PersonDetailPage },
    { path: "/people/:id/edit", page: PersonEditPage },
  ],
  menu: [{ group: "registries", order: 10, path: "/people", labelKey: "nav.people", icon: <TeamOutlined aria-hidden /> }],
};
