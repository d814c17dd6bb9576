// The disbursement plan: replace it as a whole (advances and tranches adding up to the city value), or cancel the
// unpaid rest of one tranche with a reason.
import dayjs from "dayjs";
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import { CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { TRANCHE_KINDS, disbursementPlanInput, trancheCancel, trancheInput, type Contract, type Tranche } from "../../../../common/api/contract";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { rules } from "../../../components/form-rules";
import { formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand } from "../contracts-api";
import { iso, moneyInput } from "./form-parts";
import { ReasonDialog } from "./ReasonDialog";

interface TrancheForm {
  id?: string;
  kind: (typeof TRANCHE_KINDS)[number];
  label: string;
  plannedDate: dayjs.Dayjs;
  amountCity: number;
  amountOther: number;
  condition?: string;
}

const tranche = trancheInput.shape;

export function PlanDialog({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  const [form] = Form.useForm<{ tranches: TrancheForm[] }>();
  const tranches = Form.useWatch("tranches", form) ?? [];
  const sum = tranches.reduce((s, x) => s + Number(x?.amountCity ?? 0), 0);
  const cancelledPaid = c.tranches.filter((x) => x.status === "cancelled").reduce((s, x) => s + x.paidCity, 0);
  return (
    <CommandDialog<{ tranches: TrancheForm[] }>
      width={1000}
      title={t("contracts.actions.plan")}
      form={form}
      command={command}
      schema={disbursementPlanInput}
      done="contracts.done.saved"
      onClose={onClose}
      intro={
        <Alert
          type={sum + cancelledPaid === c.valueCity ? "success" : "warning"}
          showIcon
          style={{ marginBottom: 12 }}
          title={t("contracts.planSum", { sum: formatMoney(sum + cancelledPaid), value: formatMoney(c.valueCity) })}
        />
      }
      initialValues={{
        tranches: c.tranches
          .filter((x) => x.status === "planned")
          .map((x) => ({
            id: x.id,
            kind: x.kind,
            label: x.label,
            plannedDate: dayjs(x.plannedDate),
            amountCity: x.amountCity,
            amountOther: x.amountOther,
            condition: x.condition ?? undefined,
          })),
      }}
      submit={(v) =>
        contractsApi.savePlan(c.id, {
          version: c.version,
          tranches: v.tranches.map((x) => ({
            id: x.id,
            kind: x.kind,
            label: x.label,
            plannedDate: iso(x.plannedDate)!,
            amountCity: x.amountCity ?? 0,
            amountOther: x.amountOther ?? 0,
            condition: x.condition || null,
          })),
        })
      }
    >
      <Form.List name="tranches">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, "kind"]} label={t("contracts.tranche.kind")} rules={rules(tranche, "kind", true, t("contracts.tranche.kind"))}>
                  <Select style={{ width: 130 }} options={TRANCHE_KINDS.map((k) => ({ value: k, label: t(`contracts.trancheKind.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, "label"]} label={t("contracts.tranche.label")} rules={rules(tranche, "label", true, t("contracts.tranche.label"))}>
                  <Input style={{ width: 180 }} maxLength={300} />
                </Form.Item>
                <Form.Item
                  name={[f.name, "plannedDate"]}
                  label={t("contracts.tranche.plannedDate")}
                  rules={rules(tranche, "plannedDate", true, t("contracts.tranche.plannedDate"))}
                >
                  <DatePicker format={DATE_FORMAT} />
                </Form.Item>
                <Form.Item
                  name={[f.name, "amountCity"]}
                  label={t("contracts.tranche.amountCity")}
                  rules={rules(tranche, "amountCity", true, t("contracts.tranche.amountCity"))}
                >
                  <InputNumber {...moneyInput} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[f.name, "amountOther"]} label={t("contracts.tranche.amountOther")} initialValue={0}>
                  <InputNumber {...moneyInput} style={{ width: 150 }} />
                </Form.Item>
                <Button aria-label={t("common.remove")} style={{ marginTop: 30 }} icon={<CloseOutlined aria-hidden />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button onClick={() => add({ kind: fields.length ? "tranche" : "advance", amountCity: 0, amountOther: 0 })}>{t("contracts.addTranche")}</Button>
          </>
        )}
      </Form.List>
    </CommandDialog>
  );
}

export function CancelTrancheDialog({ c, x, onClose }: { c: Contract; x: Tranche; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <ReasonDialog
      title={t("contracts.actions.cancelTranche")}
      check={trancheCancel.shape.reason}
      okText={t("contracts.actions.cancelTranche")}
      command={command}
      done="contracts.done.saved"
      onClose={onClose}
      submit={(reason) => contractsApi.cancelTranche(c.id, x.id, { version: c.version, reason })}
    />
  );
}
