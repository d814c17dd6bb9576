// One organisation: identity, contact, accredited laboratories and the number of people working there.
import { Link, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Statistic, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { Organisation } from "../../../common/api/organisation";
import { api } from "../../app/api";
import { formatDate, formatDateTime, formatNumber } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { CodeLabel, CodeTags } from "../../components/reference";
import { EmptyState } from "../../components/states";

export const organisationQuery = (id: string) => ({
  queryKey: ["organisations", "one", id],
  queryFn: () => api.get<Organisation>(`/organisations/${id}`),
});

export function OrganisationDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useQuery(organisationQuery(id));
  return (
    <RecordView<Organisation>
      query={q}
      back="/organisations"
      resource="organisations"
      title={(o) => o.nameVi}
      subtitle={(o) => [o.nameEn, o.abbreviation].filter(Boolean).join(" · ") || undefined}
      editHref={(o) => (o.abilities.update ? `/organisations/${o.id}/edit` : null)}
      canDelete={(o) => o.abilities.delete}
      onDelete={(o) => api.delete(`/organisations/${o.id}`, { version: o.version })}
    >
      {(o) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Section
            title={t("organisations.sections.identity")}
            extra={
              <Link to={`/people?organisationId=${o.id}`}>
                <Statistic className="inline-stat" title={t("organisations.peopleCount")} value={formatNumber(o.peopleCount)} />
              </Link>
            }
            items={[
              { key: "type", label: t("organisations.fields.type"), children: <CodeLabel list="org_type" code={o.type} /> },
              { key: "governance", label: t("organisations.fields.governance"), children: t(`organisations.governance.${o.governance}`) },
              { key: "abbr", label: t("organisations.fields.abbreviation"), children: o.abbreviation },
              { key: "nameEn", label: t("organisations.fields.nameEn"), children: o.nameEn && <span lang="en">{o.nameEn}</span> },
              { key: "tax", label: t("organisations.fields.taxCode"), children: o.taxCode },
              { key: "orgId", label: t("organisations.fields.orgIdCode"), children: o.orgIdCode },
              { key: "ror", label: t("organisations.fields.ror"), children: o.ror },
              { key: "founded", label: t("organisations.fields.foundedYear"), children: o.foundedYear },
              {
                key: "parent",
                label: t("organisations.fields.parent"),
                children: o.parentId && <Link to={`/organisations/${o.parentId}`}>{o.parentName}</Link>,
              },
              {
                key: "fields",
                label: t("organisations.fields.fields"),
                span: "filled",
                children: o.fields.length > 0 && <CodeTags list="field" codes={o.fields} />,
              },
            ]}
          />
          <Section
            title={t("organisations.sections.contact")}
            items={[
              { key: "address", label: t("organisations.fields.address"), children: o.address },
              { key: "commune", label: t("organisations.fields.commune"), children: o.commune && <CodeLabel list="admin_unit" code={o.commune} /> },
              // the district is history: shown only on a record that has one (made before 1/7/2025)
              ...(o.district
                ? [{ key: "district", label: t("organisations.fields.district"), children: <CodeLabel list="district" code={o.district} /> }]
                : []),
              { key: "phone", label: t("organisations.fields.phone"), children: o.phone },
              { key: "email", label: t("organisations.fields.email"), children: o.email && <a href={`mailto:${o.email}`}>{o.email}</a> },
              {
                key: "web",
                label: t("organisations.fields.website"),
                children:
                  o.website && /^https?:\/\//i.test(o.website) ? (
                    <a href={o.website} target="_blank" rel="noreferrer noopener">
                      {o.website}
                    </a>
                  ) : (
                    o.website
                  ),
              },
            ]}
          />
          <Card title={t("organisations.sections.laboratories")}>
            {o.laboratories.length === 0 ? (
              <EmptyState description={t("organisations.noLabs")} />
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={o.laboratories}
                scroll={{ x: "max-content" }}
                columns={[
                  { title: t("organisations.lab.name"), dataIndex: "name" },
                  { title: t("organisations.lab.scheme"), dataIndex: "scheme", render: (s) => t(`organisations.schemes.${s}`) },
                  { title: t("organisations.lab.accreditationNumber"), dataIndex: "accreditationNumber" },
                  {
                    title: t("organisations.lab.expiresOn"),
                    dataIndex: "expiresOn",
                    render: (d: string | null) =>
                      d ? (
                        <span>
                          {formatDate(d)} {dayjs(d).isBefore(dayjs(), "day") && <Tag color="red">{t("organisations.lab.expired")}</Tag>}
                        </span>
                      ) : null,
                  },
                  { title: t("organisations.fields.fields"), dataIndex: "fields", render: (f: string[]) => <CodeTags list="field" codes={f} /> },
                ]}
              />
            )}
          </Card>
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(o.createdAt), updated: formatDateTime(o.updatedAt), version: o.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}
