// The contract's parties, period, signing and termination, and its value by source in vi-VN money.
import { Link } from "react-router";
import { Card, Space, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../../common/api/contract";
import { formatDate, formatDateTime } from "../../../app/format";
import { Section } from "../../../components/RecordView";
import { formatMoney } from "../contract-ui";

export function SummarySection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  return (
    <>
      <Section
        title={t("contracts.sections.parties")}
        items={[
          {
            key: "task",
            label: t("contracts.fields.task"),
            span: "filled",
            children: <Link to={`/tasks/${c.taskId}`}>{`${c.taskCode} · ${c.taskTitleVi}`}</Link>,
          },
          { key: "a", label: t("contracts.fields.partyA"), children: c.partyAName },
          { key: "arep", label: t("contracts.fields.partyARepresentative"), children: c.partyARepresentative },
          { key: "b", label: t("contracts.fields.partyB"), children: <Link to={`/organisations/${c.partyBOrganisationId}`}>{c.partyBOrganisationName}</Link> },
          { key: "brep", label: t("contracts.fields.partyBRepresentative"), children: c.partyBRepresentative },
          { key: "pi", label: t("contracts.fields.pi"), children: <Link to={`/people/${c.piPersonId}`}>{c.piName}</Link> },
          { key: "period", label: t("contracts.fields.period"), children: `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` },
          { key: "prepared", label: t("contracts.fields.preparedBy"), children: c.preparedByName },
          {
            key: "signed",
            label: t("contracts.fields.signed"),
            children: c.signedAt && t("contracts.signedText", { a: formatDate(c.partyASignedOn), b: formatDate(c.partyBSignedOn), by: c.signedByName ?? "" }),
          },
          {
            key: "terminated",
            label: t("contracts.fields.terminated"),
            span: "filled",
            children:
              c.terminatedAt &&
              `${formatDateTime(c.terminatedAt)} — ${c.terminationReason ?? ""} (${t("contracts.fields.amountToReturn")}: ${formatMoney(c.amountToReturn)})`,
          },
        ]}
      />
      <Card title={t("contracts.sections.value")}>
        <Space size={48} wrap>
          <Statistic title={t("contracts.fields.valueCity")} value={formatMoney(c.valueCity)} />
          <Statistic title={t("contracts.fields.valueOther")} value={formatMoney(c.valueOther)} />
          <Statistic title={t("contracts.fields.valueTotal")} value={formatMoney(c.valueCity + c.valueOther)} />
          <Statistic title={t("contracts.fields.approvedBudgetCity")} value={formatMoney(c.approvedBudgetCity)} />
        </Space>
      </Card>
    </>
  );
}
