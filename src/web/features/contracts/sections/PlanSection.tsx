// The disbursement plan against payments: progress per tranche, a warning while a draft's plan does not add up to
// the city value, and (as `plan` allows) editing the plan or cancelling a tranche of a running contract.
import { useState } from "react";
import { Alert, Button, Card, Table, Tag, Typography } from "antd";
import { ScheduleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Contract, Tranche } from "../../../../common/api/contract";
import { formatDate } from "../../../app/format";
import { Disbursed, formatMoney } from "../contract-ui";
import { CancelTrancheDialog, PlanDialog } from "../dialogs/PlanDialogs";

export function PlanSection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState<Tranche | null>(null);
  const planned = c.tranches.filter((x) => x.status === "planned").reduce((s, x) => s + x.amountCity, 0);
  return (
    <Card
      title={t("contracts.sections.plan")}
      extra={
        c.abilities.plan && (
          <Button icon={<ScheduleOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t("contracts.actions.plan")}
          </Button>
        )
      }
    >
      {planned !== c.valueCity && c.status === "draft" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("contracts.planMismatch", { sum: formatMoney(planned), value: formatMoney(c.valueCity) })}
        />
      )}
      <Table<Tranche>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.tranches}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noPlan") }}
        columns={[
          {
            title: t("contracts.tranche.label"),
            dataIndex: "label",
            render: (l: string, x) => (x.status === "cancelled" ? <Typography.Text delete>{l}</Typography.Text> : l),
          },
          { title: t("contracts.tranche.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.trancheKind.${k}`) },
          { title: t("contracts.tranche.plannedDate"), dataIndex: "plannedDate", render: (d: string) => formatDate(d) },
          { title: t("contracts.tranche.amountCity"), dataIndex: "amountCity", align: "right", render: (v: number) => formatMoney(v) },
          { title: t("contracts.tranche.amountOther"), dataIndex: "amountOther", align: "right", render: (v: number) => formatMoney(v) },
          { title: t("contracts.tranche.paidCity"), dataIndex: "paidCity", align: "right", render: (v: number) => formatMoney(v) },
          {
            title: t("contracts.tranche.progress"),
            key: "p",
            render: (_, x) => <Disbursed paid={x.paidCity + x.paidOther} planned={x.amountCity + x.amountOther} />,
          },
          {
            title: "",
            key: "a",
            render: (_, x) =>
              x.status === "cancelled" ? (
                <Tag>{t("contracts.trancheCancelled")}</Tag>
              ) : (
                c.abilities.plan &&
                c.status !== "draft" && (
                  <Button size="small" onClick={() => setCancelling(x)}>
                    {t("contracts.actions.cancelTranche")}
                  </Button>
                )
              ),
          },
        ]}
      />
      {editing && <PlanDialog c={c} onClose={() => setEditing(false)} />}
      {cancelling && <CancelTrancheDialog c={c} x={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}
