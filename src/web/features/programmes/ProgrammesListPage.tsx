// S&T programmes (chương trình KH&CN): search, filters (status, sector, field, year), server-side sort and paging.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ProgrammeSummary } from "../../../common/api/programme";
import { useSession } from "../../app/session";
import { can } from "../../app/permissions";
import { formatNumber } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { CodeTags } from "../../components/reference";
import { PageHeader } from "../../components/states";

export function ProgrammeStatusTag({ status }: { status: "active" | "closed" }) {
  const { t } = useTranslation();
  return <Tag color={status === "active" ? "green" : "default"}>{t(`programmes.status.${status}`)}</Tag>;
}

export function ProgrammesListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const config = useMemo<ListConfig<ProgrammeSummary>>(
    () => ({
      resource: "programmes",
      endpoint: "/programmes",
      rowKey: (p) => p.id,
      rowHref: (p) => `/programmes/${p.id}`,
      searchLabel: t("programmes.search"),
      searchPlaceholder: t("programmes.searchPlaceholder"),
      filters: [
        {
          name: "status",
          label: t("programmes.fields.status"),
          kind: "options",
          options: [
            { value: "active", label: t("programmes.status.active") },
            { value: "closed", label: t("programmes.status.closed") },
          ],
        },
        { name: "sector", label: t("programmes.fields.sectors"), kind: "code", list: "sector" },
        { name: "field", label: t("programmes.fields.fields"), kind: "code", list: "field" },
        { name: "year", label: t("programmes.year"), kind: "year" },
      ],
      columns: [
        { title: t("programmes.fields.code"), dataIndex: "code", sortKey: "code", render: (c: string, p) => <Link to={`/programmes/${p.id}`}>{c}</Link> },
        { title: t("programmes.fields.nameVi"), dataIndex: "nameVi", sortKey: "name" },
        {
          title: t("programmes.period"),
          dataIndex: "startYear",
          sortKey: "startYear",
          render: (_: number, p) => `${p.startYear}–${p.endYear}`,
        },
        { title: t("programmes.fields.managingOrganisation"), dataIndex: "managingOrganisationName" },
        { title: t("programmes.fields.totalBudget"), dataIndex: "totalBudget", align: "right", render: (n: number) => formatNumber(n) },
        { title: t("programmes.fields.sectors"), dataIndex: "sectors", render: (s: string[]) => <CodeTags list="sector" codes={s} /> },
        { title: t("programmes.fields.status"), dataIndex: "status", render: (s: "active" | "closed") => <ProgrammeStatusTag status={s} /> },
      ],
      actions: can.createProgramme(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/programmes/new")}>
          {t("programmes.create")}
        </Button>
      ) : undefined,
    }),

    [t, me, navigate],
  );
  return (
    <>
      <PageHeader title={t("programmes.title")} subtitle={t("programmes.subtitle")} />
      <ListView config={config} />
    </>
  );
}
