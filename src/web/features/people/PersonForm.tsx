// The person form's fields, their conversion to and from the API, and the fields compared after a conflict.
// Validation comes from the shared contract (personInput); the same fields serve the registry and "My data".
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import {
  affiliationInput,
  awardItem,
  educationItem,
  languageItem,
  LANGUAGE_LEVELS,
  personInput,
  type Person,
  type PersonAward,
  type PersonEducation,
  type PersonLanguage,
} from "../../../common/api/person";
import { cleanValues, rules } from "../../components/form-rules";
import { CodeSelect, CodeTags, CodeLabel } from "../../components/reference";
import { OrganisationName, OrganisationSelect } from "../../components/entity-select";
import type { CompareField } from "../../components/RecordForm";
import { DATE_FORMAT } from "../../app/format";
import { NumberField } from "../../components/NumberField";

export interface AffiliationValues {
  organisationId?: string;
  position?: string | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
}
export interface PersonValues {
  fullName: string;
  birthYear?: number | null;
  gender?: string | null;
  degree?: string | null;
  title?: string | null;
  fields: string[];
  keywords: string[];
  orcid?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  isExpert?: boolean;
  expertSince?: Dayjs | null;
  primaryOrganisationId?: string | null;
  affiliations?: AffiliationValues[];
  education?: Partial<PersonEducation>[];
  languages?: Partial<PersonLanguage>[];
  awards?: Partial<PersonAward>[];
}

const shape = personInput.shape;
const affShape = affiliationInput.shape;
const eduShape = educationItem.shape;
const langShape = languageItem.shape;
const awardShape = awardItem.shape;
const day = (d: string | null) => (d ? dayjs(d) : null);

export function personToValues(p: Person): PersonValues {
  return {
    fullName: p.fullName,
    birthYear: p.birthYear,
    gender: p.gender,
    degree: p.degree,
    title: p.title,
    fields: p.fields,
    keywords: p.keywords,
    orcid: p.orcid,
    email: p.contact?.email ?? null,
    phone: p.contact?.phone ?? null,
    address: p.contact?.address ?? null,
    isExpert: p.isExpert,
    expertSince: day(p.expertSince),
    primaryOrganisationId: p.primaryOrganisationId,
    affiliations: p.affiliations.map((a) => ({
      organisationId: a.organisationId,
      position: a.position,
      startDate: day(a.startDate),
      endDate: day(a.endDate),
    })),
    education: p.education.map((e) => ({ ...e })),
    languages: p.languages.map((l) => ({ ...l })),
    awards: p.awards.map((a) => ({ ...a })),
  };
}

export const emptyPerson: Partial<PersonValues> = { fields: [], keywords: [], affiliations: [], education: [], languages: [], awards: [], isExpert: false };

export function personToBody(v: PersonValues, self = false): object {
  const body = cleanValues(v as unknown as Record<string, unknown>) as Record<string, unknown>;
  body.fields = v.fields ?? [];
  body.keywords = v.keywords ?? [];
  // The CV's lists are sent whole (a person corrects their own too): the list on screen replaces the stored one.
  body.education = body.education ?? [];
  body.languages = body.languages ?? [];
  body.awards = body.awards ?? [];
  if (self) {
    // a person corrects their own record: the Department keeps expert membership and affiliations
    delete body.isExpert;
    delete body.expertSince;
    delete body.primaryOrganisationId;
    delete body.affiliations;
  } else {
    body.isExpert = !!v.isExpert;
    body.affiliations = body.affiliations ?? [];
  }
  return body;
}

