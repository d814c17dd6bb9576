// Organisations registry list (tổ chức KH&CN): search, filters, server-side sort and paging, export.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { OrganisationSummary } from "../../../common/api/organisation";
import { useSession } from "../../app/session";
import { can } from "../../app/permissions";
import { formatNumber } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { CodeLabel } from "../../components/reference";
import { PageHeader } from "../../components/states";

export function OrganisationsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const config = useMemo<ListConfig<OrganisationSummary>>(
    () => ({
      resource: "organisations",
      endpoint: "/organisations",
      exportEndpoint: can.exportOrganisations(me) ? "/organisations/export" : undefined,
      exportBaseName: "to-chuc",
      rowKey: (o) => o.id,
      rowHref: (o) => `/organisations/${o.id}`,
      searchLabel: t("organisations.search"),
      searchPlaceholder: t("organisations.searchPlaceholder"),
      filters: [
        { name: "type", label: t("organisations.fields.type"), kind: "code", list: "org_type" },
        {
          name: "commune",
          label: t("organisations.fields.commune"),
          kind: "code",
          list: "admin_unit",
          options: [{ value: "none", label: t("organisations.communeNone") }],
        },
        { name: "district", label: t("organisations.fields.district"), kind: "code", list: "district" },
        {
          name: "governance",
          label: t("organisations.fields.governance"),
          kind: "options",
          options: [
            { value: "central", label: t("organisations.governance.central") },
            { value: "local", label: t("organisations.governance.local") },
          ],
        },
        { name: "field", label: t("organisations.fields.fields"), kind: "code", list: "field" },
        {
          name: "hasLab",
          label: t("organisations.hasLab"),
          kind: "options",
          options: [
            { value: "true", label: t("organisations.hasLabYes") },
            { value: "false", label: t("organisations.hasLabNo") },
          ],
        },
      ],
      columns: [
        {
          title: t("organisations.fields.nameVi"),
          dataIndex: "nameVi",
          sortKey: "name",
          render: (_, o) => (
            <span>
              <Link to={`/organisations/${o.id}`}>{o.nameVi}</Link>
              {o.abbreviation && <span className="muted"> ({o.abbreviation})</span>}
            </span>
          ),
        },
        { title: t("organisations.fields.type"), dataIndex: "type", sortKey: "type", render: (c) => <CodeLabel list="org_type" code={c} /> },
        { title: t("organisations.fields.commune"), dataIndex: "commune", render: (c) => <CodeLabel list="admin_unit" code={c} /> },
        {
          title: t("organisations.fields.district"),
          dataIndex: "district",
          sortKey: "district",
          optional: true,
          render: (c) => <CodeLabel list="district" code={c} />,
        },
        {
          title: t("organisations.fields.governance"),
          dataIndex: "governance",
          optional: true,
          render: (g: string) => <Tag color={g === "central" ? "geekblue" : "green"}>{t(`organisations.governance.${g}`)}</Tag>,
        },
        { title: t("organisations.labCount"), dataIndex: "labCount", align: "right", optional: true, render: (n) => formatNumber(n) },
        { title: t("organisations.peopleCount"), dataIndex: "peopleCount", sortKey: "peopleCount", align: "right", render: (n) => formatNumber(n) },
      ],
      actions: can.createOrganisation(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/organisations/new")}>
          {t("organisations.create")}
        </Button>
      ) : undefined,
    }),

    [t, me, navigate],
  );
  return (
    <>
      <PageHeader title={t("organisations.title")} subtitle={t("organisations.subtitle")} />
      <ListView config={config} />
    </>
  );
}
