// Shared pieces of the contract pages: status tags, vi-VN money, a disbursement progress bar.
import { Progress, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../../../common/api/contract";
import { formatNumber } from "../../../common/number-format";
import { currentLang } from "../../i18n/index";

const STATUS_COLOR: Record<ContractStatus, string> = {
  draft: "default",
  signed: "blue",
  amended: "geekblue",
  liquidated: "green",
  terminated: "red",
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`contracts.status.${status}`)}</Tag>;
}

const PAYMENT_COLOR: Record<string, string> = { pending: "gold", approved: "green", rejected: "default" };
export function PaymentStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={PAYMENT_COLOR[status]}>{t(`contracts.paymentStatus.${status}`)}</Tag>;
}

/** Integer đồng in vi-VN ("600.000.000 ₫"); English keeps the same grouping with "VND". */
export function formatMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  if (currentLang() === "en") return `${formatNumber(n, "en-GB")} VND`;
  vndCurrency ??= new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 });
  return vndCurrency.format(n);
}
let vndCurrency: Intl.NumberFormat | undefined;

/** Paid against planned, as a bar with the percentage; the text says both amounts. */
export function Disbursed({ paid, planned }: { paid: number; planned: number }) {
  const { t } = useTranslation();
  const percent = planned > 0 ? Math.min(100, Math.round((paid / planned) * 1000) / 10) : 0;
  return (
    <div style={{ minWidth: 160 }}>
      <Progress
        aria-label={t("contracts.progressLabel", { paid: formatMoney(paid), planned: formatMoney(planned) })}
        percent={percent}
        size="small"
        status={percent >= 100 ? "success" : "normal"}
      />
    </div>
  );
}
