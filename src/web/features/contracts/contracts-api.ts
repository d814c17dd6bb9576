// The contracts API as the web app uses it: every endpoint, the query keys and the query factories. The pages call
// these; no contract page writes a URL.
import type { z } from "zod";
import type {
  AmendmentInput,
  Contract,
  ContractUpdate,
  Payment,
  PaymentInput,
  contractCreate,
  contractLiquidate,
  contractSign,
  contractTerminate,
  disbursementPlanInput,
  paymentDecision,
  paymentReversal,
  settlementInput,
  trancheCancel,
  amendmentDecision,
} from "../../../common/api/contract";
import type { TaskListItem } from "../../../common/api/task";
import { api, type ListResult } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

type In<S extends z.ZodType> = z.input<S>;
export type Decision = "approve" | "reject";

const base = "/contracts";
const one = (id: string) => `${base}/${id}`;

export const contractEndpoints = {
  list: base,
  paymentQueue: `${base}/payments`,
  one,
  document: (id: string) => `${one(id)}/contract.docx`,
  /** tasks at step `approved`, for drafting a contract */
  approvedTasks: "/tasks",
} as const;

export const contractKeys = {
  /** everything about contracts */
  all: ["contracts"] as const,
  /** the list pages (ListView keys them [resource, "list", query]) */
  lists: ["contracts", "list"] as const,
  one: (id: string) => ["contracts", "one", id] as const,
  payments: ["contracts", "payments"] as const,
  paymentQueue: (status: string | undefined, page: number, pageSize: number) => ["contracts", "payments", status, page, pageSize] as const,
  approvedTasks: (q: string) => ["tasks", "approved", q] as const,
};

export const contractsApi = {
  get: (id: string) => api.get<Contract>(one(id)),
  create: (body: In<typeof contractCreate>) => api.post<Contract>(base, body),
  update: (id: string, body: ContractUpdate) => api.put<Contract>(one(id), body),
  sign: (id: string, body: In<typeof contractSign>) => api.post<Contract>(`${one(id)}/sign`, body),
  savePlan: (id: string, body: In<typeof disbursementPlanInput>) => api.put<Contract>(`${one(id)}/disbursements`, body),
  cancelTranche: (id: string, trancheId: string, body: In<typeof trancheCancel>) => api.post<Contract>(`${one(id)}/disbursements/${trancheId}/cancel`, body),
  recordPayment: (id: string, body: PaymentInput) => api.post<Payment>(`${one(id)}/payments`, body),
  reversePayment: (id: string, paymentId: string, body: In<typeof paymentReversal>) => api.post<Payment>(`${one(id)}/payments/${paymentId}/reverse`, body),
  decidePayment: (id: string, paymentId: string, decision: Decision, body: In<typeof paymentDecision>) =>
    api.post<Payment>(`${one(id)}/payments/${paymentId}/${decision}`, body),
  settle: (id: string, body: In<typeof settlementInput>) => api.post<Contract>(`${one(id)}/settlement`, body),
  requestAmendment: (id: string, body: AmendmentInput) => api.post<Contract>(`${one(id)}/amendments`, body),
  decideAmendment: (id: string, amendmentId: string, decision: Decision, body: In<typeof amendmentDecision>) =>
    api.post<Contract>(`${one(id)}/amendments/${amendmentId}/${decision}`, body),
  terminate: (id: string, body: In<typeof contractTerminate>) => api.post<Contract>(`${one(id)}/terminate`, body),
  liquidate: (id: string, body: In<typeof contractLiquidate>) => api.post<Contract>(`${one(id)}/liquidate`, body),
  paymentQueue: (query: { status?: string; page: number; pageSize: number }) => api.get<ListResult<Payment>>(contractEndpoints.paymentQueue, query),
  approvedTasks: (q: string) => api.get<ListResult<TaskListItem>>(contractEndpoints.approvedTasks, { state: "approved", q: q || undefined, pageSize: 50 }),
};

export const contractQuery = (id: string) => ({
  queryKey: contractKeys.one(id),
  queryFn: () => contractsApi.get(id),
});

export const paymentQueueQuery = (status: string | undefined, page: number, pageSize: number) => ({
  queryKey: contractKeys.paymentQueue(status, page, pageSize),
  queryFn: () => contractsApi.paymentQueue({ status, page, pageSize }),
});

export const approvedTasksQuery = (q: string) => ({
  queryKey: contractKeys.approvedTasks(q),
  queryFn: () => contractsApi.approvedTasks(q),
});

/** Commands on one contract: the answered contract replaces the cached one; lists and the payment queue refresh. */
export function useContractCommand(id: string) {
  return useRecordCommand(contractKeys.one(id), { lists: [contractKeys.lists, contractKeys.payments] });
}
