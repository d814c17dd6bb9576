// One S&T programme: objectives, period, managing unit, budget, scope, and its calls.
import { Link, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Programme } from "../../../common/api/programme";
import { api } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { CodeTags } from "../../components/reference";
import { ProgrammeStatusTag } from "./ProgrammesListPage";

export const programmeQuery = (id: string) => ({
  queryKey: ["programmes", "one", id],
  queryFn: () => api.get<Programme>(`/programmes/${id}`),
});

export function ProgrammeDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useQuery(programmeQuery(id));
  return (
    <RecordView<Programme>
      query={q}
      back="/programmes"
      resource="programmes"
      title={(p) => `${p.code} · ${p.nameVi}`}
      subtitle={(p) => (p.nameEn ? <span lang="en">{p.nameEn}</span> : undefined)}
      editHref={(p) => (p.abilities.update ? `/programmes/${p.id}/edit` : null)}
    >
      {(p) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Section
            title={t("programmes.sections.general")}
            items={[
              { key: "code", label: t("programmes.fields.code"), children: p.code },
              { key: "status", label: t("programmes.fields.status"), children: <ProgrammeStatusTag status={p.status} /> },
              { key: "period", label: t("programmes.period"), children: `${p.startYear}–${p.endYear}` },
              {
                key: "org",
                label: t("programmes.fields.managingOrganisation"),
                children: p.managingOrganisationId && <Link to={`/organisations/${p.managingOrganisationId}`}>{p.managingOrganisationName}</Link>,
              },
              { key: "budget", label: t("programmes.fields.totalBudget"), children: `${formatNumber(p.totalBudget)} ${t("programmes.dong")}` },
              {
                key: "calls",
                label: t("programmes.callCount"),
                children: <Link to={`/calls?programmeId=${p.id}`}>{formatNumber(p.callCount)}</Link>,
              },
              {
                key: "sectors",
                label: t("programmes.fields.sectors"),
                span: "filled",
                children: p.sectors.length > 0 && <CodeTags list="sector" codes={p.sectors} />,
              },
              {
                key: "fields",
                label: t("programmes.fields.fields"),
                span: "filled",
                children: p.fields.length > 0 && <CodeTags list="field" codes={p.fields} />,
              },
            ]}
          />
          <Card title={t("programmes.fields.objectives")}>
            {p.objectives ? (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{p.objectives}</Typography.Paragraph>
            ) : (
              <span className="muted">—</span>
            )}
          </Card>
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(p.createdAt), updated: formatDateTime(p.updatedAt), version: p.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}
