// THE record pattern, write side: one form for create and edit, validated with the shared contract, saving with
// the version it read (optimistic concurrency). When someone else saved first the server answers 409 with the
// record as it is now: the form keeps the user's input and shows the server's values beside it, field by field;
// the user takes what they want from either side and saves again on top of the new version.
import { useEffect, useState, type ReactNode } from "react";
import { Alert, App, Button, Card, Flex, Form, Table, Typography, type FormInstance } from "antd";
import { SaveOutlined, SwapOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../app/api";
import { applyServerIssues } from "./form-rules";

export interface CompareField {
  name: string;
  label: string;
  /** how a value of this field is shown in the comparison (codes as labels, lists joined…) */
  display?: (value: unknown) => ReactNode;
}

export interface RecordFormProps<R extends { id: string; version: number }, V extends object> {
  form: FormInstance<V>;
  /** the record being edited; absent when creating */
  record?: R;
  initialValues?: Partial<V>;
  toValues: (r: R) => V;
  toBody: (values: V) => object;
  create?: (body: object) => Promise<R>;
  update?: (id: string, body: object) => Promise<R>;
  /** fields compared side by side after a version conflict */
  compare: CompareField[];
  onSaved: (r: R) => void;
  onCancel: () => void;
  /** query key root to refresh after a save */
  resource: string;
  submitLabel?: string;
  children: ReactNode;
}

const norm = (v: unknown): string => {
  if (v === undefined || v === null || v === "") return "";
  if (Array.isArray(v)) return JSON.stringify(v.map((x) => (typeof x === "object" ? JSON.parse(norm(x) || "null") : x)));
  if (typeof v === "object" && v && "format" in v && typeof (v as { format: unknown }).format === "function") {
    return (v as { format: (f: string) => string }).format("YYYY-MM-DD");
  }
  if (typeof v === "object") {
    const o: Record<string, string> = {};
    for (const k of Object.keys(v as object).sort()) o[k] = norm((v as Record<string, unknown>)[k]);
    return JSON.stringify(o);
  }
  return String(v);
};

export function RecordForm<R extends { id: string; version: number }, V extends object>(props: RecordFormProps<R, V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { form, record } = props;
  const [version, setVersion] = useState(record?.version);
  const [conflict, setConflict] = useState<R | null>(null);
  const [saving, setSaving] = useState(false);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);

  // A form instance may outlive a record (create → edit of the new record): start from this record's values.
  useEffect(() => {
    form.resetFields();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async (baseVersion: number | undefined) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t("record.fixErrors"));
      return;
    }
    setSaving(true);
    setGeneralErrors([]);
    try {
      const body = props.toBody(values);
      const saved = record ? await props.update!(record.id, { ...body, version: baseVersion }) : await props.create!(body);
      setConflict(null);
      setVersion(saved.version);
      await qc.invalidateQueries({ queryKey: [props.resource] });
      message.success(t("record.saved"));
      props.onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === "VERSION_CONFLICT" && e.current) {
        setConflict(e.current as R);
      } else if (e instanceof ApiError && e.fieldIssues.length) {
        setGeneralErrors(applyServerIssues(form, e.fieldIssues));
        message.error(e.message);
      } else {
        setGeneralErrors([errorMessage(e)]);
      }
    } finally {
      setSaving(false);
    }
  };

  const takeServerValues = () => {
    if (!conflict) return;
    form.setFieldsValue(props.toValues(conflict) as Parameters<typeof form.setFieldsValue>[0]);
    setVersion(conflict.version);
    setConflict(null);
    message.info(t("record.conflictTookServer"));
  };

  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={(record ? props.toValues(record) : props.initialValues) as V}
      onFinish={() => save(version)}
      scrollToFirstError
      className="record-form"
    >
      {conflict && (
        <ConflictPanel
          form={form}
          current={conflict}
          toValues={props.toValues}
          fields={props.compare}
          saving={saving}
          onSaveMine={() => {
            setVersion(conflict.version);
            void save(conflict.version);
          }}
          onTakeServer={takeServerValues}
        />
      )}
      {generalErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t("record.saveFailed")}
          description={
            <ul className="plain-list">
              {generalErrors.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {props.children}
      <Card className="form-footer">
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={props.onCancel}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={saving} disabled={!!conflict}>
            {props.submitLabel ?? t("common.save")}
          </Button>
        </Flex>
      </Card>
    </Form>
  );
}

function ConflictPanel<R extends { version: number }, V extends object>(props: {
  form: FormInstance<V>;
  current: R;
  toValues: (r: R) => V;
  fields: CompareField[];
  saving: boolean;
  onSaveMine: () => void;
  onTakeServer: () => void;
}) {
  const { t } = useTranslation();
  const server = props.toValues(props.current) as Record<string, unknown>;
  const mine = Form.useWatch([], { form: props.form, preserve: true }) as Record<string, unknown> | undefined;
  const mineValues = mine ?? (props.form.getFieldsValue(true) as Record<string, unknown>);
  const rows = props.fields.map((f) => ({ ...f, mine: mineValues[f.name], server: server[f.name] })).filter((r) => norm(r.mine) !== norm(r.server));
  const show = (f: CompareField, v: unknown) => {
    if (norm(v) === "") return <span className="muted">—</span>;
    return f.display ? f.display(v) : Array.isArray(v) ? v.join(", ") : String(v);
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="conflict-panel"
      style={{ marginBottom: 16 }}
      title={t("record.conflictTitle")}
      description={
        <>
          <Typography.Paragraph>{t("record.conflictText")}</Typography.Paragraph>
          {rows.length === 0 ? (
            <Typography.Paragraph>{t("record.conflictSame")}</Typography.Paragraph>
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={rows}
              scroll={{ x: "max-content" }}
              columns={[
                { title: t("record.conflictField"), dataIndex: "label" },
                { title: t("record.conflictMine"), key: "mine", render: (_, r) => <span className="conflict-mine">{show(r, r.mine)}</span> },
                { title: t("record.conflictServer"), key: "server", render: (_, r) => <span className="conflict-server">{show(r, r.server)}</span> },
                {
                  title: <span className="sr-only">{t("list.actions")}</span>,
                  key: "use",
                  render: (_, r) => (
                    <Button size="small" icon={<SwapOutlined aria-hidden />} onClick={() => props.form.setFieldValue(r.name as never, r.server as never)}>
                      {t("record.conflictUseServer")}
                    </Button>
                  ),
                },
              ]}
            />
          )}
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={props.saving} onClick={props.onSaveMine}>
              {t("record.conflictSaveMine")}
            </Button>
            <Button onClick={props.onTakeServer}>{t("record.conflictTakeServer")}</Button>
          </Flex>
        </>
      }
    />
  );
}
