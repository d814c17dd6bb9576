// Small pieces shared by the task and proposal pages: who sees which views, state tag, money in vi-VN, money input,
// labels of the contract's code lists, and the calls and programmes as select options.
import { Tag } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CallKind, CallStatus, CallSummary } from "../../../common/api/call";
import { api, type ListResult } from "../../app/api";
import { formatNumber } from "../../app/format";
import { NumberField, type NumberFieldProps } from "../../components/NumberField";

export { taskAccess } from "./task-access";

const FINAL_BAD = new Set(["rejected", "terminated", "acceptance_failed"]);
const DONE = new Set(["accepted", "registered", "applied", "liquidated"]);

export function stateColor(state: string): string {
  if (FINAL_BAD.has(state)) return "red";
  if (DONE.has(state)) return "green";
  if (state === "proposal" || state === "identification" || state === "order_council") return "blue";
  if (state === "call_open") return "cyan";
  return "geekblue";
}

export function TaskStateTag({ state, labelVi, labelEn }: { state: string; labelVi: string; labelEn: string }) {
  const { i18n } = useTranslation();
  return <Tag color={stateColor(state)}>{i18n.language === "en" ? labelEn : labelVi}</Tag>;
}

/** "1.250.000.000 đ" */
export function useMoney() {
  const { t } = useTranslation();
  return (n: number | null | undefined) => (n === null || n === undefined ? "" : `${formatNumber(n, 0)} ${t("tasks.dong")}`);
}

/** An amount in whole đồng, typed and shown with digit grouping (text that is not an amount stays, refused visibly). */
export function MoneyInput(props: Omit<NumberFieldProps, "integer">) {
  return <NumberField style={{ width: "100%" }} {...props} integer />;
}

/** Calls as select options; `open`: only those accepting submissions at the server's now. */
export function useCallOptions(opts: { kind?: CallKind; open?: boolean; status?: CallStatus; enabled?: boolean } = {}) {
  const { i18n } = useTranslation();
  const { kind, open, status, enabled = true } = opts;
  const q = useQuery({
    queryKey: ["calls", "options", kind ?? "", open ? "open" : "", status ?? ""],
    queryFn: () => api.get<ListResult<CallSummary>>("/calls", { kind, status, open: open ? "true" : undefined, pageSize: 200, sort: "-opensAt" }),
    staleTime: 60_000,
    enabled,
  });
  const en = i18n.language === "en";
  return {
    ...q,
    options: (q.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${en && c.titleEn ? c.titleEn : c.titleVi}` })),
  };
}
