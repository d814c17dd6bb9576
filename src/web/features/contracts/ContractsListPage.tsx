// Contracts of approved S&T tasks: search, status filter, value by source in vi-VN money and how much is disbursed.
// Staff see every contract; a PI or a lead organisation's representative their own. Officers draft a new contract
// for a task at the step `approved`.
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Button } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CONTRACT_STATUSES, type ContractSummary } from "../../../common/api/contract";
import { useSession } from "../../app/session";
import { formatDate } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { contractEndpoints } from "./contracts-api";
import { CreateContractDialog } from "./dialogs/CreateContractDialog";
import { ContractStatusTag, Disbursed, formatMoney } from "./contract-ui";

export function ContractsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canCreate = !!me?.can?.contract?.create;
  const config = useMemo<ListConfig<ContractSummary>>(
    () => ({
      resource: "contracts",
      endpoint: contractEndpoints.list,
      rowKey: (c) => c.id,
      rowHref: (c) => `/contracts/${c.id}`,
      searchLabel: t("contracts.search"),
      searchPlaceholder: t("contracts.searchPlaceholder"),
      filters: [
        {
          name: "status",
          label: t("contracts.fields.status"),
          kind: "options",
          options: CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.status.${s}`) })),
        },
        { name: "year", label: t("contracts.fields.year"), kind: "year" },
      ],
      columns: [
        { title: t("contracts.fields.number"), dataIndex: "number", sortKey: "number", render: (n: string, r) => <Link to={`/contracts/${r.id}`}>{n}</Link> },
        { title: t("contracts.fields.task"), dataIndex: "taskTitleVi", render: (title: string, r) => `${r.taskCode} · ${title}` },
        { title: t("contracts.fields.partyB"), dataIndex: "partyBOrganisationName" },
        { title: t("contracts.fields.pi"), dataIndex: "piName", optional: true },
        { title: t("contracts.fields.valueCity"), dataIndex: "valueCity", sortKey: "value", align: "right", render: (v: number) => formatMoney(v) },
        { title: t("contracts.fields.valueOther"), dataIndex: "valueOther", align: "right", optional: true, render: (v: number) => formatMoney(v) },
        { title: t("contracts.fields.disbursed"), key: "disbursed", render: (_: unknown, r) => <Disbursed paid={r.disbursed} planned={r.valueCity} /> },
        { title: t("contracts.fields.endDate"), dataIndex: "endDate", sortKey: "endDate", render: (d: string) => formatDate(d) },
        { title: t("contracts.fields.status"), dataIndex: "status", render: (s: ContractSummary["status"]) => <ContractStatusTag status={s} /> },
      ],
      actions: canCreate ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("contracts.create")}
        </Button>
      ) : undefined,
    }),
    [t, canCreate],
  );
  return (
    <>
      <PageHeader title={t("contracts.title")} subtitle={t("contracts.subtitle")} />
      <ListView config={config} />
      {creating && <CreateContractDialog onClose={() => setCreating(false)} onCreated={(c) => navigate(`/contracts/${c.id}`)} />}
    </>
  );
}
