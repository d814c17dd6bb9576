// A command that asks only for a reason (required unless `optional`): cancelling a tranche, rejecting a change. The
// field is checked with the shared body's schema of it (`check`).
import { Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CommandDialog, type RecordCommand } from "../../../components/CommandDialog";

export function ReasonDialog(props: {
  title: ReactNode;
  okText: ReactNode;
  command: RecordCommand;
  done: string;
  check: z.ZodType;
  optional?: boolean;
  onClose: () => void;
  submit: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <CommandDialog<{ reason?: string }>
      title={props.title}
      okText={props.okText}
      command={props.command}
      schema={{ reason: props.check }}
      done={props.done}
      onClose={props.onClose}
      submit={(v) => props.submit(v.reason?.trim() ?? "")}
    >
      {({ rules }) => (
        <Form.Item name="reason" label={t("contracts.reason")} rules={rules("reason", !props.optional, t("contracts.reason"))}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
