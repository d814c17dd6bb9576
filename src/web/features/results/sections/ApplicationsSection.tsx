// The application reports of the result (ứng dụng kết quả): each with its place, form, start, effects and evidence,
// its status and review; filed, edited (while returned) and reviewed in their dialogs as each report's abilities allow.
import { useState } from "react";
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ApplicationReport, TaskResults } from "../../../../common/api/result";
import { formatDate, formatDateTime, formatNumber } from "../../../app/format";
import { ApplicationDialog } from "../dialogs/ApplicationDialog";
import { ReviewDialog } from "../dialogs/ReviewDialog";

const STATUS_COLOR: Record<string, string> = { submitted: "processing", accepted: "success", needs_revision: "warning" };

export function ApplicationsSection({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ApplicationReport | "new" | null>(null);
  const [reviewing, setReviewing] = useState<ApplicationReport | null>(null);
  if (!results.applications.length && !results.abilities.fileApplication) return null;
  return (
    <Card
      size="small"
      title={t("results.applications.title")}
      extra={
        results.abilities.fileApplication && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("results.applications.file")}
          </Button>
        )
      }
    >
      {results.applications.length ? (
        <Table<ApplicationReport>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={results.applications}
          expandable={{
            expandedRowRender: (a) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "scale", label: t("results.applications.scale"), children: a.scale ?? "—" },
                  { key: "eco", label: t("results.applications.economicEffect"), children: a.economicEffect ?? "—" },
                  {
                    key: "ecoValue",
                    label: t("results.applications.economicValue"),
                    children: a.economicValue === null ? "—" : `${formatNumber(a.economicValue, 0)} ${t("results.dong")}`,
                  },
                  { key: "social", label: t("results.applications.socialEffect"), children: a.socialEffect ?? "—" },
                  { key: "benef", label: t("results.applications.beneficiaries"), children: a.beneficiaries === null ? "—" : formatNumber(a.beneficiaries, 0) },
                  {
                    key: "evidence",
                    label: t("results.applications.evidence"),
                    children: a.evidence.length ? a.evidence.map((e) => <div key={e.documentId}>{e.fileName}</div>) : "—",
                  },
                  { key: "review", label: t("results.applications.reviewComment"), children: a.reviewComment ?? "—" },
                ]}
              />
            ),
          }}
          columns={[
            { title: "#", dataIndex: "sequence", width: 48 },
            { title: t("results.applications.place"), dataIndex: "place" },
            { title: t("results.applications.form"), dataIndex: "form", render: (f: string) => t(`results.form.${f}`) },
            { title: t("results.applications.startedOn"), dataIndex: "startedOn", render: (d: string) => formatDate(d) },
            {
              title: t("results.applications.status"),
              dataIndex: "status",
              render: (s: string, a) => (
                <Tag color={STATUS_COLOR[s]} title={formatDateTime(a.reviewedAt ?? a.submittedAt)}>
                  {t(`results.status.${s}`)}
                </Tag>
              ),
            },
            {
              title: "",
              key: "actions",
              render: (_: unknown, a) => (
                <Space>
                  {a.abilities.edit && (
                    <Button size="small" onClick={() => setEditing(a)}>
                      {t("common.edit")}
                    </Button>
                  )}
                  {a.abilities.review && (
                    <Button size="small" type="primary" onClick={() => setReviewing(a)}>
                      {t("results.applications.review")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty description={t("results.applications.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {editing && (
        <ApplicationDialog
          taskId={taskId}
          current={editing === "new" ? null : editing}
          offerTransition={editing === "new" && results.state === "registered"}
          onClose={() => setEditing(null)}
        />
      )}
      {reviewing && <ReviewDialog taskId={taskId} report={reviewing} onClose={() => setReviewing(null)} />}
    </Card>
  );
}
