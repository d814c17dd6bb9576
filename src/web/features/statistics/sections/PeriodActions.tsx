// A period's header actions, as its abilities allow: edit, assign organisations, open (draft → open) and close
// (open → closed), each a command with the period's version.
import { useState } from "react";
import { Button, Popconfirm, Space } from "antd";
import { EditOutlined, LockOutlined, PlayCircleOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Period } from "../../../../common/api/statistics";
import { AssignDialog } from "../dialogs/AssignDialog";
import { PeriodDialog } from "../dialogs/PeriodDialog";
import { statisticsApi, usePeriodCommand } from "../statistics-api";
import { PeriodStatusTag } from "../statistics-ui";

export function PeriodActions({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const command = usePeriodCommand(p.id);
  const [dialog, setDialog] = useState<"edit" | "assign" | null>(null);
  return (
    <Space wrap>
      <PeriodStatusTag status={p.status} />
      {p.abilities.update && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
          {t("common.edit")}
        </Button>
      )}
      {p.abilities.assign && (
        <Button icon={<UsergroupAddOutlined aria-hidden />} onClick={() => setDialog("assign")}>
          {t("statistics.assign.button")}
        </Button>
      )}
      {p.abilities.open && (
        <Popconfirm
          title={t("statistics.periods.openConfirm")}
          onConfirm={() => command.run(() => statisticsApi.openPeriod(p.id, p.version), "statistics.periods.opened")}
          okText={t("statistics.periods.open")}
          cancelText={t("common.cancel")}
        >
          <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} loading={command.isPending}>
            {t("statistics.periods.open")}
          </Button>
        </Popconfirm>
      )}
      {p.abilities.close && (
        <Popconfirm
          title={t("statistics.periods.closeConfirm")}
          onConfirm={() => command.run(() => statisticsApi.closePeriod(p.id, p.version), "statistics.periods.closed")}
          okText={t("statistics.periods.close")}
          cancelText={t("common.cancel")}
        >
          <Button icon={<LockOutlined aria-hidden />} loading={command.isPending}>
            {t("statistics.periods.close")}
          </Button>
        </Popconfirm>
      )}
      {dialog === "edit" && <PeriodDialog period={p} onClose={() => setDialog(null)} />}
      {dialog === "assign" && <AssignDialog period={p} onClose={() => setDialog(null)} />}
    </Space>
  );
}
