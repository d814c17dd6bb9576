// Process templates (admin, officer, leader): each template with its versions, legal basis and effective date;
// the version in force today is marked. A version opens on its own page (steps and transitions).
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ProcessTemplate, ProcessVersionSummary } from "../../../common/processes/contract";
import { api } from "../../app/api";
import { formatDate } from "../../app/format";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";

/**
 * A version's note in the reader's language; a note written in the other language only is shown as written, marked
 * with its language.
 */
export function VersionNote({ v, en }: { v: Pick<ProcessVersionSummary, "noteVi" | "noteEn">; en: boolean }) {
  const own = en ? v.noteEn : v.noteVi;
  const other = en ? v.noteVi : v.noteEn;
  if (own) return <>{own}</>;
  return other ? <span lang={en ? "vi" : "en"}>{other}</span> : null;
}

export const processTemplatesQuery = { queryKey: ["process-templates"], queryFn: () => api.get<ProcessTemplate[]>("/process-templates") };

export function ProcessTemplatesPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery(processTemplatesQuery);
  const en = i18n.language === "en";
  return (
    <>
      <PageHeader title={t("processes.title")} subtitle={t("processes.subtitle")} />
      {q.isPending ? (
        <Card>
          <LoadingState />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <EmptyState />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          {q.data.map((tpl) => (
            <Card key={tpl.key} title={en ? tpl.nameEn : tpl.nameVi} extra={<code>{tpl.key}</code>}>
              <Table<ProcessVersionSummary>
                size="small"
                rowKey="version"
                pagination={false}
                dataSource={tpl.versions}
                scroll={{ x: "max-content" }}
                columns={[
                  {
                    title: t("processes.version"),
                    dataIndex: "version",
                    render: (v: number, r) => (
                      <Space>
                        <Link to={`/admin/processes/${tpl.key}/versions/${v}`}>{t("processes.versionN", { v })}</Link>
                        {r.inForce && <Tag color="green">{t("processes.inForce")}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t("processes.effectiveFrom"), dataIndex: "effectiveFrom", render: (d: string) => formatDate(d) },
                  {
                    title: t("processes.legalBasis"),
                    dataIndex: "legalBasis",
                    render: (b: string, r) => (
                      <>
                        {b}
                        {(r.noteVi || r.noteEn) && (
                          <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                            <VersionNote v={r} en={en} />
                          </Typography.Paragraph>
                        )}
                      </>
                    ),
                  },
                  { title: t("processes.createdBy"), dataIndex: "createdBy", render: (u: string | null) => u ?? t("processes.shipped") },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
