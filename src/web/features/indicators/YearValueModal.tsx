// The dialog that enters or corrects one year's value with its provenance: an indicator's entered value, or an input
// series' value (which also carries the "estimate" mark). Saves with the record's version (a 409 reloads and says so).
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, api, errorMessage } from "../../app/api";
import { rules } from "../../components/form-rules";

type Shape = Parameters<typeof rules>[0];

export interface YearValue {
  year: number;
  value: number;
  source: string;
  note: string | null;
  version?: number | null;
  estimate?: boolean;
}

interface ValueForm {
  year?: number;
  value?: number;
  source?: string;
  note?: string | null;
  estimate?: boolean;
}

export function YearValueModal({
  year,
  values,
  url,
  unit,
  shape,
  hint,
  withEstimate = false,
  onClose,
}: {
  /** the year being corrected; none = a new year */
  year?: number;
  /** the values already stored (their versions are sent back) */
  values: readonly YearValue[];
  url: (year: number) => string;
  unit: string;
  /** the input contract's shape: the value, source and note rules */
  shape: Shape;
  hint?: string;
  withEstimate?: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ValueForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = values.find((v) => v.year === year);
  const save = async () => {
    let v: ValueForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const prior = values.find((x) => x.year === v.year);
      await api.put(url(v.year!), {
        value: v.value,
        source: v.source?.trim(),
        note: v.note?.trim() ? v.note.trim() : null,
        ...(withEstimate ? { estimate: !!v.estimate } : {}),
        ...(prior?.version ? { version: prior.version } : {}),
      });
      message.success(t("indicators.values.saved"));
      await qc.invalidateQueries({ queryKey: ["indicators"] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === "VERSION_CONFLICT") {
        setError(t("indicators.values.conflict"));
        await qc.invalidateQueries({ queryKey: ["indicators"] });
      } else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={current ? t("indicators.values.editTitle", { year }) : t("indicators.values.addTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form<ValueForm>
        form={form}
        layout="vertical"
        initialValues={
          current
            ? { year: current.year, value: current.value, source: current.source, note: current.note, estimate: !!current.estimate }
            : { year: new Date().getFullYear() - 1, estimate: false }
        }
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="year" label={t("indicators.fields.year")} rules={[{ required: true, message: t("validation.required") }]}>
              <InputNumber min={1900} max={2200} controls={false} disabled={!!current} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="value" label={t("indicators.values.valueIn", { unit })} rules={rules(shape, "value", true)}>
              <InputNumber<number> decimalSeparator={en ? "." : ","} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="source" label={t("indicators.values.source")} rules={rules(shape, "source", true)} extra={t("indicators.values.sourceHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="note" label={t("indicators.values.note")} rules={rules(shape, "note")}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        {withEstimate && (
          <Form.Item name="estimate" valuePropName="checked" extra={t("indicators.series.estimateHint")}>
            <Checkbox>{t("indicators.series.estimate")}</Checkbox>
          </Form.Item>
        )}
      </Form>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
