// The contracts' pages and the payments queue.
import { DollarOutlined, FileProtectOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import type { Check } from "../../app/permissions";

const ContractsListPage = lazyPage(() => import("./ContractsListPage"), "ContractsListPage");
const ContractDetailPage = lazyPage(() => import("./ContractDetailPage"), "ContractDetailPage");
const PaymentsQueuePage = lazyPage(() => import("./PaymentsQueuePage"), "PaymentsQueuePage");

const paymentQueue: Check = (me) => !!me?.can?.contract?.paymentQueue;

export const feature: Feature = {
  routes: [
    { path: "/contracts", page: ContractsListPage },
    { path: "/contracts/payments", page: PaymentsQueuePage, allowed: paymentQueue },
    { path: "/contracts/:id", page: ContractDetailPage },
  ],
  menu: [
    {
      group: "tasks",
      order: 60,
      path: "/contracts",
      labelKey: "contracts.nav",
      icon: <FileProtectOutlined aria-hidden />,
      allowed: (me) => !!me?.roles.some((r) => ["admin", "officer", "leader", "finance", "pi", "org_rep"].includes(r)),
    },
    { group: "tasks", order: 70, path: "/contracts/payments", labelKey: "contracts.queue.nav", icon: <DollarOutlined aria-hidden />, allowed: paymentQueue },
  ],
};
