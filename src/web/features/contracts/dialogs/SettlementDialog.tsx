// Quyết toán: the city-budget expenditure Bên B has justified, at most what was disbursed.
import { Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { settlementInput, type Contract } from "../../../../common/api/contract";
import { CommandDialog } from "../../../components/CommandDialog";
import { formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand } from "../contracts-api";
import { moneyInput } from "./form-parts";

export function SettlementDialog({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  const s = c.settlement;
  return (
    <CommandDialog<{ spentCity: number }>
      title={t("contracts.actions.settle")}
      command={command}
      schema={settlementInput}
      done="contracts.done.saved"
      onClose={onClose}
      initialValues={{ spentCity: s.spent ?? s.disbursed }}
      submit={(v) => contractsApi.settle(c.id, { version: c.version, spentCity: v.spentCity })}
    >
      {({ rules }) => (
        <Form.Item
          name="spentCity"
          label={t("contracts.settlement.spent")}
          extra={t("contracts.settleHint", { disbursed: formatMoney(s.disbursed) })}
          rules={rules("spentCity", true)}
        >
          <InputNumber {...moneyInput} max={s.disbursed} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
