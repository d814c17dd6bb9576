// The products Bên B delivers, and the contract's terms.
import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../../common/api/contract";
import { formatNumber } from "../../../app/format";

export function ProductsSection({ c }: { c: Contract }) {
  const { t } = useTranslation();
  return (
    <Card title={t("contracts.sections.products")}>
      <Table
        size="small"
        rowKey="position"
        pagination={false}
        dataSource={c.products}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noProducts") }}
        columns={[
          { title: "#", dataIndex: "position", width: 48 },
          { title: t("contracts.product.name"), dataIndex: "name" },
          { title: t("contracts.product.outputType"), dataIndex: "outputType", render: (o: string) => t(`contracts.outputType.${o}`) },
          { title: t("contracts.product.quantity"), key: "q", align: "right", render: (_, p) => `${formatNumber(p.quantity)} ${p.unit}` },
          { title: t("contracts.product.qualityTarget"), dataIndex: "qualityTarget" },
        ]}
      />
      {c.terms && <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12, marginBottom: 0 }}>{c.terms}</Typography.Paragraph>}
    </Card>
  );
}
