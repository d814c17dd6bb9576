// What the UI offers to whom. The server decides (policies, default deny); these mirror its general abilities so
// the menu and buttons show only what will work. Record abilities come with each record (`abilities`).
import type { Role } from "../../common/roles";

type Check = (roles: readonly Role[]) => boolean;
const any =
  (...allowed: Role[]): Check =>
  (roles) =>
    roles.some((r) => allowed.includes(r));

export const can = {
  manageRegistries: any("admin", "officer"),
  importData: any("admin", "officer"),
  exportData: any("admin", "officer", "leader"),
  manageUsers: any("admin"),
  readAudit: any("admin"),
  manageCodeLists: any("admin"),
  handleDeletionRequests: any("admin", "officer"),
} satisfies Record<string, Check>;
