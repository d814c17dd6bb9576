// Submit (or withdraw) the dossier, with the deadline countdown from the call; a refusal (the server's completeness
// problems, a closed call, a stale version) is listed here with its reasons.
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Popconfirm, Tag, Typography, Space } from "antd";
import { SendOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Dossier, Task } from "../../../../common/api/task";
import { formatDateTime } from "../../../app/format";
import { isVersionConflict } from "../../../components/CommandDialog";
import { RefusalAlert } from "../../../components/RefusalAlert";
import { Countdown } from "../../calls/call-ui";
import { callOfTaskQuery, taskKeys, tasksApi, useDossierCommand } from "../tasks-api";

type DossierAction = "submit" | "withdraw";

export function DossierSubmitSection({ task, dossier: d, dirty }: { task: Task; dossier: Dossier; dirty: () => boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const call = useQuery({ ...callOfTaskQuery(task.selectionCallId ?? ""), enabled: !!task.selectionCallId });
  const [unsaved, setUnsaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<DossierAction | null>(null);
  const command = useDossierCommand(d.id);
  const act = (action: DossierAction) => {
    setError(null);
    setRunning(action);
    return command
      .mutateAsync(() => tasksApi.dossierAction(task.id, d.id, action, { version: d.version }))
      .then(
        () => message.success(t(`tasks.dossier.done.${action}`)),
        (e: unknown) => {
          setError(e);
          // the call may have closed meanwhile: its countdown and status as the server has them now
          if (task.selectionCallId) void qc.invalidateQueries({ queryKey: taskKeys.call(task.selectionCallId) });
        },
      )
      .finally(() => setRunning(null));
  };
  const c = call.data;
  return (
    <Card
      title={t("tasks.dossier.submission")}
      className="dossier-submit"
      extra={
        c && c.secondsToDeadline !== null ? (
          <Countdown
            seconds={c.secondsToDeadline}
            fetchedAt={call.dataUpdatedAt}
            label={t("tasks.dossier.deadlineIn")}
            onElapsed={() => void call.refetch()}
            urgentBelow={86400}
          />
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {c && (
          <Typography.Text>
            {t("tasks.dossier.deadline", { at: formatDateTime(c.closesAt) })}{" "}
            {c.acceptingSubmissions ? <Tag color="green">{t("tasks.callAccepting")}</Tag> : <Tag color="red">{t("tasks.callNotAccepting")}</Tag>}
          </Typography.Text>
        )}
        {d.abilities.submit && <Typography.Text type="secondary">{t("tasks.dossier.submitHint")}</Typography.Text>}
        {unsaved && <Alert type="warning" showIcon title={t("tasks.dossier.saveFirst")} />}
        {isVersionConflict(error) ? <Alert type="warning" showIcon role="alert" title={t("command.conflict")} /> : <RefusalAlert error={error} />}
        <Flex gap={8} wrap>
          {d.abilities.submit && (
            <Popconfirm
              title={t("tasks.dossier.confirmSubmit")}
              okText={t("tasks.dossier.submit")}
              cancelText={t("common.cancel")}
              onConfirm={() => {
                if (dirty()) {
                  setUnsaved(true);
                  return;
                }
                setUnsaved(false);
                return act("submit");
              }}
            >
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={running === "submit"}>
                {t("tasks.dossier.submit")}
              </Button>
            </Popconfirm>
          )}
          {d.abilities.withdraw && (
            <Popconfirm
              title={t("tasks.dossier.confirmWithdraw")}
              okText={t("tasks.dossier.withdraw")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => act("withdraw")}
            >
              <Button danger loading={running === "withdraw"}>
                {t("tasks.dossier.withdraw")}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Space>
    </Card>
  );
}
