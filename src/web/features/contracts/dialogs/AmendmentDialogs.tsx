// Amendments (điều chỉnh): request a change of schedule, budget, PI or content with a reason; reject one with a note.
import dayjs from "dayjs";
import { DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import {
  AMENDMENT_KINDS,
  amendmentDecision,
  amendmentInput,
  type Amendment,
  type AmendmentInput,
  type AmendmentKind,
  type Contract,
  type ContractProductInput,
} from "../../../../common/api/contract";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { PersonSelect } from "../../../components/entity-select";
import { contractsApi, useContractCommand } from "../contracts-api";
import { ProductsList, iso, moneyInput } from "./form-parts";
import { ReasonDialog } from "./ReasonDialog";

interface AmendmentValues {
  kind: AmendmentKind;
  reason: string;
  endDate?: dayjs.Dayjs;
  valueCity?: number;
  valueOther?: number;
  piPersonId?: string;
  products?: ContractProductInput[];
  terms?: string;
}

export function AmendmentDialog({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  const [form] = Form.useForm<AmendmentValues>();
  const kind: AmendmentKind = Form.useWatch("kind", form) ?? "schedule";
  return (
    <CommandDialog<AmendmentValues>
      width={800}
      title={t("contracts.actions.requestAmendment")}
      okText={t("contracts.actions.submit")}
      form={form}
      command={command}
      schema={amendmentInput}
      done="contracts.done.requested"
      onClose={onClose}
      initialValues={{
        kind: "schedule",
        endDate: dayjs(c.endDate),
        valueCity: c.valueCity,
        valueOther: c.valueOther,
        terms: c.terms ?? "",
        products: c.products.map(({ position: _p, ...p }) => p),
      }}
      submit={(v) => {
        const body: AmendmentInput = { kind: v.kind, reason: v.reason };
        if (v.kind === "schedule") body.endDate = iso(v.endDate);
        if (v.kind === "budget") Object.assign(body, { valueCity: v.valueCity, valueOther: v.valueOther });
        if (v.kind === "pi") body.piPersonId = v.piPersonId;
        if (v.kind === "content") Object.assign(body, { products: v.products, terms: v.terms || null });
        return contractsApi.requestAmendment(c.id, body);
      }}
    >
      {({ rules }) => (
        <>
          <Form.Item name="kind" label={t("contracts.amendment.kind")}>
            <Select options={AMENDMENT_KINDS.map((k) => ({ value: k, label: t(`contracts.amendmentKind.${k}`) }))} />
          </Form.Item>
          {kind === "schedule" && (
            <Form.Item name="endDate" label={t("contracts.fields.endDate")} rules={rules("endDate", true, t("contracts.fields.endDate"))}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          )}
          {kind === "budget" && (
            <Space wrap>
              <Form.Item name="valueCity" label={t("contracts.fields.valueCity")} rules={rules("valueCity", true, t("contracts.fields.valueCity"))}>
                <InputNumber {...moneyInput} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="valueOther" label={t("contracts.fields.valueOther")} rules={rules("valueOther", true, t("contracts.fields.valueOther"))}>
                <InputNumber {...moneyInput} style={{ width: 220 }} />
              </Form.Item>
            </Space>
          )}
          {kind === "pi" && (
            <Form.Item name="piPersonId" label={t("contracts.fields.newPi")} rules={rules("piPersonId", true, t("contracts.fields.newPi"))}>
              <PersonSelect />
            </Form.Item>
          )}
          {kind === "content" && (
            <>
              <ProductsList />
              <Form.Item name="terms" label={t("contracts.fields.terms")} rules={rules("terms", false, t("contracts.fields.terms"))}>
                <Input.TextArea rows={3} maxLength={20000} />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label={t("contracts.reason")} rules={rules("reason", true, t("contracts.reason"))}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

export function RejectAmendmentDialog({ c, a, onClose }: { c: Contract; a: Amendment; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useContractCommand(c.id);
  return (
    <ReasonDialog
      title={t("contracts.actions.reject")}
      okText={t("contracts.actions.reject")}
      check={amendmentDecision.shape.note}
      optional
      command={command}
      done="contracts.done.reject"
      onClose={onClose}
      submit={(note) => contractsApi.decideAmendment(c.id, a.id, "reject", { version: a.version, note: note || null })}
    />
  );
}
