// "Phiếu của tôi": the councils the signed-in expert sits on, with how many of their ballots are submitted.
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { MyCouncil } from "../../../common/api/council";
import { myCouncilsQuery } from "./councils-api";
import { formatDateTime } from "../../app/format";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { CouncilStatusTag } from "./council-ui";

export function MyBallotsPage() {
  const { t } = useTranslation();
  const q = useQuery(myCouncilsQuery());
  return (
    <>
      <PageHeader title={t("councils.mine.title")} subtitle={t("councils.mine.subtitle")} />
      <Card>
        {q.isPending ? (
          <LoadingState />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <EmptyState description={t("councils.mine.empty")} />
        ) : (
          <Table<MyCouncil>
            rowKey="councilId"
            pagination={false}
            dataSource={q.data.items}
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("councils.fields.title"), dataIndex: "title", render: (v: string, r) => <Link to={`/councils/${r.councilId}/score`}>{v}</Link> },
              { title: t("councils.fields.kind"), dataIndex: "kind", render: (k: string) => t(`councils.kind.${k}`) },
              { title: t("councils.fields.role"), dataIndex: "role", render: (r: string) => t(`councils.role.${r}`) },
              { title: t("councils.fields.meetingAt"), dataIndex: "meetingAt", render: (d: string | null) => formatDateTime(d) },
              {
                title: t("councils.fields.declaration"),
                dataIndex: "declarationSignedAt",
                render: (d: string | null) => (d ? <Tag color="green">{formatDateTime(d)}</Tag> : <Tag color="orange">{t("councils.notSigned")}</Tag>),
              },
              { title: t("councils.fields.submitted"), key: "submitted", render: (_, r) => t("councils.submittedOf", { n: r.submitted, total: r.subjects }) },
              { title: t("councils.fields.status"), dataIndex: "status", render: (_: string, r) => <CouncilStatusTag status={r.status} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
