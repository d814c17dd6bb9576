// The contract's own commands: edit a draft, sign it (someone other than the preparer), terminate it.
import dayjs from "dayjs";
import { Alert, DatePicker, Input, InputNumber, Space, Typography, Form } from "antd";
import { useTranslation } from "react-i18next";
import { contractSign, contractTerminate, contractUpdate, type Contract, type ContractProductInput } from "../../../../common/api/contract";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand } from "../contracts-api";
import { ProductsList, iso, moneyInput } from "./form-parts";

interface Props {
  c: Contract;
  onClose: () => void;
}

interface EditValues {
  partyARepresentative?: string | null;
  partyBRepresentative?: string | null;
  valueCity: number;
  valueOther: number;
  startDate: dayjs.Dayjs;
  endDate: dayjs.Dayjs;
  terms?: string | null;
  products: ContractProductInput[];
}

export function EditContractDialog({ c, onClose }: Props) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <CommandDialog<EditValues>
      width={1000}
      title={t("contracts.editTitle", { number: c.number })}
      command={command}
      schema={contractUpdate}
      done="contracts.done.saved"
      onClose={onClose}
      initialValues={{
        partyARepresentative: c.partyARepresentative,
        partyBRepresentative: c.partyBRepresentative,
        valueCity: c.valueCity,
        valueOther: c.valueOther,
        startDate: dayjs(c.startDate),
        endDate: dayjs(c.endDate),
        terms: c.terms,
        products: c.products.map(({ position: _p, ...p }) => p),
      }}
      submit={(v) =>
        contractsApi.update(c.id, {
          version: c.version,
          partyARepresentative: v.partyARepresentative || null,
          partyBRepresentative: v.partyBRepresentative || null,
          valueCity: v.valueCity,
          valueOther: v.valueOther,
          startDate: iso(v.startDate)!,
          endDate: iso(v.endDate)!,
          terms: v.terms || null,
          products: v.products,
        })
      }
    >
      {({ rules }) => (
        <>
          <Space wrap>
            <Form.Item
              name="partyARepresentative"
              label={t("contracts.fields.partyARepresentative")}
              rules={rules("partyARepresentative", false, t("contracts.fields.partyARepresentative"))}
            >
              <Input style={{ width: 300 }} maxLength={300} />
            </Form.Item>
            <Form.Item
              name="partyBRepresentative"
              label={t("contracts.fields.partyBRepresentative")}
              rules={rules("partyBRepresentative", false, t("contracts.fields.partyBRepresentative"))}
            >
              <Input style={{ width: 300 }} maxLength={300} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item
              name="valueCity"
              label={t("contracts.fields.valueCity")}
              extra={t("contracts.approvedCap", { amount: formatMoney(c.approvedBudgetCity) })}
              rules={rules("valueCity", true)}
            >
              <InputNumber {...moneyInput} max={c.approvedBudgetCity ?? undefined} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="valueOther" label={t("contracts.fields.valueOther")} rules={rules("valueOther", true, t("contracts.fields.valueOther"))}>
              <InputNumber {...moneyInput} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="startDate" label={t("contracts.fields.startDate")} rules={rules("startDate", true, t("contracts.fields.startDate"))}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="endDate" label={t("contracts.fields.endDate")} rules={rules("endDate", true, t("contracts.fields.endDate"))}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t("contracts.sections.products")}</Typography.Title>
          <ProductsList />
          <Form.Item name="terms" label={t("contracts.fields.terms")} rules={rules("terms", false, t("contracts.fields.terms"))}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

export function SignDialog({ c, onClose }: Props) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <CommandDialog<{ partyASignedOn: dayjs.Dayjs; partyBSignedOn: dayjs.Dayjs }>
      title={t("contracts.actions.sign")}
      okText={t("contracts.actions.sign")}
      command={command}
      schema={contractSign}
      done="contracts.done.sign"
      onClose={onClose}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("contracts.signHint", { by: c.preparedByName ?? "" })} />}
      initialValues={{ partyASignedOn: dayjs(), partyBSignedOn: dayjs() }}
      submit={(v) => contractsApi.sign(c.id, { version: c.version, partyASignedOn: iso(v.partyASignedOn)!, partyBSignedOn: iso(v.partyBSignedOn)! })}
    >
      {({ rules }) => (
        <>
          <Form.Item
            name="partyASignedOn"
            label={t("contracts.fields.partyASignedOn")}
            rules={rules("partyASignedOn", true, t("contracts.fields.partyASignedOn"))}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
          <Form.Item
            name="partyBSignedOn"
            label={t("contracts.fields.partyBSignedOn")}
            rules={rules("partyBSignedOn", true, t("contracts.fields.partyBSignedOn"))}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

export function TerminateDialog({ c, onClose }: Props) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <CommandDialog<{ reason: string; amountToReturn: number }>
      title={t("contracts.actions.terminate")}
      okText={t("contracts.actions.terminate")}
      danger
      command={command}
      schema={contractTerminate}
      done="contracts.done.terminate"
      onClose={onClose}
      initialValues={{ amountToReturn: 0 }}
      submit={(v) => contractsApi.terminate(c.id, { version: c.version, reason: v.reason, amountToReturn: v.amountToReturn ?? 0 })}
    >
      {({ rules }) => (
        <>
          <Form.Item name="reason" label={t("contracts.reason")} rules={rules("reason", true, t("contracts.reason"))}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="amountToReturn"
            label={t("contracts.fields.amountToReturn")}
            extra={t("contracts.settleHint", { disbursed: formatMoney(c.settlement.disbursed) })}
            rules={rules("amountToReturn")}
          >
            <InputNumber {...moneyInput} max={c.settlement.disbursed} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