export function personCompareFields(t: TFunction, self = false): CompareField[] {
  const f = (name: string, display?: CompareField["display"]) => ({ name, label: t(`people.fields.${name}`), display });
  const all: CompareField[] = [
    f("fullName"),
    f("birthYear"),
    f("gender", (v) => <CodeLabel list="gender" code={v as string} />),
    f("degree", (v) => <CodeLabel list="degree" code={v as string} />),
    f("title", (v) => <CodeLabel list="title" code={v as string} />),
    f("fields", (v) => <CodeTags list="field" codes={v as string[]} />),
    f("keywords", (v) => (v as string[]).join(", ")),
    f("orcid"),
    f("email"),
    f("phone"),
    f("address"),
    {
      name: "education",
      label: t("people.sections.education"),
      display: (v) => (
        <ul className="plain-list">
          {((v ?? []) as Partial<PersonEducation>[]).map((e, i) => (
            <li key={i}>
              <CodeLabel list="degree" code={e.level ?? null} /> — {[e.institution, e.field, e.year].filter(Boolean).join(", ")}
            </li>
          ))}
        </ul>
      ),
    },
    {
      name: "languages",
      label: t("people.sections.languages"),
      display: (v) => (
        <ul className="plain-list">
          {((v ?? []) as Partial<PersonLanguage>[]).map((l, i) => (
            <li key={i}>{l.language}</li>
          ))}
        </ul>
      ),
    },
    {
      name: "awards",
      label: t("people.sections.awards"),
      display: (v) => (
        <ul className="plain-list">
          {((v ?? []) as Partial<PersonAward>[]).map((a, i) => (
            <li key={i}>{[a.name, a.awardedBy, a.year].filter(Boolean).join(", ")}</li>
          ))}
        </ul>
      ),
    },
  ];
  if (self) return all;
  return [
    ...all,
    f("isExpert", (v) => (v ? t("people.expertYes") : t("people.expertNo"))),
    f("expertSince", (v) => (v as Dayjs | null)?.format(DATE_FORMAT) ?? ""),
    { name: "primaryOrganisationId", label: t("people.fields.primaryOrganisationId"), display: (v) => <OrganisationName id={v as string} /> },
    {
      name: "affiliations",
      label: t("people.sections.affiliations"),
      display: (v) => (
        <ul className="plain-list">
          {(v as AffiliationValues[]).map((a, i) => (
            <li key={i}>
              <OrganisationName id={a.organisationId} />
              {a.position ? ` — ${a.position}` : ""}
            </li>
          ))}
        </ul>
      ),
    },
  ];
}

/** The form items; `self` hides what only the Department changes. */
export function PersonFields({ self = false }: { self?: boolean }) {
  const { t } = useTranslation();
  const label = (n: string) => t(`people.fields.${n}`);
  return (
    <>
      <Card title={t("people.sections.profile")} className="form-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="fullName" label={label("fullName")} rules={rules(shape, "fullName", true, label("fullName"))}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="birthYear" label={label("birthYear")} rules={rules(shape, "birthYear", false, label("birthYear"))}>
              <InputNumber style={{ width: "100%" }} controls={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="gender" label={label("gender")} rules={rules(shape, "gender", false, label("gender"))}>
              <CodeSelect list="gender" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="degree" label={label("degree")} rules={rules(shape, "degree", false, label("degree"))}>
              <CodeSelect list="degree" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="title" label={label("title")} rules={rules(shape, "title", false, label("title"))}>
              <CodeSelect list="title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orcid" label={label("orcid")} rules={rules(shape, "orcid", false, label("orcid"))} extra={t("people.orcidHint")}>
              <Input placeholder="0000-0000-0000-0000" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fields" label={label("fields")} rules={rules(shape, "fields", false, label("fields"))}>
              <CodeSelect list="field" mode="multiple" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={label("keywords")} rules={rules(shape, "keywords", false, label("keywords"))} extra={t("people.keywordsHint")}>
              <Select mode="tags" tokenSeparators={[",", ";"]} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card
        title={t("people.sections.contact")}
        className="form-section"
        extra={<Typography.Text type="secondary">{t("people.contactPrivate")}</Typography.Text>}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="email" label={label("email")} rules={rules(shape, "email", false, label("email"))}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={label("phone")} rules={rules(shape, "phone", false, label("phone"))}>
              <Input type="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="address" label={label("address")} rules={rules(shape, "address", false, label("address"))}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <CvLists />

      {!self && (
        <>
          <Card title={t("people.sections.registry")} className="form-section">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="primaryOrganisationId"
                  label={label("primaryOrganisationId")}
                  rules={rules(shape, "primaryOrganisationId", false, label("primaryOrganisationId"))}
                >
                  <OrganisationSelect />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="isExpert" label={label("isExpert")} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="expertSince" label={label("expertSince")}>
                  <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t("people.sections.affiliations")} className="form-section">
            <Form.List name="affiliations">
              {(items, { add, remove }) => (
                <>
                  {items.length === 0 && <Typography.Paragraph type="secondary">{t("people.noAffiliations")}</Typography.Paragraph>}
                  {items.map((item, index) => (
                    <Row gutter={16} key={item.key} align="top" className="list-row">
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[item.name, "organisationId"]}
                          label={label("organisation")}
                          rules={rules(affShape, "organisationId", true, label("organisation"))}
                        >
                          <OrganisationSelect />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item name={[item.name, "position"]} label={label("position")} rules={rules(affShape, "position", false, label("position"))}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[item.name, "startDate"]} label={label("startDate")}>
                          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[item.name, "endDate"]}
                          label={label("endDate")}
                          dependencies={[["affiliations", item.name, "startDate"]]}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: async (_, end: Dayjs | null) => {
                                const start = getFieldValue(["affiliations", item.name, "startDate"]) as Dayjs | null;
                                if (start && end && end.isBefore(start, "day")) throw new Error(t("validation.endBeforeStart"));
                              },
                            }),
                          ]}
                        >
                          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={2}>
                        <Form.Item label={<span className="sr-only">{t("common.remove")}</span>}>
                          <Button
                            danger
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t("people.removeAffiliation", { n: index + 1 })}
                            onClick={() => remove(item.name)}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                    {t("people.addAffiliation")}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
        </>
      )}
    </>
  );
}

