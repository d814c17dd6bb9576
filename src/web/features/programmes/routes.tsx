// The programmes' pages.
import { FlagOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const ProgrammesListPage = lazyPage(() => import("./ProgrammesListPage"), "ProgrammesListPage");
const ProgrammeDetailPage = lazyPage(() => import("./ProgrammeDetailPage"), "ProgrammeDetailPage");
const ProgrammeEditPage = lazyPage(() => import("./ProgrammeEditPage"), "ProgrammeEditPage");

export const feature: Feature = {
  routes: [
    { path: "/programmes", page: ProgrammesListPage },
    { path: "/programmes/new", page: ProgrammeEditPage, allowed: can.createProgramme },
    { path: "/programmes/:id", page: ProgrammeDetailPage },
    { path: "/programmes/:id/edit", page: ProgrammeEditPage, allowed: can.createProgramme },
  ],
  menu: [{ group: "tasks", order: 10, path: "/programmes", labelKey: "nav.programmes", icon: <FlagOutlined aria-hidden /> }],
};
