// The task's moves along its process (from the audit trail): when, what, from which step to which, by whom, comment.
import { Empty, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Task } from "../../../common/api/task";
import { formatDateTime } from "../../app/format";

export function TaskHistory({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const stepLabel = (key: string) => {
    const s = task.steps.find((x) => x.key === key);
    return s ? (en ? s.labelEn : s.labelVi) : key;
  };
  if (task.history.length === 0) return <Empty description={t("tasks.history.empty")} />;
  return (
    <Timeline
      items={task.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        content: (
          <>
            <Typography.Text strong>{en ? h.actionLabelEn : h.actionLabelVi}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t("tasks.history.line", { at: formatDateTime(h.at), from: stepLabel(h.from), to: stepLabel(h.to), by: h.byName ?? "—" })}
              </Typography.Text>
            </div>
            {h.comment && <Typography.Paragraph style={{ marginBottom: 0 }}>{h.comment}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