/** A row's remove button: an icon with its name for screen readers, aligned with the row's fields. */
function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={<span className="sr-only">{t("common.remove")}</span>}>
      <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={label} onClick={onClick} />
    </Form.Item>
  );
}

/** Items 8, 9 and 14 of the scientific CV: the training history, foreign languages and awards, each a list of rows. */
function CvLists() {
  const { t } = useTranslation();
  const label = (n: string) => t(`people.fields.${n}`);
  const levelOptions = LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`people.languageLevels.${l}`) }));
  const skills = ["listening", "speaking", "writing", "reading"] as const;
  return (
    <>
      <Card title={t("people.sections.education")} className="form-section">
        <Form.List name="education">
          {(items, { add, remove }) => (
            <>
              {items.length === 0 && <Typography.Paragraph type="secondary">{t("people.none")}</Typography.Paragraph>}
              {items.map((item, index) => (
                <Row gutter={16} key={item.key} align="top" className="list-row">
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, "level"]} label={label("level")} rules={rules(eduShape, "level", true, label("level"))}>
                      <CodeSelect list="degree" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[item.name, "institution"]}
                      label={label("institution")}
                      rules={rules(eduShape, "institution", true, label("institution"))}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[item.name, "field"]} label={label("speciality")} rules={rules(eduShape, "field", false, label("speciality"))}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, "year"]} label={label("graduationYear")} rules={rules(eduShape, "year", false, label("graduationYear"))}>
                      <NumberField integer grouping={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <RemoveRow label={t("people.removeEducation", { n: index + 1 })} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              ))}
              {items.length < 10 && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t("people.addEducation")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t("people.sections.languages")} className="form-section">
        <Form.List name="languages">
          {(items, { add, remove }) => (
            <>
              {items.length === 0 && <Typography.Paragraph type="secondary">{t("people.none")}</Typography.Paragraph>}
              {items.map((item, index) => (
                <Row gutter={16} key={item.key} align="top" className="list-row">
                  <Col xs={24} md={6}>
                    <Form.Item name={[item.name, "language"]} label={label("language")} rules={rules(langShape, "language", true, label("language"))}>
                      <Input placeholder={t("people.languagePlaceholder")} />
                    </Form.Item>
                  </Col>
                  {skills.map((skill) => (
                    <Col xs={12} md={4} key={skill}>
                      <Form.Item name={[item.name, skill]} label={label(skill)} rules={rules(langShape, skill, true, label(skill))}>
                        <Select options={levelOptions} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={24} md={2}>
                    <RemoveRow label={t("people.removeLanguage", { n: index + 1 })} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              ))}
              {items.length < 10 && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t("people.addLanguage")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t("people.sections.awards")} className="form-section">
        <Form.List name="awards">
          {(items, { add, remove }) => (
            <>
              {items.length === 0 && <Typography.Paragraph type="secondary">{t("people.none")}</Typography.Paragraph>}
              {items.map((item, index) => (
                <Row gutter={16} key={item.key} align="top" className="list-row">
                  <Col xs={24} md={10}>
                    <Form.Item name={[item.name, "name"]} label={label("awardName")} rules={rules(awardShape, "name", true, label("awardName"))}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[item.name, "awardedBy"]} label={label("awardedBy")} rules={rules(awardShape, "awardedBy", false, label("awardedBy"))}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, "year"]} label={label("awardYear")} rules={rules(awardShape, "year", false, label("awardYear"))}>
                      <NumberField integer grouping={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <RemoveRow label={t("people.removeAward", { n: index + 1 })} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              ))}
              {items.length < 30 && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t("people.addAward")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
