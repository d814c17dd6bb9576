// The dialog that enters or corrects one year's value with its provenance: an indicator's entered value, or an input
// series' value (which also carries the "estimate" mark). A command on the shared CommandDialog: the fields are
// checked with the input body's schema, a correction goes out with the stored value's version (read when it is sent,
// so after a 409 the next save carries the reloaded one), and a refusal stays in the dialog.
import { Checkbox, Col, Form, Input, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CommandDialog, type RecordCommand } from "../../components/CommandDialog";
import { NumberField } from "../../components/NumberField";
import { numberRule } from "../../components/form-rules";

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

/** What the value's PUT carries. */
export interface YearValueBody {
  value: number;
  source: string;
  note: string | null;
  estimate?: boolean;
  version?: number;
}

export function YearValueModal({
  year,
  values,
  command,
  save,
  unit,
  schema,
  hint,
  withEstimate = false,
  onClose,
}: {
  /** the year being corrected; none = a new year */
  year?: number;
  /** the values already stored (their versions are sent back) */
  values: readonly YearValue[];
  /** the command hook of the record the value belongs to */
  command: RecordCommand;
  /** the call storing the value of a year */
  save: (year: number, body: YearValueBody) => Promise<unknown>;
  unit: string;
  /** the input body: the value, source and note rules */
  schema: { shape: Record<string, z.ZodType> };
  hint?: string;
  withEstimate?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const current = values.find((v) => v.year === year);
  const submit = (v: ValueForm) => {
    const prior = values.find((x) => x.year === v.year);
    return save(v.year!, {
      value: v.value!,
      source: v.source?.trim() ?? "",
      note: v.note?.trim() ? v.note.trim() : null,
      ...(withEstimate ? { estimate: !!v.estimate } : {}),
      ...(prior?.version ? { version: prior.version } : {}),
    });
  };
  return (
    <CommandDialog<ValueForm>
      title={current ? t("indicators.values.editTitle", { year }) : t("indicators.values.addTitle")}
      command={command}
      schema={schema}
      initialValues={
        current
          ? { year: current.year, value: current.value, source: current.source, note: current.note, estimate: !!current.estimate }
          : { year: new Date().getFullYear() - 1, estimate: false }
      }
      submit={submit}
      done="indicators.values.saved"
      onClose={onClose}
      intro={hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
    >
      {({ rules }) => (
        <>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name="year"
                label={t("indicators.fields.year")}
                rules={[...rules("year", true, t("indicators.fields.year")), numberRule(t("indicators.fields.year"), true)]}
              >
                <NumberField integer grouping={false} disabled={!!current} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="value" label={t("indicators.values.valueIn", { unit })} rules={rules("value", true, t("indicators.values.valueIn", { unit }))}>
                <NumberField style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="source"
            label={t("indicators.values.source")}
            rules={rules("source", true, t("indicators.values.source"))}
            extra={t("indicators.values.sourceHint")}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
          </Form.Item>
          <Form.Item name="note" label={t("indicators.values.note")} rules={rules("note", false, t("indicators.values.note"))}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
          {withEstimate && (
            <Form.Item name="estimate" valuePropName="checked" extra={t("indicators.series.estimateHint")}>
              <Checkbox>{t("indicators.series.estimate")}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
    </CommandDialog>
  );
}
