// Finance work queue (Thanh toán): ledger entries awaiting approval across contracts, oldest first with how long each
// has waited, with approve and reject for a finance user or leader who did not record them (two-person rule); decided
// entries by status.
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Segmented, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PAYMENT_STATUSES, type Payment } from "../../../common/api/contract";
import { formatDate, formatDateTime } from "../../app/format";
import { ErrorState, PageHeader } from "../../components/states";
import { useRecordCommand } from "../../components/CommandDialog";
import { PaymentDecision } from "./sections/PaymentsSection";
import { contractKeys, contractsApi, paymentQueueQuery } from "./contracts-api";
import { PaymentStatusTag, formatMoney } from "./contract-ui";

export function PaymentsQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof PAYMENT_STATUSES)[number]>("pending");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useQuery(paymentQueueQuery(status, page, pageSize));
  // the queue is the "record" here: a decision reloads it, and every contract page and list
  const command = useRecordCommand(contractKeys.payments, { lists: [contractKeys.all] });
  return (
    <>
      <PageHeader title={t("contracts.queue.title")} subtitle={t("contracts.queue.subtitle")} />
      <Card>
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            setPage(1);
          }}
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`contracts.paymentStatus.${s}`) }))}
        />
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Table<Payment>
            size="small"
            rowKey="id"
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("contracts.queue.empty") }}
            pagination={{ current: page, pageSize, total: q.data?.total ?? 0, onChange: (p, s) => (setPage(p), setPageSize(s)), showSizeChanger: true }}
            columns={[
              {
                title: t("contracts.fields.number"),
                dataIndex: "contractNumber",
                render: (n: string, p) => <Link to={`/contracts/${p.contractId}`}>{n}</Link>,
              },
              { title: t("contracts.payment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.paymentKind.${k}`) },
              { title: t("contracts.payment.tranche"), dataIndex: "trancheLabel" },
              { title: t("contracts.payment.source"), dataIndex: "source", render: (s: string) => t(`contracts.source.${s}`) },
              { title: t("contracts.payment.amount"), dataIndex: "amount", align: "right", render: (v: number) => formatMoney(v) },
              { title: t("contracts.payment.paidOn"), dataIndex: "paidOn", render: (d: string) => formatDate(d) },
              { title: t("contracts.payment.reference"), dataIndex: "reference" },
              { title: t("contracts.payment.preparedBy"), key: "by", render: (_, p) => `${p.preparedByName ?? ""} · ${formatDateTime(p.preparedAt)}` },
              { title: t("contracts.payment.status"), dataIndex: "status", render: (s: string) => <PaymentStatusTag status={s} /> },
              ...(status === "pending"
                ? [
                    {
                      title: t("contracts.queue.waiting"),
                      key: "waiting",
                      render: (_: unknown, p: Payment) => {
                        const days = Math.floor((Date.now() - Date.parse(p.preparedAt)) / 86_400_000);
                        return days > 0 ? t("contracts.queue.waitingDays", { count: days }) : t("contracts.queue.today");
                      },
                    },
                  ]
                : []),
              {
                title: "",
                key: "a",
                render: (_, p) =>
                  p.status === "pending" && (
                    <PaymentDecision
                      p={p}
                      onDecide={(d) => command.run(() => contractsApi.decidePayment(p.contractId, p.id, d, { version: p.version }), `contracts.done.${d}`)}
                    />
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
