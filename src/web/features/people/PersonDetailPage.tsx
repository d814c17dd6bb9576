// One person of the registry. Contact data appears only when the API sends it (staff, or the person themself); below the
// record, the training, languages and awards of the scientific CV, the person's tasks, councils and results
// (PersonActivities.tsx) and the CV to download.
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Person } from "../../../common/api/person";
import { api } from "../../app/api";
import { useSession } from "../../app/session";
import { can } from "../../app/permissions";
import { formatDate, formatDateTime } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { CodeLabel, CodeTags } from "../../components/reference";
import { EmptyState } from "../../components/states";
import { DownloadCvButton, PersonActivities } from "./PersonActivities";

export const personQuery = (id: string) => ({
  queryKey: ["people", "one", id],
  queryFn: () => api.get<Person>(`/people/${id}`),
});

export function PersonDetailPage() {
  const { id = "" } = useParams();
  const q = useQuery(personQuery(id));
  const { me } = useSession();
  const staff = can.managePeople(me);
  // A person corrects their own record on "My data" (the Department keeps affiliations and expert membership).
  const editHref = (p: Person) => (!p.abilities.update ? null : !staff && me?.personId === p.id ? "/me" : `/people/${p.id}/edit`);
  return (
    <RecordView<Person>
      query={q}
      back="/people"
      resource="people"
      title={(p) => p.fullName}
      subtitle={(p) => p.primaryOrganisationName ?? undefined}
      editHref={editHref}
      canDelete={(p) => p.abilities.delete}
      onDelete={(p) => api.delete(`/people/${p.id}`, { version: p.version })}
      actions={(p) => <DownloadCvButton personId={p.id} />}
    >
      {(p) => <PersonDetails person={p} activities={<PersonActivities personId={p.id} />} />}
    </RecordView>
  );
}

/** The person's record; `activities` (their tasks, councils and results) shows below the affiliations. */
export function PersonDetails({ person: p, activities }: { person: Person; activities?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Section
        title={t("people.sections.profile")}
        extra={
          p.isExpert && (
            <Tag color="gold" icon={<StarFilled aria-hidden />}>
              {t("people.expert")}
              {p.expertSince ? ` · ${formatDate(p.expertSince)}` : ""}
            </Tag>
          )
        }
        items={[
          { key: "fullName", label: t("people.fields.fullName"), children: p.fullName },
          { key: "birthYear", label: t("people.fields.birthYear"), children: p.birthYear },
          { key: "gender", label: t("people.fields.gender"), children: p.gender && <CodeLabel list="gender" code={p.gender} /> },
          { key: "degree", label: t("people.fields.degree"), children: p.degree && <CodeLabel list="degree" code={p.degree} /> },
          { key: "title", label: t("people.fields.title"), children: p.title && <CodeLabel list="title" code={p.title} /> },
          { key: "orcid", label: t("people.fields.orcid"), children: p.orcid },
          {
            key: "org",
            label: t("people.fields.primaryOrganisationId"),
            children: p.primaryOrganisationId && <Link to={`/organisations/${p.primaryOrganisationId}`}>{p.primaryOrganisationName}</Link>,
          },
          { key: "fields", label: t("people.fields.fields"), span: "filled", children: p.fields.length > 0 && <CodeTags list="field" codes={p.fields} /> },
          {
            key: "keywords",
            label: t("people.fields.keywords"),
            span: "filled",
            children: p.keywords.length > 0 && p.keywords.map((k) => <Tag key={k}>{k}</Tag>),
          },
        ]}
      />
      {p.contact && (
        <Section
          title={t("people.sections.contact")}
          extra={<Tag color="blue">{t("people.contactPrivate")}</Tag>}
          items={[
            { key: "email", label: t("people.fields.email"), children: p.contact.email && <a href={`mailto:${p.contact.email}`}>{p.contact.email}</a> },
            { key: "phone", label: t("people.fields.phone"), children: p.contact.phone },
            { key: "address", label: t("people.fields.address"), children: p.contact.address },
          ]}
        />
      )}
      <Card title={t("people.sections.affiliations")}>
        {p.affiliations.length === 0 ? (
          <EmptyState description={t("people.noAffiliations")} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.affiliations}
            scroll={{ x: "max-content" }}
            columns={[
              {
                title: t("people.fields.organisation"),
                dataIndex: "organisationName",
                render: (n, a) => <Link to={`/organisations/${a.organisationId}`}>{n}</Link>,
              },
              { title: t("people.fields.position"), dataIndex: "position" },
              { title: t("people.fields.startDate"), dataIndex: "startDate", render: (d) => formatDate(d) },
              { title: t("people.fields.endDate"), dataIndex: "endDate", render: (d) => (d ? formatDate(d) : t("people.current")) },
            ]}
          />
        )}
      </Card>
      <CvLists person={p} />
      {activities}
      <div className="record-meta">{t("record.meta", { created: formatDateTime(p.createdAt), updated: formatDateTime(p.updatedAt), version: p.version })}</div>
    </Space>
  );
}

/** One CV list as a table; an empty list says so in a line, not an empty table. Rows are keyed by their place,
 *  which is their order on the CV. */
function CvListCard<T extends object>({ title, rows, columns }: { title: string; rows: T[]; columns: TableColumnsType<T & { key: number }> }) {
  const { t } = useTranslation();
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("people.none")}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows.map((r, i) => ({ ...r, key: i }))}
          scroll={{ x: "max-content" }}
          columns={columns}
        />
      )}
    </Card>
  );
}

/** Items 8, 9 and 14 of the scientific CV as kept with the person. */
function CvLists({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const level = (l: string) => t(`people.languageLevels.${l}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <CvListCard
        title={t("people.sections.education")}
        rows={p.education}
        columns={[
          { title: t("people.fields.level"), dataIndex: "level", render: (c: string) => <CodeLabel list="degree" code={c} /> },
          { title: t("people.fields.institution"), dataIndex: "institution" },
          { title: t("people.fields.speciality"), dataIndex: "field" },
          { title: t("people.fields.graduationYear"), dataIndex: "year" },
        ]}
      />
      <CvListCard
        title={t("people.sections.languages")}
        rows={p.languages}
        columns={[
          { title: t("people.fields.language"), dataIndex: "language" },
          { title: t("people.fields.listening"), dataIndex: "listening", render: level },
          { title: t("people.fields.speaking"), dataIndex: "speaking", render: level },
          { title: t("people.fields.writing"), dataIndex: "writing", render: level },
          { title: t("people.fields.reading"), dataIndex: "reading", render: level },
        ]}
      />
      <CvListCard
        title={t("people.sections.awards")}
        rows={p.awards}
        columns={[
          { title: t("people.fields.awardName"), dataIndex: "name" },
          { title: t("people.fields.awardYear"), dataIndex: "year" },
          { title: t("people.fields.awardedBy"), dataIndex: "awardedBy" },
        ]}
      />
    </Space>
  );
}
