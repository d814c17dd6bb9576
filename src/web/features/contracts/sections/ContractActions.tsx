// The contract's header actions, as its abilities allow: edit (draft), sign, liquidate (once settled), terminate. When
// the server tells in advance that the two-person rule refuses the user (`refusals`), its reason is shown instead of a
// button that would fail.
import { useState } from "react";
import { Button, Popconfirm, Typography } from "antd";
import { EditOutlined, FileDoneOutlined, StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../../common/api/contract";
import { DocumentButton } from "../../documents/DocumentButton";
import { contractEndpoints, contractsApi, useContractCommand } from "../contracts-api";
import { EditContractDialog, SignDialog, TerminateDialog } from "../dialogs/ContractDialogs";

export function ContractActions({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<"edit" | "sign" | "terminate" | null>(null);
  const command = useContractCommand(c.id);
  return (
    <>
      <DocumentButton
        url={contractEndpoints.document(c.id)}
        document="contract"
        fallbackName={`hop-dong-${c.number.replace(/\//g, "-")}.docx`}
        entityId={c.id}
      />
      {c.abilities.update && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
          {t("common.edit")}
        </Button>
      )}
      {c.abilities.sign &&
        (c.refusals.sign ? (
          <Typography.Text type="secondary">{c.refusals.sign.message}</Typography.Text>
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
      {c.abilities.terminate &&
        (c.refusals.terminate ? (
          <Typography.Text type="secondary">{c.refusals.terminate.message}</Typography.Text>
        ) : (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("terminate")}>
            {t("contracts.actions.terminate")}
          </Button>
        ))}
      {dialog === "edit" && <EditContractDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === "sign" && <SignDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === "terminate" && <TerminateDialog c={c} onClose={() => setDialog(null)} />}
    </>
  );
}
