// The lifecycle of a task contract: draft → signed → amended (each approved amendment) → liquidated, or terminated from
// signed/amended and then liquidated once the money is settled. Edits keep the state: the draft's terms, the
// disbursement plan, a tranche's cancellation, the settled expenditure. Who may run each command is the contract
// policy's record ability of the command's name or its `ability` (contracts.policy.ts).
//
// Payments and amendments are entries of the contract with their own small lifecycle (pending → approved | rejected;
// an amendment also withdrawn on termination): they lock the contract row and are authorised through the same
// commands (`pay`, `decidePayment`, `requestAmendment`, `approveAmendment` / `rejectAmendment`), so a wrong contract
// state answers 409 INVALID_STATE like every other command.
import { contracts } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import type { ContractStatus } from "../../../common/api/contract.js";
import { contractPolicy, type ContractRef } from "./contracts.policy.js";

const RUNNING = ["signed", "amended"] as const satisfies readonly ContractStatus[];
const OPEN = [...RUNNING, "terminated"] as const satisfies readonly ContractStatus[];

export type ContractCommand =
  | "update"
  | "sign"
  | "plan"
  | "cancelTranche"
  | "pay"
  | "decidePayment"
  | "settle"
  | "requestAmendment"
  | "approveAmendment"
  | "rejectAmendment"
  | "terminate"
  | "liquidate";

export const contractLifecycle = defineLifecycle<ContractStatus, ContractCommand, ContractRef>({
  entity: "contract",
  name: { vi: "hợp đồng", en: "contract" },
  states: {
    draft: { vi: "Dự thảo", en: "Draft" },
    signed: { vi: "Đã ký", en: "Signed" },
    amended: { vi: "Đã điều chỉnh", en: "Amended" },
    liquidated: { vi: "Đã thanh lý", en: "Liquidated" },
    terminated: { vi: "Đã chấm dứt", en: "Terminated" },
  },
  commands: {
    update: { from: ["draft"], label: { vi: "sửa dự thảo", en: "edit the draft" } },
    sign: { from: ["draft"], to: "signed", label: { vi: "ký hợp đồng", en: "sign the contract" } },
    plan: { from: ["draft", ...RUNNING], label: { vi: "lập kế hoạch cấp kinh phí", en: "edit the disbursement plan" } },
    cancelTranche: { from: ["draft", ...RUNNING], ability: "plan", label: { vi: "huỷ đợt cấp kinh phí", en: "cancel a tranche" } },
    pay: { from: OPEN, label: { vi: "ghi nhận khoản cấp, hoàn trả", en: "record a payment or return" } },
    decidePayment: { from: OPEN, label: { vi: "duyệt khoản chi", en: "decide a ledger entry" } },
    settle: { from: OPEN, label: { vi: "ghi nhận quyết toán", en: "record the settlement" } },
    requestAmendment: { from: RUNNING, label: { vi: "đề nghị điều chỉnh", en: "request an amendment" } },
    approveAmendment: { from: RUNNING, to: "amended", ability: "decideAmendment", label: { vi: "chấp thuận điều chỉnh", en: "approve an amendment" } },
    rejectAmendment: { from: RUNNING, ability: "decideAmendment", label: { vi: "từ chối điều chỉnh", en: "reject an amendment" } },
    terminate: { from: RUNNING, to: "terminated", label: { vi: "chấm dứt hợp đồng", en: "terminate the contract" } },
    liquidate: { from: OPEN, to: "liquidated", label: { vi: "thanh lý hợp đồng", en: "liquidate the contract" } },
  },
  policy: contractPolicy,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  table: contracts,
  columns: { id: contracts.id, state: contracts.status, version: contracts.version },
  stateKey: "status",
});
