// The proposals' pages (a proposal is a task before its selection; the task policy decides who sees them).
import { BulbOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { taskAccess } from "../tasks/task-access";

const ProposalsListPage = lazyPage(() => import("./ProposalsListPage"), "ProposalsListPage");
const ProposalEditPage = lazyPage(() => import("./ProposalEditPage"), "ProposalEditPage");

export const feature: Feature = {
  routes: [
    { path: "/proposals", page: ProposalsListPage, allowed: taskAccess.list },
    { path: "/proposals/new", page: ProposalEditPage, allowed: taskAccess.propose },
    { path: "/proposals/:id/edit", page: ProposalEditPage, allowed: taskAccess.propose },
  ],
  menu: [{ group: "tasks", order: 30, path: "/proposals", labelKey: "proposals.nav", icon: <BulbOutlined aria-hidden />, allowed: taskAccess.list }],
};
