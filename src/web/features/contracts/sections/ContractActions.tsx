// The contract's header actions, as its abilities allow: edit (draft), sign (not by the preparer: the two-person
// rule is said instead of offering a button that fails), liquidate (once settled), terminate.
import { useState } from "react";
import { Button, Popconfirm, Typography } from "antd";
import { EditOutlined, FileDoneOutlined, StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../../common/api/contract";
import { useSession } from "../../../app/session";
import { DocumentButton } from "../../documents/DocumentButton";
import { contractEndpoints, contractsApi, useContractCommand } from "../contracts-api";
import { EditContractDialog, SignDialog, TerminateDialog } from "../dialogs/ContractDialogs";

export function ContractActions({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [dialog, setDialog] = useState<"edit" | "sign" | "terminate" | null>(null);
  const command = useContractCommand(c.id);
  const preparedByMe = me?.id === c.preparedBy;
  return (
    <>
      <DocumentButton url={contractEndpoints.document(c.id)} document="contract" fallbackName={`hop-dong-${c.number.replace(/\//g, "-")}.docx`} />
      {c.abilities.update && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
          {t("common.edit")}
        </Button>
      )}
      {c.abilities.sign &&
        (preparedByMe ? (
          <Typography.Text type="secondary">{t("contracts.twoPersonSignHint")}</Typography.Text>
        ) : (
          <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setDialog("sign")}>
            {t("contracts.actions.sign")}
          </Button>
        ))}
      {c.abilities.liquidate && c.status !== "liquidated" && (
        <Popconfirm
          title={t("contracts.confirmLiquidate")}
          okText={t("contracts.actions.liquidate")}
          cancelText={t("common.cancel")}
          onConfirm={() => command.run(() => contractsApi.liquidate(c.id, { version: c.version }), "contracts.done.liquidate")}
        >
          <Button disabled={!c.settlement.settled} title={c.settlement.settled ? undefined : t("contracts.notSettled")}>
            {t("contracts.actions.liquidate")}
          </Button>
        </Popconfirm>
      )}
      {c.abilities.terminate && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("terminate")}>
          {t("contracts.actions.terminate")}
        </Button>
      )}
      {dialog === "edit" && <EditContractDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === "sign" && <SignDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === "terminate" && <TerminateDialog c={c} onClose={() => setDialog(null)} />}
    </>
  );
}
