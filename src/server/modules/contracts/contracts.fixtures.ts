// Test fixtures for contracts, through the real API where the rules live: a drafted contract with its terms, products
// and a two-tranche plan, a signature, and an approved payment. The approved task a contract is drawn up for (and a
// contract written straight to the tables) are the shared factories' (src/server/testing/factories.ts).
import { expect } from "vitest";
import type { Executor } from "../../platform/context.js";
import { buildApprovedTask, CONTRACT_PRODUCT } from "../../testing/factories.js";
import type { Client } from "../../testing/harness.js";
import type { tasks } from "../../db/schema/index.js";

export { CONTRACT_PRODUCT };

/** A task at step `approved` with its PI, lead organisation, period and approved budget by source (the shared factory). */
export const approvedTask = (db: Executor, o: { city: number; other: number } & Partial<typeof tasks.$inferInsert>) => buildApprovedTask(db, o);

/** Draws up the task's contract as `by`, with representatives, terms, one product and a plan: half advance, half tranche. */
export async function draftContract(by: Client, taskId: string, value: { city: number; other: number }) {
  const r = await by.post("/api/v1/contracts", { taskId });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const u = await by.put(`/api/v1/contracts/${r.body.id}`, {
    version: r.body.version,
    partyARepresentative: "Giám đốc Sở",
    partyBRepresentative: "Viện trưởng",
    valueCity: value.city,
    valueOther: value.other,
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    terms: "Điều khoản chung",
    products: [CONTRACT_PRODUCT],
  });
  expect(u.status, JSON.stringify(u.body)).toBe(200);
  const half = Math.floor(value.city / 2);
  const p = await by.put(`/api/v1/contracts/${r.body.id}/disbursements`, {
    version: u.body.version,
    tranches: [
      { kind: "advance", label: "Tạm ứng đợt 1", plannedDate: "2027-01-15", amountCity: half, amountOther: 0 },
      { kind: "tranche", label: "Cấp đợt 2", plannedDate: "2027-12-15", amountCity: value.city - half, amountOther: value.other },
    ],
  });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  return p.body;
}

/** Signs the contract as `by` (someone other than its preparer and last editor), both parties on the test's day. */
export async function signContract(by: Client, c: { id: string; version: number }, on = "2026-11-26") {
  const r = await by.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: on, partyBSignedOn: on });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** A payment on a tranche recorded by `recorder` and approved by `approver`. */
export async function approvedPayment(
  recorder: Client,
  approver: Client,
  contractId: string,
  trancheId: string,
  amount: number,
  source: "city" | "other" = "city",
  reference?: string,
) {
  const r = await recorder.post(`/api/v1/contracts/${contractId}/payments`, { kind: "payment", trancheId, source, amount, paidOn: "2026-11-27", reference });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const a = await approver.post(`/api/v1/contracts/${contractId}/payments/${r.body.id}/approve`, { version: r.body.version });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return a.body;
}
