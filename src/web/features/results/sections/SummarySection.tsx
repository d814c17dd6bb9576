// The public summary of the result (published once the result is registered): abstracts, keywords, main outputs,
// field and contact; written or edited in its dialog when the results' abilities allow.
import { useState } from "react";
import { Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TaskResults } from "../../../../common/api/result";
import { SummaryDialog } from "../dialogs/SummaryDialog";

export function SummarySection({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const s = results.summary;
  if (!s && !results.abilities.editSummary) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t("results.summary.title")}
          {s && <Tag color={s.published ? "success" : "default"}>{s.published ? t("results.summary.published") : t("results.summary.notPublished")}</Tag>}
        </Space>
      }
      extra={
        results.abilities.editSummary && (
          <Button icon={s ? <EditOutlined /> : <PlusOutlined />} onClick={() => setOpen(true)}>
            {s ? t("common.edit") : t("results.summary.write")}
          </Button>
        )
      }
    >
      {s ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "abstractVi", label: t("results.summary.abstractVi"), children: <span style={{ whiteSpace: "pre-wrap" }}>{s.abstractVi}</span> },
            { key: "abstractEn", label: t("results.summary.abstractEn"), children: s.abstractEn ?? "—" },
            { key: "keywords", label: t("results.summary.keywords"), children: s.keywords.length ? s.keywords.map((k) => <Tag key={k}>{k}</Tag>) : "—" },
            { key: "outputs", label: t("results.summary.outputsSummary"), children: <span style={{ whiteSpace: "pre-wrap" }}>{s.outputsSummary}</span> },
            { key: "field", label: t("results.summary.applicationField"), children: s.applicationField ?? "—" },
            { key: "contact", label: t("results.summary.contactOrganisation"), children: s.contactOrganisation ?? "—" },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t("results.summary.hint")}</Typography.Paragraph>
      )}
      {open && <SummaryDialog taskId={taskId} current={s} onClose={() => setOpen(false)} />}
    </Card>
  );
}
