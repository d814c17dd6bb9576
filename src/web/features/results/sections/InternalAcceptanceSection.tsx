// The internal acceptance (nghiệm thu cơ sở) held by the lead organisation: when, who sat, the conclusion, remarks and
// the signed minutes; recorded or edited in its dialog when the results' abilities allow.
import { useState } from "react";
import { Button, Card, Descriptions, Tag, Typography } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TaskResults } from "../../../../common/api/result";
import { formatDate } from "../../../app/format";
import { InternalAcceptanceDialog } from "../dialogs/InternalAcceptanceDialog";

export function InternalAcceptanceSection({ taskId, results }: { taskId: string; results: TaskResults }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ia = results.internalAcceptance;
  if (!ia && !results.abilities.recordInternalAcceptance) return null;
  return (
    <Card
      size="small"
      title={t("results.internal.title")}
      extra={
        results.abilities.recordInternalAcceptance && (
          <Button icon={ia ? <EditOutlined /> : <PlusOutlined />} onClick={() => setOpen(true)}>
            {ia ? t("common.edit") : t("results.internal.record")}
          </Button>
        )
      }
    >
      {ia ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "heldOn", label: t("results.internal.heldOn"), children: formatDate(ia.heldOn) },
            {
              key: "conclusion",
              label: t("results.internal.conclusion"),
              children: <Tag color={ia.conclusion === "pass" ? "success" : "error"}>{t(`results.internal.${ia.conclusion}`)}</Tag>,
            },
            {
              key: "members",
              label: t("results.internal.members"),
              span: 2,
              children: ia.members.map((m, i) => (
                <div key={i}>
                  {m.name}
                  {m.position ? ` — ${m.position}` : ""}
                </div>
              )),
            },
            { key: "remarks", label: t("results.internal.remarks"), span: 2, children: ia.remarks ?? "—" },
            { key: "minutes", label: t("results.internal.minutes"), span: 2, children: ia.minutes ? ia.minutes.fileName : "—" },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t("results.internal.optional")}</Typography.Paragraph>
      )}
      {open && <InternalAcceptanceDialog taskId={taskId} current={ia} onClose={() => setOpen(false)} />}
    </Card>
  );
}
