// Finance work queue (Thanh toán): ledger entries awaiting approval across contracts, oldest first, with approve and
// reject for a finance user or leader who did not record them (two-person rule); decided entries by status.
import { useState } from "react";
import { Link } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Card, Segmented, Table } from "antd";
import { useTranslation } from "react-i18next";
import { PAYMENT_STATUSES, type Payment } from "../../../common/api/contract";
import { api, errorMessage, type ListResult } from "../../app/api";
import { useSession } from "../../app/session";
import { formatDate, formatDateTime } from "../../app/format";
import { ErrorState, PageHeader } from "../../components/states";
import { PaymentDecision } from "./ContractDetailPage";
import { PaymentStatusTag, formatMoney } from "./contract-ui";

export function PaymentsQueuePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<(typeof PAYMENT_STATUSES)[number]>("pending");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useQuery({
    queryKey: ["contracts", "payments", status, page, pageSize],
    queryFn: () => api.get<ListResult<Payment>>("/contracts/payments", { status, page, pageSize }),
  });
  const decide = useMutation({
    mutationFn: ({ p, d }: { p: Payment; d: "approve" | "reject" }) => api.post<Payment>(`/contracts/${p.contractId}/payments/${p.id}/${d}`, { version: p.version }),
    onSuccess: (_r, v) => {
      message.success(t(`contracts.done.${v.d}`));
      void qc.invalidateQueries({ queryKey: ["contracts"] });
    },
    onError: (e) => {
      message.error(errorMessage(e));
      void qc.invalidateQueries({ queryKey: ["contracts"] });
    },
  });
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
              { title: t("contracts.fields.number"), dataIndex: "contractNumber", render: (n: string, p) => <Link to={`/contracts/${p.contractId}`}>{n}</Link> },
              { title: t("contracts.payment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.paymentKind.${k}`) },
              { title: t("contracts.payment.tranche"), dataIndex: "trancheLabel" },
              { title: t("contracts.payment.source"), dataIndex: "source", render: (s: string) => t(`contracts.source.${s}`) },
              { title: t("contracts.payment.amount"), dataIndex: "amount", align: "right", render: (v: number) => formatMoney(v) },
              { title: t("contracts.payment.paidOn"), dataIndex: "paidOn", render: (d: string) => formatDate(d) },
              { title: t("contracts.payment.reference"), dataIndex: "reference" },
              { title: t("contracts.payment.preparedBy"), key: "by", render: (_, p) => `${p.preparedByName ?? ""} · ${formatDateTime(p.preparedAt)}` },
              { title: t("contracts.payment.status"), dataIndex: "status", render: (s: string) => <PaymentStatusTag status={s} /> },
              {
                title: "",
                key: "a",
                render: (_, p) => p.status === "pending" && <PaymentDecision p={p} mine={p.preparedBy === me?.id} onDecide={(d) => decide.mutateAsync({ p, d })} />,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
