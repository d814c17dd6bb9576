// The payment ledger: entries with who recorded and who decided them, approve / reject for the second person,
// reversal of an approved entry, and recording a payment or a return (finance).
import { useState } from "react";
import { Button, Card, Popconfirm, Space, Table, Typography } from "antd";
import { CheckOutlined, CloseOutlined, DollarOutlined, RollbackOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Contract, Payment } from "../../../../common/api/contract";
import { formatDate } from "../../../app/format";
import { PaymentStatusTag, formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand, type Decision } from "../contracts-api";
import { PaymentDialog, ReverseDialog } from "../dialogs/PaymentDialogs";

export function PaymentsSection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<"payment" | "return" | null>(null);
  const [reversing, setReversing] = useState<Payment | null>(null);
  const command = useContractCommand(c.id);
  if (!c.payments.length && !c.abilities.pay) return null;
  return (
    <Card
      title={t("contracts.sections.payments")}
      extra={
        c.abilities.pay && (
          <Space>
            {c.status !== "terminated" && (
              <Button icon={<DollarOutlined aria-hidden />} onClick={() => setRecording("payment")}>
                {t("contracts.actions.recordPayment")}
              </Button>
            )}
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setRecording("return")}>
              {t("contracts.actions.recordReturn")}
            </Button>
          </Space>
        )
      }
    >
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.payments}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noPayments") }}
        columns={[
          { title: t("contracts.payment.paidOn"), dataIndex: "paidOn", render: (d: string) => formatDate(d) },
          { title: t("contracts.payment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.paymentKind.${k}`) },
          { title: t("contracts.payment.tranche"), dataIndex: "trancheLabel" },
          { title: t("contracts.payment.source"), dataIndex: "source", render: (s: string) => t(`contracts.source.${s}`) },
          {
            title: t("contracts.payment.amount"),
            dataIndex: "amount",
            align: "right",
            render: (v: number) => <span style={{ color: v < 0 ? "#cf1322" : undefined }}>{formatMoney(v)}</span>,
          },
          { title: t("contracts.payment.reference"), dataIndex: "reference" },
          { title: t("contracts.payment.note"), dataIndex: "note" },
          { title: t("contracts.payment.preparedBy"), dataIndex: "preparedByName" },
          { title: t("contracts.payment.decidedBy"), dataIndex: "decidedByName" },
          { title: t("contracts.payment.status"), dataIndex: "status", render: (s: string) => <PaymentStatusTag status={s} /> },
          {
            title: "",
            key: "a",
            render: (_, p) => (
              <Space>
                {p.status === "pending" && c.abilities.decidePayment && (
                  <PaymentDecision
                    p={p}
                    onDecide={(d) => command.run(() => contractsApi.decidePayment(c.id, p.id, d, { version: p.version }), `contracts.done.${d}`)}
                  />
                )}
                {p.status === "approved" && p.kind !== "reversal" && c.abilities.pay && (
                  <Button size="small" onClick={() => setReversing(p)}>
                    {t("contracts.actions.reverse")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {recording && <PaymentDialog c={c} kind={recording} onClose={() => setRecording(null)} />}
      {reversing && <ReverseDialog c={c} p={reversing} onClose={() => setReversing(null)} />}
    </Card>
  );
}

/** Approve / reject; the preparer is told about the two-person rule instead of getting a button that fails. */
/** Approve / reject a pending entry, or the server's reason why this user may not (they recorded it). */
export function PaymentDecision({ p, onDecide }: { p: Payment; onDecide: (d: Decision) => Promise<unknown> }) {
  const { t } = useTranslation();
  if (p.refusals.decide) return <Typography.Text type="secondary">{p.refusals.decide.message}</Typography.Text>;
  return (
    <Space>
      <Popconfirm
        title={t("contracts.confirmApprove", { amount: formatMoney(p.amount) })}
        okText={t("contracts.actions.approve")}
        cancelText={t("common.cancel")}
        onConfirm={() => onDecide("approve").catch(() => undefined)}
      >
        <Button size="small" type="primary" icon={<CheckOutlined aria-hidden />}>
          {t("contracts.actions.approve")}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t("contracts.confirmReject")}
        okText={t("contracts.actions.reject")}
        cancelText={t("common.cancel")}
        onConfirm={() => onDecide("reject").catch(() => undefined)}
      >
        <Button size="small" danger icon={<CloseOutlined aria-hidden />}>
          {t("contracts.actions.reject")}
        </Button>
      </Popconfirm>
    </Space>
  );
}
