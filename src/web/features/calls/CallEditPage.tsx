// Create or edit a call (drafts only): title, kind, programme, scope, description, required documents, window.
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from "antd";
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import { CALL_KINDS, callInput, defaultRequiredDocuments, requiredDocument, type Call, type CallKind, type RequiredDocument } from "../../../common/api/call";
import { api } from "../../app/api";
import { formatDateTime } from "../../app/format";
import { cleanValues, rules } from "../../components/form-rules";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { CodeSelect, CodeTags } from "../../components/reference";
import { PageHeader, RecordLoading } from "../../components/states";
import { callQuery } from "./CallDetailPage";
import { useProgrammeOptions } from "./call-ui";
import { processTemplatesQuery } from "../process-templates/ProcessTemplatesPage";

export interface CallValues {
  code?: string;
  titleVi?: string;
  titleEn?: string | null;
  kind?: CallKind;
  templateKey?: string;
  programmeId?: string | null;
  fields?: string[];
  sectors?: string[];
  description?: string | null;
  requiredDocuments?: RequiredDocument[];
  window?: [Dayjs | null, Dayjs | null];
}

const shape = callInput.shape;
const docShape = requiredDocument.shape;
const DATETIME_FORMAT = "DD/MM/YYYY HH:mm";

function toValues(c: Call): CallValues {
  return {
    code: c.code,
    titleVi: c.titleVi,
    titleEn: c.titleEn,
    kind: c.kind,
    templateKey: c.templateKey,
    programmeId: c.programmeId,
    fields: c.fields,
    sectors: c.sectors,
    description: c.description,
    requiredDocuments: c.requiredDocuments,
    window: [dayjs(c.opensAt), dayjs(c.closesAt)],
  };
}

function toBody(v: CallValues): object {
  const { window, requiredDocuments, ...rest } = v;
  const body = cleanValues(rest as Record<string, unknown>) as Record<string, unknown>;
  body.fields = v.fields ?? [];
  body.sectors = v.sectors ?? [];
  body.requiredDocuments = (requiredDocuments ?? []).map((d) => ({ ...d, required: !!d.required }));
  // Instants with the browser's offset; the server compares them with its own clock.
  body.opensAt = window?.[0]?.second(0).millisecond(0).format();
  body.closesAt = window?.[1]?.second(0).millisecond(0).format();
  return body;
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`calls.fields.${name}`), display });
  return [
    f("code"),
    f("titleVi"),
    f("titleEn"),
    f("kind", (v) => t(`calls.kind.${v as string}`)),
    f("templateKey"),
    f("programmeId"),
    f("sectors", (v) => <CodeTags list="sector" codes={v as string[]} />),
    f("fields", (v) => <CodeTags list="field" codes={v as string[]} />),
    f("description"),
    f("requiredDocuments", (v) => (v as RequiredDocument[]).map((d) => d.code).join(", ")),
    {
      name: "window",
      label: t("calls.sections.window"),
      display: (v) => (v as Dayjs[]).map((d) => (d ? formatDateTime(d.toDate()) : "")).join(" → "),
    },
  ];
}

export function CallEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CallValues>();
  const q = useQuery({ ...callQuery(id ?? ""), enabled: !!id });
  const back = id ? `/calls/${id}` : "/calls";

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("calls.edit")} back={back} query={q} rows={8} />;
  const record = id ? q.data : undefined;
  if (record && !record.abilities.update) {
    return (
      <>
        <PageHeader title={t("calls.editTitle", { code: record.code })} back={back} />
        <Alert type="info" showIcon title={t("calls.onlyDraftEditable")} />
      </>
    );
  }
  const start = dayjs().add(1, "day").hour(8).minute(0).second(0).millisecond(0);
  return (
    <>
      <PageHeader title={record ? t("calls.editTitle", { code: record.code }) : t("calls.create")} back={back} />
      <RecordForm<Call, CallValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={{
          kind: "selection",
          templateKey: "baseline-2013",
          fields: [],
          sectors: [],
          requiredDocuments: defaultRequiredDocuments("selection"),
          window: [start, start.add(30, "day").hour(17)],
        }}
        toValues={toValues}
        toBody={toBody}
        create={(body) => api.post<Call>("/calls", body)}
        update={(cid, body) => api.put<Call>(`/calls/${cid}`, body)}
        compare={compareFields(t)}
        resource="calls"
        onSaved={(c) => navigate(`/calls/${c.id}`)}
        onCancel={() => navigate(back)}
      >
        <CallFields />
      </RecordForm>
    </>
  );
}

