// Pieces the contract dialogs share: vi-VN money inputs, form days as YYYY-MM-DD, the products as a form list.
import dayjs from "dayjs";
import { Button, Form, Input, InputNumber, Select, Space } from "antd";
import { CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { contractProductInput } from "../../../../common/api/contract";
import { OUTPUT_TYPES } from "../../../../common/api/task";
import { formatNumber } from "../../../app/format";
import { rules } from "../../../components/form-rules";

export const iso = (d: dayjs.Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);

/** Integer đồng shown with vi-VN grouping ("1.700.000.000"); the parser reads the digits back (the dots group). */
export const moneyInput = {
  min: 0,
  step: 1_000_000,
  precision: 0,
  style: { width: "100%" },
  formatter: (v: unknown) => formatNumber(Number(v ?? 0), 0),
  parser: (s: string | undefined) => Number((s ?? "").replace(/[^\d]/g, "")) || 0,
} as const;

const product = contractProductInput.shape;

/** The products of a contract as a form list (draft editing and content amendments). */
export function ProductsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="products">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, "name"]} label={t("contracts.product.name")} rules={rules(product, "name", true, t("contracts.product.name"))}>
                <Input style={{ width: 200 }} maxLength={500} />
              </Form.Item>
              <Form.Item
                name={[f.name, "outputType"]}
                label={t("contracts.product.outputType")}
                rules={rules(product, "outputType", true, t("contracts.product.outputType"))}
              >
                <Select style={{ width: 170 }} options={OUTPUT_TYPES.map((o) => ({ value: o, label: t(`contracts.outputType.${o}`) }))} />
              </Form.Item>
              <Form.Item
                name={[f.name, "quantity"]}
                label={t("contracts.product.quantity")}
                rules={rules(product, "quantity", true, t("contracts.product.quantity"))}
              >
                <InputNumber min={0.01} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name={[f.name, "unit"]} label={t("contracts.product.unit")} rules={rules(product, "unit", true, t("contracts.product.unit"))}>
                <Input style={{ width: 100 }} maxLength={50} />
              </Form.Item>
              <Form.Item
                name={[f.name, "qualityTarget"]}
                label={t("contracts.product.qualityTarget")}
                rules={rules(product, "qualityTarget", true, t("contracts.product.qualityTarget"))}
              >
                <Input style={{ width: 220 }} maxLength={4000} />
              </Form.Item>
              <Button aria-label={t("common.remove")} style={{ marginTop: 30 }} icon={<CloseOutlined aria-hidden />} onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Form.Item>
            <Button onClick={() => add({ outputType: "product", quantity: 1 })}>{t("contracts.addProduct")}</Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
