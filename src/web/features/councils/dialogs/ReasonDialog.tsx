// Re-open a concluded council or cancel one: the command takes a reason, checked with the shared body.
import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { councilReasonBody, type Council } from "../../../../common/api/council";
import { CommandDialog } from "../../../components/CommandDialog";
import { councilsApi, useCouncilCommand, type ReasonAction } from "../councils-api";

export function ReasonDialog({ council: c, action, onClose }: { council: Council; action: ReasonAction; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCouncilCommand(c.id);
  return (
    <CommandDialog<{ reason: string }>
      title={t(`councils.action.${action}`)}
      okText={t("common.confirm")}
      danger={action === "cancel"}
      command={command}
      schema={councilReasonBody}
      done="councils.done.action"
      onClose={onClose}
      submit={(v) => councilsApi.actWithReason(c.id, action, { version: c.version, reason: v.reason })}
    >
      {({ rules }) => (
        <Form.Item name="reason" label={t("councils.reason")} rules={rules("reason", true, t("councils.reason"))}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