function CallFields() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<CallValues>();
  const programmeOptions = useProgrammeOptions();
  const templates = useQuery(processTemplatesQuery);
  const label = (n: string) => t(`calls.fields.${n}`);
  const kind = Form.useWatch("kind", form) as CallKind | undefined;
  return (
    <>
      <Card title={t("calls.sections.general")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={label("code")} rules={rules(shape, "code", true, label("code"))} extra={t("programmes.codeHint")}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="titleVi" label={label("titleVi")} rules={rules(shape, "titleVi", true, label("titleVi"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="titleEn" label={label("titleEn")} rules={rules(shape, "titleEn", false, label("titleEn"))}>
              <Input lang="en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={label("kind")} rules={rules(shape, "kind", true, label("kind"))}>
              <Select options={CALL_KINDS.map((k) => ({ value: k, label: t(`calls.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="templateKey"
              label={label("templateKey")}
              extra={t("calls.templateKeyHint")}
              rules={rules(shape, "templateKey", true, label("templateKey"))}
            >
              <Select
                options={(templates.data ?? []).map((p) => ({ value: p.key, label: i18n.language === "en" ? p.nameEn : p.nameVi }))}
                loading={templates.isPending}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="programmeId" label={label("programme")}>
              <Select allowClear showSearch={{ optionFilterProp: "label" }} options={programmeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="window"
              label={t("calls.sections.window")}
              rules={[
                { required: true, message: t("validation.required") },
                {
                  validator: async (_r, v?: [Dayjs | null, Dayjs | null]) => {
                    if (v?.[0] && v?.[1] && !v[1].isAfter(v[0])) throw new Error(t("calls.windowOrder"));
                  },
                },
              ]}
              extra={t("calls.windowHint")}
            >
              <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format={DATETIME_FORMAT} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sectors" label={label("sectors")}>
              <CodeSelect list="sector" mode="multiple" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fields" label={label("fields")}>
              <CodeSelect list="field" mode="multiple" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={label("description")} rules={rules(shape, "description", false, label("description"))}>
              <Input.TextArea rows={5} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card
        title={label("requiredDocuments")}
        className="form-section"
        extra={
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => form.setFieldValue("requiredDocuments", defaultRequiredDocuments(kind ?? "selection"))}>
            {t("calls.doc.useDefaults")}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t("calls.doc.hint")}</Typography.Paragraph>
        <Form.List name="requiredDocuments">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key} align="top">
                  <Col xs={24} md={5}>
                    <Form.Item name={[item.name, "code"]} label={t("calls.doc.code")} rules={rules(docShape, "code", true, t("calls.doc.code"))}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[item.name, "labelVi"]} label={t("calls.doc.labelVi")} rules={rules(docShape, "labelVi", true, t("calls.doc.labelVi"))}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[item.name, "labelEn"]} label={t("calls.doc.labelEn")} rules={rules(docShape, "labelEn", true, t("calls.doc.labelEn"))}>
                      <Input lang="en" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={2}>
                    <Form.Item name={[item.name, "required"]} label={t("calls.doc.required")} valuePropName="checked" initialValue={true}>
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={2}>
                    <Form.Item label={<span className="sr-only">{t("common.remove")}</span>}>
                      <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t("common.remove")} onClick={() => remove(item.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: "", labelVi: "", labelEn: "", required: true })}>
                {t("calls.doc.add")}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
