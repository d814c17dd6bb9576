// Create or edit an organisation with its accredited laboratories (the shared record form).
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import { laboratoryInput, organisationInput, type Organisation } from "../../../common/api/organisation";
import { api } from "../../app/api";
import { DATE_FORMAT } from "../../app/format";
import { cleanValues, rules } from "../../components/form-rules";
import { NumberField } from "../../components/NumberField";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { CodeLabel, CodeSelect, CodeTags } from "../../components/reference";
import { OrganisationName, OrganisationSelect } from "../../components/entity-select";
import { PageHeader, RecordLoading } from "../../components/states";
import { organisationQuery } from "./OrganisationDetailPage";

interface LabValues {
  name?: string;
  scheme?: "VILAS" | "ISO17025";
  accreditationNumber?: string;
  expiresOn?: Dayjs | null;
  fields?: string[];
}
export interface OrganisationValues {
  type?: string;
  nameVi?: string;
  nameEn?: string | null;
  abbreviation?: string | null;
  taxCode?: string | null;
  orgIdCode?: string | null;
  ror?: string | null;
  parentId?: string | null;
  address?: string | null;
  commune?: string | null;
  district?: string | null;
  governance?: "central" | "local";
  fields?: string[];
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  foundedYear?: number | null;
  laboratories?: LabValues[];
}

const shape = organisationInput.shape;
const labShape = laboratoryInput.shape;

function toValues(o: Organisation): OrganisationValues {
  return {
    type: o.type,
    nameVi: o.nameVi,
    nameEn: o.nameEn,
    abbreviation: o.abbreviation,
    taxCode: o.taxCode,
    orgIdCode: o.orgIdCode,
    ror: o.ror,
    parentId: o.parentId,
    address: o.address,
    commune: o.commune,
    district: o.district,
    governance: o.governance,
    fields: o.fields,
    website: o.website,
    email: o.email,
    phone: o.phone,
    foundedYear: o.foundedYear,
    laboratories: o.laboratories.map((l) => ({
      name: l.name,
      scheme: l.scheme,
      accreditationNumber: l.accreditationNumber,
      expiresOn: l.expiresOn ? dayjs(l.expiresOn) : null,
      fields: l.fields,
    })),
  };
}

function toBody(v: OrganisationValues): object {
  const body = cleanValues(v as Record<string, unknown>) as Record<string, unknown>;
  body.fields = v.fields ?? [];
  body.laboratories = (v.laboratories ?? []).map((l) => ({ ...(cleanValues(l as Record<string, unknown>) as object), fields: l.fields ?? [] }));
  return body;
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`organisations.fields.${name}`), display });
  return [
    f("type", (v) => <CodeLabel list="org_type" code={v as string} />),
    f("nameVi"),
    f("nameEn"),
    f("abbreviation"),
    f("taxCode"),
    f("orgIdCode"),
    f("ror"),
    f("parentId", (v) => <OrganisationName id={v as string} />),
    f("address"),
    f("commune", (v) => <CodeLabel list="admin_unit" code={v as string} />),
    f("district", (v) => <CodeLabel list="district" code={v as string} />),
    f("governance", (v) => t(`organisations.governance.${v as string}`)),
    f("fields", (v) => <CodeTags list="field" codes={v as string[]} />),
    f("website"),
    f("email"),
    f("phone"),
    f("foundedYear"),
    {
      name: "laboratories",
      label: t("organisations.sections.laboratories"),
      display: (v) => (
        <ul className="plain-list">
          {(v as LabValues[]).map((l, i) => (
            <li key={i}>
              {l.name} — {l.scheme} {l.accreditationNumber}
              {l.expiresOn ? ` (${l.expiresOn.format(DATE_FORMAT)})` : ""}
            </li>
          ))}
        </ul>
      ),
    },
  ];
}

export function OrganisationEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<OrganisationValues>();
  const q = useQuery({ ...organisationQuery(id ?? ""), enabled: !!id });
  const back = id ? `/organisations/${id}` : "/organisations";

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("organisations.edit")} back={back} query={q} rows={10} />;
  const record = id ? q.data : undefined;
  return (
    <>
      <PageHeader title={record ? t("organisations.editTitle", { name: record.nameVi }) : t("organisations.create")} back={back} />
      <RecordForm<Organisation, OrganisationValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={{ governance: "local", fields: [], laboratories: [] }}
        toValues={toValues}
        toBody={toBody}
        create={(body) => api.post<Organisation>("/organisations", body)}
        update={(oid, body) => api.put<Organisation>(`/organisations/${oid}`, body)}
        compare={compareFields(t)}
        resource="organisations"
        onSaved={(o) => navigate(`/organisations/${o.id}`)}
        onCancel={() => navigate(back)}
      >
        <OrganisationFields selfId={record?.id} district={!!record?.district} />
      </RecordForm>
    </>
  );
}

