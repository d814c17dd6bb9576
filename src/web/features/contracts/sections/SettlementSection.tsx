// The settlement view (city budget): planned, disbursed, advanced, spent, returned, outstanding; recording the
// expenditure Bên B has justified.
import { useState } from "react";
import { Button, Card, Space, Statistic, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../../common/api/contract";
import { Disbursed, formatMoney } from "../contract-ui";
import { SettlementDialog } from "../dialogs/SettlementDialog";

export function SettlementSection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const s = c.settlement;
  if (c.status === "draft") return null;
  return (
    <Card
      title={t("contracts.sections.settlement")}
      extra={
        <Space>
          {s.settled ? <Tag color="green">{t("contracts.settled")}</Tag> : <Tag color="gold">{t("contracts.notSettled")}</Tag>}
          {c.abilities.settle && <Button onClick={() => setEditing(true)}>{t("contracts.actions.settle")}</Button>}
        </Space>
      }
    >
      <Space size={40} wrap>
        <Statistic title={t("contracts.settlement.planned")} value={formatMoney(s.planned)} />
        <Statistic title={t("contracts.settlement.disbursed")} value={formatMoney(s.disbursed)} />
        <Statistic title={t("contracts.settlement.advanced")} value={formatMoney(s.advanced)} />
        <Statistic title={t("contracts.settlement.spent")} value={s.spent === null ? "—" : formatMoney(s.spent)} />
        <Statistic title={t("contracts.settlement.returned")} value={formatMoney(s.returned)} />
        <Statistic title={t("contracts.settlement.outstanding")} value={s.outstanding === null ? "—" : formatMoney(s.outstanding)} />
      </Space>
      <div style={{ marginTop: 12 }}>
        <Disbursed paid={s.disbursed} planned={c.valueCity} />
      </div>
      {editing && <SettlementDialog c={c} onClose={() => setEditing(false)} />}
    </Card>
  );
}
