// The organisations registry's pages.
import { BankOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const OrganisationsListPage = lazyPage(() => import("./OrganisationsListPage"), "OrganisationsListPage");
const OrganisationDetailPage = lazyPage(() => import("./OrganisationDetailPage"), "OrganisationDetailPage");
const OrganisationEditPage = lazyPage(() => import("./OrganisationEditPage"), "OrganisationEditPage");

export const feature: Feature = {
  routes: [
    { path: "/organisations", page: OrganisationsListPage },
    { path: "/organisations/new", page: OrganisationEditPage, allowed: can.createOrganisation },
    { path: "/organisations/:id", page: OrganisationDetailPage },
    { path: "/organisations/:id/edit", page: OrganisationEditPage },
  ],
  menu: [{ group: "registries", order: 20, path: "/organisations", labelKey: "nav.organisations", icon: <BankOutlined aria-hidden /> }],
};