/** `district`: the record has a district (made before 1/7/2025), shown as history beside its commune. */
function OrganisationFields({ selfId, district }: { selfId?: string; district: boolean }) {
  const { t } = useTranslation();
  const label = (n: string) => t(`organisations.fields.${n}`);
  return (
    <>
      <Card title={t("organisations.sections.identity")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="nameVi" label={label("nameVi")} rules={rules(shape, "nameVi", true, label("nameVi"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="abbreviation" label={label("abbreviation")} rules={rules(shape, "abbreviation", false, label("abbreviation"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="nameEn" label={label("nameEn")} rules={rules(shape, "nameEn", false, label("nameEn"))}>
              <Input lang="en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={label("type")} rules={rules(shape, "type", true, label("type"))}>
              <CodeSelect list="org_type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="governance" label={label("governance")} rules={rules(shape, "governance", true, label("governance"))}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "local", label: t("organisations.governance.local") },
                  { value: "central", label: t("organisations.governance.central") },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="taxCode" label={label("taxCode")} rules={rules(shape, "taxCode", false, label("taxCode"))}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="orgIdCode" label={label("orgIdCode")} rules={rules(shape, "orgIdCode", false, label("orgIdCode"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="ror" label={label("ror")} rules={rules(shape, "ror", false, label("ror"))}>
              <Input placeholder="05a28rw58" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="foundedYear" label={label("foundedYear")} rules={rules(shape, "foundedYear", false, label("foundedYear"))}>
              <NumberField integer grouping={false} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="parentId"
              label={label("parent")}
              rules={[
                ...rules(shape, "parentId"),
                {
                  validator: async (_, v) => {
                    if (selfId && v === selfId) throw new Error(t("validation.parentSelf"));
                  },
                },
              ]}
            >
              <OrganisationSelect />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="fields" label={label("fields")} rules={rules(shape, "fields", false, label("fields"))}>
              <CodeSelect list="field" mode="multiple" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t("organisations.sections.contact")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={label("address")} rules={rules(shape, "address", false, label("address"))}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="commune" label={label("commune")} rules={rules(shape, "commune", false, label("commune"))}>
              <CodeSelect list="admin_unit" />
            </Form.Item>
          </Col>
          {district && (
            <Col xs={24} md={8}>
              <Form.Item name="district" label={label("district")} extra={t("organisations.districtHistory")}>
                <CodeSelect list="district" disabled />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={label("phone")} rules={rules(shape, "phone", false, label("phone"))}>
              <Input type="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label={label("email")} rules={rules(shape, "email", false, label("email"))}>
              <Input type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="website" label={label("website")} rules={rules(shape, "website", false, label("website"))}>
              <Input type="url" placeholder="https://" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t("organisations.sections.laboratories")} className="form-section">
        <Form.List name="laboratories">
          {(items, { add, remove }) => (
            <>
              {items.length === 0 && <Typography.Paragraph type="secondary">{t("organisations.noLabs")}</Typography.Paragraph>}
              {items.map((item, index) => (
                <Row gutter={16} key={item.key} className="list-row">
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[item.name, "name"]}
                      label={t("organisations.lab.name")}
                      rules={rules(labShape, "name", true, t("organisations.lab.name"))}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[item.name, "scheme"]}
                      label={t("organisations.lab.scheme")}
                      rules={rules(labShape, "scheme", true, t("organisations.lab.scheme"))}
                    >
                      <Select
                        options={[
                          { value: "VILAS", label: t("organisations.schemes.VILAS") },
                          { value: "ISO17025", label: t("organisations.schemes.ISO17025") },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[item.name, "accreditationNumber"]}
                      label={t("organisations.lab.accreditationNumber")}
                      rules={rules(labShape, "accreditationNumber", true)}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, "expiresOn"]} label={t("organisations.lab.expiresOn")}>
                      <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[item.name, "fields"]} label={label("fields")}>
                      <CodeSelect list="field" mode="multiple" maxTagCount="responsive" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={1}>
                    <Form.Item label={<span className="sr-only">{t("common.remove")}</span>}>
                      <Button
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t("organisations.removeLab", { n: index + 1 })}
                        onClick={() => remove(item.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ scheme: "VILAS", fields: [] })}>
                {t("organisations.addLab")}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
