// Guards of the task workflow that depend on the contract (common/processes GUARDS): the tasks module wires them into
// `transition()` for `start` (contract_signed) and `liquidate` (payments_settled).
import type { Executor } from "../../platform/context.js";
import type { GuardResult } from "../../platform/workflow.js";
import { contractSignedGuardImpl, paymentsSettledGuardImpl } from "./contracts.service.js";

/** The task's contract is signed (signed, amended or liquidated; not draft, not terminated). */
export async function contractSignedGuard(db: Executor, taskId: string): Promise<GuardResult> {
  return contractSignedGuardImpl(db, taskId);
}

/**
 * The task's money is settled: no ledger entry awaits approval, every tranche is paid in full or cancelled (after a
 * termination, open tranches no longer count), the settled expenditure is recorded and disbursed − spent − returned
 * = 0, and after a termination the amount to return has been returned.
 */
export async function paymentsSettledGuard(db: Executor, taskId: string): Promise<GuardResult> {
  return paymentsSettledGuardImpl(db, taskId);
}
