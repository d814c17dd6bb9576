// The amendments history: what each request proposed, who asked and who decided; approve / reject for a leader
// other than the requester; requesting a change.
import { useState, type ReactNode } from "react";
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Amendment, Contract } from "../../../../common/api/contract";
import { formatDate, formatDateTime } from "../../../app/format";
import { formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand } from "../contracts-api";
import { AmendmentDialog, RejectAmendmentDialog } from "../dialogs/AmendmentDialogs";

function proposedText(a: Amendment, t: (k: string, o?: Record<string, unknown>) => string): ReactNode {
  const p = a.proposed as Record<string, unknown>;
  const parts: string[] = [];
  if (p.endDate) parts.push(`${t("contracts.fields.endDate")}: ${formatDate(p.endDate as string)}`);
  if (p.valueCity !== undefined) parts.push(`${t("contracts.fields.valueCity")}: ${formatMoney(p.valueCity as number)}`);
  if (p.valueOther !== undefined) parts.push(`${t("contracts.fields.valueOther")}: ${formatMoney(p.valueOther as number)}`);
  if (p.products) parts.push(t("contracts.productsCount", { count: (p.products as unknown[]).length }));
  if (p.terms !== undefined) parts.push(t("contracts.termsChanged"));
  if (p.piPersonId) parts.push(t("contracts.piChanged"));
  return parts.join("; ");
}

export function AmendmentsSection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const [rejecting, setRejecting] = useState<Amendment | null>(null);
  const command = useContractCommand(c.id);
  if (!c.amendments.length && !c.abilities.requestAmendment) return null;
  return (
    <Card
      title={t("contracts.sections.amendments")}
      extra={
        c.abilities.requestAmendment && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setRequesting(true)}>
            {t("contracts.actions.requestAmendment")}
          </Button>
        )
      }
    >
      <Table<Amendment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.amendments}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noAmendments") }}
        columns={[
          { title: "#", dataIndex: "seq", width: 48 },
          { title: t("contracts.amendment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.amendmentKind.${k}`) },
          { title: t("contracts.amendment.proposed"), key: "p", render: (_, a) => proposedText(a, t) },
          { title: t("contracts.reason"), dataIndex: "reason" },
          { title: t("contracts.amendment.requested"), key: "r", render: (_, a) => `${a.requestedByName ?? ""} · ${formatDateTime(a.requestedAt)}` },
          {
            title: t("contracts.amendment.decided"),
            key: "d",
            render: (_, a) => a.decidedAt && `${a.decidedByName ?? ""} · ${formatDateTime(a.decidedAt)}${a.decisionNote ? ` — ${a.decisionNote}` : ""}`,
          },
          { title: t("contracts.fields.status"), dataIndex: "status", render: (s: string) => <Tag>{t(`contracts.amendmentStatus.${s}`)}</Tag> },
          {
            title: "",
            key: "a",
            render: (_, a) =>
              a.status === "pending" &&
              c.abilities.decideAmendment &&
              (a.refusals.decide ? (
                <Typography.Text type="secondary">{a.refusals.decide.message}</Typography.Text>
              ) : (
                <Space>
                  <Popconfirm
                    title={t("contracts.confirmApplyAmendment")}
                    okText={t("contracts.actions.approve")}
                    cancelText={t("common.cancel")}
                    onConfirm={() => command.run(() => contractsApi.decideAmendment(c.id, a.id, "approve", { version: a.version }), "contracts.done.approve")}
                  >
                    <Button size="small" type="primary">
                      {t("contracts.actions.approve")}
                    </Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => setRejecting(a)}>
                    {t("contracts.actions.reject")}
                  </Button>
                </Space>
              )),
          },
        ]}
      />
      {requesting && <AmendmentDialog c={c} onClose={() => setRequesting(false)} />}
      {rejecting && <RejectAmendmentDialog c={c} a={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}
