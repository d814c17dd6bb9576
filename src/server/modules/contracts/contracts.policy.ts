import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { SQL } from "drizzle-orm";
import type { ContractStatus } from "../../../common/api/contract.js";
import { DECIDING_ROLES, STAFF_ROLES } from "../../../common/roles.js";
import { isTaskStaff, ownsTask, performersSql } from "../tasks/tasks.access.js";

export type ContractRef = { status: ContractStatus; piPersonId: string; partyBOrganisationId: string };

/** The Department's staff see every contract, as they see every task (tasks.access.ts). */
export const contractStaff = (a: Actor) => isTaskStaff(a);
/**
 * Bên B: the performers of the task as the contract names them (its PI and lead organisation, copied from the task
 * and changed with it by an amendment): the task's owner rule of tasks.access.ts over the contract's columns, the PI
 * only while holding the role `pi` (`piByRole`).
 */
export const isPartyB = (a: Actor, c: Pick<ContractRef, "piPersonId" | "partyBOrganisationId">) =>
  ownsTask(a, { piPersonId: c.piPersonId, leadOrganisationId: c.partyBOrganisationId }, { piByRole: true });
/** The same rule as SQL over the contract's columns, for lists. */
export const partyBSql = (a: Actor, cols: { piPersonId: SQL; partyBOrganisationId: SQL }) =>
  performersSql(a, { pi: cols.piPersonId, organisation: cols.partyBOrganisationId }, { piByRole: true });

const running = (c: ContractRef) => c.status === "signed" || c.status === "amended";
const open = (c: ContractRef) => running(c) || c.status === "terminated";

// Contracts of approved S&T tasks. Officers prepare a contract and its plan; another officer, a leader or an
// administrator signs it (two-person rule, checked by the service with a 409 and its reason). Finance users record
// payments; a different finance user or a leader approves each. Bên B (the PI and the lead organisation's
// representative) reads its own contract and asks for amendments, which a leader other than the requester decides.
// Everyone else: the contract does not exist for them (404).
export const contractPolicy = definePolicy<
  ContractRef,
  "update" | "sign" | "plan" | "pay" | "decidePayment" | "settle" | "requestAmendment" | "decideAmendment" | "terminate" | "liquidate",
  "contract"
>({
  resource: "contract",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => hasRole(a, ...STAFF_ROLES),
    update: (a) => hasRole(a, ...STAFF_ROLES),
    sign: (a) => hasRole(a, ...DECIDING_ROLES),
    plan: (a) => hasRole(a, "admin", "officer", "finance"),
    pay: (a) => hasRole(a, "finance"),
    decidePayment: (a) => hasRole(a, "finance", "leader"),
    paymentQueue: (a) => hasRole(a, "finance", "leader"),
    settle: (a) => hasRole(a, "finance"),
    requestAmendment: (a) => hasRole(a, "admin", "officer", "leader", "pi", "org_rep"),
    decideAmendment: (a) => hasRole(a, "leader"),
    terminate: (a) => hasRole(a, "leader"),
    liquidate: (a) => hasRole(a, "officer", "leader"),
  },
  record: {
    read: (a, c) => contractStaff(a) || isPartyB(a, c),
    update: (a, c) => hasRole(a, ...STAFF_ROLES) && c.status === "draft",
    sign: (a, c) => hasRole(a, ...DECIDING_ROLES) && c.status === "draft",
    plan: (a, c) => hasRole(a, "admin", "officer", "finance") && (c.status === "draft" || running(c)),
    pay: (a, c) => hasRole(a, "finance") && open(c),
    decidePayment: (a, c) => hasRole(a, "finance", "leader") && open(c),
    settle: (a, c) => hasRole(a, "finance") && open(c),
    requestAmendment: (a, c) => running(c) && (hasRole(a, ...DECIDING_ROLES) || isPartyB(a, c)),
    decideAmendment: (a, c) => hasRole(a, "leader") && running(c),
    terminate: (a, c) => hasRole(a, "leader") && running(c),
    liquidate: (a, c) => hasRole(a, "officer", "leader") && open(c),
  },
});
