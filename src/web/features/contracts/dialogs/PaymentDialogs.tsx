// The ledger's commands: record a payment on a tranche or a return by Bên B (awaits a second person), reverse (part
// of) an approved entry by a negative one.
import dayjs from "dayjs";
import { Alert, DatePicker, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { paymentInput, paymentReversal, type Contract, type Payment } from "../../../../common/api/contract";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { formatMoney } from "../contract-ui";
import { contractsApi, useContractCommand } from "../contracts-api";
import { iso, moneyInput } from "./form-parts";

interface PaymentValues {
  trancheId?: string;
  source: "city" | "other";
  amount: number;
  paidOn: dayjs.Dayjs;
  reference?: string;
  note?: string;
}

export function PaymentDialog({ c, kind, onClose }: { c: Contract; kind: "payment" | "return"; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  const open = c.tranches.filter((x) => x.status === "planned");
  return (
    <CommandDialog<PaymentValues>
      title={t(kind === "payment" ? "contracts.actions.recordPayment" : "contracts.actions.recordReturn")}
      command={command}
      schema={paymentInput}
      done="contracts.done.recorded"
      onClose={onClose}
      intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("contracts.awaitsSecondPerson")} />}
      initialValues={{ source: "city", paidOn: dayjs() }}
      submit={(v) =>
        contractsApi.recordPayment(c.id, {
          kind,
          trancheId: kind === "payment" ? v.trancheId : undefined,
          source: kind === "payment" ? v.source : "city",
          amount: v.amount,
          paidOn: iso(v.paidOn)!,
          reference: v.reference || null,
          note: v.note || null,
        })
      }
    >
      {({ rules }) => (
        <>
          {kind === "payment" && (
            <>
              <Form.Item name="trancheId" label={t("contracts.payment.tranche")} rules={rules("trancheId", true, t("contracts.payment.tranche"))}>
                <Select
                  options={open.map((x) => ({
                    value: x.id,
                    label: `${x.label} — ${t("contracts.remaining")}: ${formatMoney(x.amountCity - x.paidCity - x.pendingCity)} / ${formatMoney(x.amountOther - x.paidOther - x.pendingOther)}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="source" label={t("contracts.payment.source")}>
                <Select options={["city", "other"].map((s) => ({ value: s, label: t(`contracts.source.${s}`) }))} />
              </Form.Item>
            </>
          )}
          <Form.Item name="amount" label={t("contracts.payment.amount")} rules={rules("amount", true, t("contracts.payment.amount"))}>
            <InputNumber {...moneyInput} min={1} />
          </Form.Item>
          <Form.Item name="paidOn" label={t("contracts.payment.paidOn")} rules={rules("paidOn", true, t("contracts.payment.paidOn"))}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="reference" label={t("contracts.payment.reference")} rules={rules("reference", false, t("contracts.payment.reference"))}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t("contracts.payment.note")} rules={rules("note", false, t("contracts.payment.note"))}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

export function ReverseDialog({ c, p, onClose }: { c: Contract; p: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <CommandDialog<{ amount: number; paidOn: dayjs.Dayjs; reason: string; reference?: string }>
      title={t("contracts.actions.reverse")}
      okText={t("contracts.actions.reverse")}
      danger
      command={command}
      schema={paymentReversal}
      done="contracts.done.recorded"
      onClose={onClose}
      intro={<Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("contracts.reverseHint", { amount: formatMoney(p.amount) })} />}
      initialValues={{ amount: p.amount, paidOn: dayjs() }}
      submit={(v) => contractsApi.reversePayment(c.id, p.id, { amount: v.amount, paidOn: iso(v.paidOn)!, reason: v.reason, reference: v.reference || null })}
    >
      {({ rules }) => (
        <>
          <Form.Item name="amount" label={t("contracts.payment.amount")} rules={rules("amount", true, t("contracts.payment.amount"))}>
            <InputNumber {...moneyInput} min={1} max={p.amount} />
          </Form.Item>
          <Form.Item name="paidOn" label={t("contracts.payment.paidOn")} rules={rules("paidOn", true, t("contracts.payment.paidOn"))}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="reason" label={t("contracts.reason")} rules={rules("reason", true, t("contracts.reason"))}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
          <Form.Item name="reference" label={t("contracts.payment.reference")} rules={rules("reference", false, t("contracts.payment.reference"))}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
