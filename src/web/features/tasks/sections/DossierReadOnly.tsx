// A dossier read-only (submitted, or read by someone who may not edit it): the description with the validity check,
// the products, the timeline, the team and the budget matrix.
import { Card, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Dossier } from "../../../../common/api/task";
import { formatDate, formatNumber } from "../../../app/format";
import { Section } from "../../../components/RecordView";
import { BudgetMatrix } from "../BudgetMatrix";
import { useMoney } from "../task-ui";
import { TEXT_SECTIONS } from "./dossier-form";

export function DossierReadOnly({ dossier: d }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const money = useMoney();
  const label = (n: string) => t(`tasks.dossier.fields.${n}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Section
        title={t("tasks.dossier.sections.description")}
        column={1}
        items={[
          ...TEXT_SECTIONS.map((n) => ({ key: n, label: label(n), children: d[n] && <span style={{ whiteSpace: "pre-wrap" }}>{d[n]}</span> })),
          { key: "duration", label: label("durationMonths"), children: d.durationMonths && t("tasks.months", { count: d.durationMonths }) },
          { key: "start", label: label("startDate"), children: formatDate(d.startDate) },
          { key: "total", label: t("tasks.budget.total"), children: money(d.totals.total) },
          ...(d.validityCheck
            ? [
                {
                  key: "validity",
                  label: t("tasks.validity.title"),
                  children: d.validityCheck.valid ? <Tag color="green">{t("tasks.validity.valid")}</Tag> : <Tag color="red">{t("tasks.validity.invalid")}</Tag>,
                },
              ]
            : []),
          ...(d.validityNote ? [{ key: "validityNote", label: t("tasks.validity.note"), children: d.validityNote }] : []),
        ]}
      />
      <Card title={t("tasks.dossier.sections.products")}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={d.products}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.product.name"), dataIndex: "name" },
            { title: t("tasks.dossier.product.outputType"), dataIndex: "outputType", render: (o: string) => t(`tasks.outputType.${o}`) },
            { title: t("tasks.dossier.product.quantity"), dataIndex: "quantity", align: "right", render: (n: number) => formatNumber(n) },
            { title: t("tasks.dossier.product.unit"), dataIndex: "unit" },
            { title: t("tasks.dossier.product.qualityTarget"), dataIndex: "qualityTarget" },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.milestones")}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={d.milestones}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.milestone.content"), dataIndex: "content" },
            { title: t("tasks.dossier.milestone.startsOn"), dataIndex: "startsOn", render: (v: string) => formatDate(v) },
            { title: t("tasks.dossier.milestone.endsOn"), dataIndex: "endsOn", render: (v: string) => formatDate(v) },
            { title: t("tasks.dossier.milestone.deliverable"), dataIndex: "deliverable" },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.team")}>
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={d.team}
          scroll={{ x: "max-content" }}
          columns={[
            { title: t("tasks.dossier.team.person"), dataIndex: "personName" },
            { title: t("tasks.dossier.team.role"), dataIndex: "role", render: (r: string) => t(`tasks.teamRole.${r}`) },
            { title: t("tasks.dossier.team.months"), dataIndex: "months", align: "right", render: (n: number | null) => formatNumber(n, 1) },
          ]}
        />
      </Card>
      <Card title={t("tasks.dossier.sections.budget")}>
        <BudgetMatrix lines={d.budget} />
      </Card>
    </Space>
  );
}
