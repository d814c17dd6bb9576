// The result of a task on its page: the internal acceptance (nghiệm thu cơ sở) held by the lead organisation, the
// public summary of the result (public once the result is registered) and the application reports with their review.
// Files (minutes, evidence) are task documents: picked from the task's documents or uploaded here. Each part lives in
// `sections/`, each command's dialog in `dialogs/` (on the shared CommandDialog); the endpoints in `results-api.ts`.
import { useQuery } from "@tanstack/react-query";
import { Alert, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/api";
import { formatDate } from "../../app/format";
import { taskResultsQuery } from "./results-api";
import { ApplicationsSection } from "./sections/ApplicationsSection";
import { InternalAcceptanceSection } from "./sections/InternalAcceptanceSection";
import { SummarySection } from "./sections/SummarySection";

export function TaskResultsTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const q = useQuery(taskResultsQuery(taskId));
  if (q.isPending) return <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const r = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {r.registrationCode && <Alert type="success" showIcon title={t("results.registered", { code: r.registrationCode, date: formatDate(r.registeredAt) })} />}
      <InternalAcceptanceSection taskId={taskId} results={r} />
      <SummarySection taskId={taskId} results={r} />
      <ApplicationsSection taskId={taskId} results={r} />
    </Space>
  );
}
