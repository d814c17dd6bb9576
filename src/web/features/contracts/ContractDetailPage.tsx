// One contract: parties, value by source in vi-VN money, period, products, the disbursement plan against payments
// (progress per tranche), the payment ledger with approvals and reversals, the settlement (disbursed / advanced /
// spent / returned), the amendments history, and the actions its `abilities` allow. Each section lives in
// `sections/`, each command's dialog in `dialogs/` (on the shared CommandDialog). Money actions follow the
// two-person rule: the server answers 409 with the reason when the preparer tries to approve; the page says so first.
import { useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Space } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../common/api/contract";
import { formatDateTime } from "../../app/format";
import { RecordView } from "../../components/RecordView";
import { ContractStatusTag } from "./contract-ui";
import { contractQuery } from "./contracts-api";
import { AmendmentsSection } from "./sections/AmendmentsSection";
import { ContractActions } from "./sections/ContractActions";
import { PaymentsSection } from "./sections/PaymentsSection";
import { PlanSection } from "./sections/PlanSection";
import { ProductsSection } from "./sections/ProductsSection";
import { SettlementSection } from "./sections/SettlementSection";
import { SummarySection } from "./sections/SummarySection";

export function ContractDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useQuery(contractQuery(id));
  return (
    <RecordView<Contract>
      query={q}
      back="/contracts"
      resource="contracts"
      title={(c) => `${t("contracts.contractNo")} ${c.number}`}
      subtitle={(c) => <ContractStatusTag status={c.status} />}
      actions={(c) => <ContractActions c={c} />}
    >
      {(c) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <SummarySection c={c} />
          <ProductsSection c={c} />
          <PlanSection c={c} />
          <PaymentsSection c={c} />
          <SettlementSection c={c} />
          <AmendmentsSection c={c} />
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(c.createdAt), updated: formatDateTime(c.updatedAt), version: c.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}
