// The council's header actions, as its abilities allow: the documents, invite, open the session and conclude (a
// confirmation each), re-open and cancel (with a reason).
import { useState, type ReactNode } from "react";
import { Button, Popconfirm } from "antd";
import { EditOutlined, LockOutlined, SendOutlined, StopOutlined, UnlockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Council } from "../../../../common/api/council";
import { CouncilDocumentButtons } from "../../documents/DocumentButton";
import { councilsApi, useCouncilCommand, type ReasonAction, type SimpleAction } from "../councils-api";
import { ReasonDialog } from "../dialogs/ReasonDialog";

export function CouncilActions({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ReasonAction | null>(null);
  const command = useCouncilCommand(c.id);
  const simple = (action: SimpleAction, icon: ReactNode) =>
    c.abilities[action] && (
      <Popconfirm
        key={action}
        title={t(`councils.confirm.${action}`)}
        onConfirm={() => command.run(() => councilsApi.act(c.id, action, { version: c.version }), "councils.done.action")}
      >
        <Button type={action === "conclude" ? "primary" : "default"} icon={icon} loading={command.isPending}>
          {t(`councils.action.${action}`)}
        </Button>
      </Popconfirm>
    );
  return (
    <>
      <CouncilDocumentButtons council={c} />
      {simple("invite", <SendOutlined aria-hidden />)}
      {simple("open", <EditOutlined aria-hidden />)}
      {simple("conclude", <LockOutlined aria-hidden />)}
      {c.abilities.reopen && (
        <Button icon={<UnlockOutlined aria-hidden />} onClick={() => setDialog("reopen")}>
          {t("councils.action.reopen")}
        </Button>
      )}
      {c.abilities.cancel && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("cancel")}>
          {t("councils.action.cancel")}
        </Button>
      )}
      {dialog && <ReasonDialog council={c} action={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}
