// Create or edit an S&T programme (the shared record form).
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Form, Input, Radio, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { programmeInput, type Programme } from "../../../common/api/programme";
import { api } from "../../app/api";
import { formatNumber } from "../../app/format";
import { cleanValues, rules } from "../../components/form-rules";
import { NumberField } from "../../components/NumberField";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { CodeSelect, CodeTags } from "../../components/reference";
import { OrganisationName, OrganisationSelect } from "../../components/entity-select";
import { PageHeader, RecordLoading } from "../../components/states";
import { programmeQuery } from "./ProgrammeDetailPage";

export interface ProgrammeValues {
  code?: string;
  nameVi?: string;
  nameEn?: string | null;
  objectives?: string | null;
  startYear?: number;
  endYear?: number;
  managingOrganisationId?: string | null;
  totalBudget?: number;
  sectors?: string[];
  fields?: string[];
  status?: "active" | "closed";
}

const shape = programmeInput.shape;

function toValues(p: Programme): ProgrammeValues {
  return {
    code: p.code,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    objectives: p.objectives,
    startYear: p.startYear,
    endYear: p.endYear,
    managingOrganisationId: p.managingOrganisationId,
    totalBudget: p.totalBudget,
    sectors: p.sectors,
    fields: p.fields,
    status: p.status,
  };
}

function toBody(v: ProgrammeValues): object {
  const body = cleanValues(v as Record<string, unknown>) as Record<string, unknown>;
  body.sectors = v.sectors ?? [];
  body.fields = v.fields ?? [];
  body.totalBudget = v.totalBudget ?? 0;
  return body;
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`programmes.fields.${name}`), display });
  return [
    f("code"),
    f("nameVi"),
    f("nameEn"),
    f("objectives"),
    f("startYear"),
    f("endYear"),
    { name: "managingOrganisationId", label: t("programmes.fields.managingOrganisation"), display: (v) => <OrganisationName id={v as string} /> },
    f("totalBudget", (v) => formatNumber(v as number)),
    f("sectors", (v) => <CodeTags list="sector" codes={v as string[]} />),
    f("fields", (v) => <CodeTags list="field" codes={v as string[]} />),
    f("status", (v) => t(`programmes.status.${v as string}`)),
  ];
}

export function ProgrammeEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProgrammeValues>();
  const q = useQuery({ ...programmeQuery(id ?? ""), enabled: !!id });
  const back = id ? `/programmes/${id}` : "/programmes";

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("programmes.edit")} back={back} query={q} rows={8} />;
  const record = id ? q.data : undefined;
  const year = new Date().getFullYear();
  return (
    <>
      <PageHeader title={record ? t("programmes.editTitle", { code: record.code }) : t("programmes.create")} back={back} />
      <RecordForm<Programme, ProgrammeValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={{ status: "active", sectors: [], fields: [], totalBudget: 0, startYear: year, endYear: year + 4 }}
        toValues={toValues}
        toBody={toBody}
        create={(body) => api.post<Programme>("/programmes", body)}
        update={(pid, body) => api.put<Programme>(`/programmes/${pid}`, body)}
        compare={compareFields(t)}
        resource="programmes"
        onSaved={(p) => navigate(`/programmes/${p.id}`)}
        onCancel={() => navigate(back)}
      >
        <ProgrammeFields />
      </RecordForm>
    </>
  );
}

function ProgrammeFields() {
  const { t } = useTranslation();
  const label = (n: string) => t(`programmes.fields.${n}`);
  return (
    <Card title={t("programmes.sections.general")} className="form-section">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={label("code")} rules={rules(shape, "code", true, label("code"))} extra={t("programmes.codeHint")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="nameVi" label={label("nameVi")} rules={rules(shape, "nameVi", true, label("nameVi"))}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="nameEn" label={label("nameEn")} rules={rules(shape, "nameEn", false, label("nameEn"))}>
            <Input lang="en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={label("status")} rules={rules(shape, "status", true, label("status"))}>
            <Radio.Group
              optionType="button"
              options={[
                { value: "active", label: t("programmes.status.active") },
                { value: "closed", label: t("programmes.status.closed") },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="startYear" label={label("startYear")} rules={rules(shape, "startYear", true, label("startYear"))}>
            <NumberField integer grouping={false} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="endYear"
            label={label("endYear")}
            dependencies={["startYear"]}
            rules={[
              ...rules(shape, "endYear", true),
              ({ getFieldValue }) => ({
                validator: async (_r, v) => {
                  const start = getFieldValue("startYear") as number | undefined;
                  if (v !== undefined && v !== null && start !== undefined && start !== null && v < start) throw new Error(t("programmes.endBeforeStart"));
                },
              }),
            ]}
          >
            <NumberField integer grouping={false} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="totalBudget"
            label={`${label("totalBudget")} (${t("programmes.dong")})`}
            rules={rules(shape, "totalBudget", false, `${label("totalBudget")} (${t("programmes.dong")})`)}
          >
            <NumberField integer style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="managingOrganisationId" label={label("managingOrganisation")}>
            <OrganisationSelect />
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
          <Form.Item name="objectives" label={label("objectives")} rules={rules(shape, "objectives", false, label("objectives"))}>
            <Input.TextArea rows={5} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
