// People registry list (nhân lực KH&CN): accent-insensitive search, filters, server-side sort and paging, export.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Tag } from "antd";
import { PlusOutlined, StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../common/api/person";
import { useSession } from "../../app/session";
import { can } from "../../app/permissions";
import { ListView, type ListConfig } from "../../components/ListView";
import { CodeLabel, CodeTags } from "../../components/reference";
import { PageHeader } from "../../components/states";
import { formatDate } from "../../app/format";

export function PeopleListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const config = useMemo<ListConfig<PersonSummary>>(
    () => ({
      resource: "people",
      endpoint: "/people",
      exportEndpoint: can.exportPeople(me) ? "/people/export" : undefined,
      exportBaseName: "nhan-luc",
      rowKey: (p) => p.id,
      rowHref: (p) => `/people/${p.id}`,
      searchLabel: t("people.search"),
      searchPlaceholder: t("people.searchPlaceholder"),
      filters: [
        { name: "degree", label: t("people.fields.degree"), kind: "code", list: "degree" },
        { name: "title", label: t("people.fields.title"), kind: "code", list: "title" },
        { name: "gender", label: t("people.fields.gender"), kind: "code", list: "gender" },
        { name: "field", label: t("people.fields.field"), kind: "code", list: "field" },
        { name: "organisationId", label: t("people.fields.organisation"), kind: "organisation" },
        {
          name: "isExpert",
          label: t("people.fields.isExpert"),
          kind: "options",
          options: [
            { value: "true", label: t("people.expertYes") },
            { value: "false", label: t("people.expertNo") },
          ],
        },
        { name: "birthYearFrom", label: t("people.birthYearFrom"), kind: "year" },
        { name: "birthYearTo", label: t("people.birthYearTo"), kind: "year" },
      ],
      columns: [
        {
          title: t("people.fields.fullName"),
          dataIndex: "fullName",
          sortKey: "name",
          render: (_, p) => (
            <span className="name-cell">
              <Link to={`/people/${p.id}`}>{p.fullName}</Link>
              {p.isExpert && (
                <Tag color="gold" icon={<StarFilled aria-hidden />} style={{ marginLeft: 8 }}>
                  {t("people.expert")}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t("people.fields.birthYear"), dataIndex: "birthYear", sortKey: "birthYear", width: 110 },
        { title: t("people.fields.gender"), dataIndex: "gender", render: (g) => <CodeLabel list="gender" code={g} />, width: 100 },
        {
          title: t("people.fields.degree"),
          dataIndex: "degree",
          sortKey: "degree",
          render: (_, p) => (
            <>
              {p.title && (
                <>
                  <CodeLabel list="title" code={p.title} />,{" "}
                </>
              )}
              <CodeLabel list="degree" code={p.degree} />
            </>
          ),
        },
        { title: t("people.fields.fields"), dataIndex: "fields", render: (f: string[]) => <CodeTags list="field" codes={f.slice(0, 3)} /> },
        { title: t("people.fields.organisation"), dataIndex: "primaryOrganisationName", sortKey: "organisation" },
        { title: t("common.updatedAt"), dataIndex: "updatedAt", sortKey: "updatedAt", render: (d) => formatDate(d), width: 130, optional: true },
      ],
      actions: can.createPerson(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/people/new")}>
          {t("people.create")}
        </Button>
      ) : undefined,
    }),

    [t, me, navigate],
  );
  return (
    <>
      <PageHeader title={t("people.title")} subtitle={t("people.subtitle")} />
      <ListView config={config} />
    </>
  );
}
