// The audit log page.
import { AuditOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { can } from "../../app/permissions";

const AuditPage = lazyPage(() => import("./AuditPage"), "AuditPage");

export const feature: Feature = {
  routes: [{ path: "/admin/audit", page: AuditPage, allowed: can.readAudit }],
  menu: [{ group: "admin", order: 20, path: "/admin/audit", labelKey: "nav.audit", icon: <AuditOutlined aria-hidden />, allowed: can.readAudit }],
};
