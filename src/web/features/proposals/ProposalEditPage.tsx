// Propose a task (đề xuất đặt hàng) in a proposal-collection call that accepts proposals now, or edit one's proposal
// while it is still at its first step and the call is open. The call cannot change after the proposal is made.
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Card, Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { TASK_TYPES, proposalInput, type Task, type TaskType } from "../../../common/api/task";
import { api } from "../../app/api";
import { useSession } from "../../app/session";
import { cleanValues, rules } from "../../components/form-rules";
import { NumberField } from "../../components/NumberField";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { CodeLabel, CodeSelect } from "../../components/reference";
import { OrganisationSelect } from "../../components/entity-select";
import { PageHeader, RecordLoading } from "../../components/states";
import { useProgrammeOptions } from "../calls/call-ui";
import { MoneyInput, taskAccess, useCallOptions } from "../tasks/task-ui";
import { refreshTasks, taskQuery } from "../tasks/tasks-api";

export interface ProposalValues {
  callId?: string;
  titleVi?: string;
  titleEn?: string | null;
  taskType?: TaskType;
  fieldCode?: string;
  sectorCode?: string;
  programmeId?: string | null;
  proposingOrganisationId?: string | null;
  rationale?: string;
  objectives?: string;
  expectedResults?: string;
  proposedBudget?: number;
  proposedMonths?: number;
}

const shape = proposalInput.shape;

function toValues(r: Task): ProposalValues {
  return {
    callId: r.proposalCallId ?? undefined,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    taskType: r.taskType,
    fieldCode: r.fieldCode ?? undefined,
    sectorCode: r.sectorCode ?? undefined,
    programmeId: r.programmeId,
    proposingOrganisationId: r.proposingOrganisationId,
    rationale: r.rationale ?? undefined,
    objectives: r.objectives ?? undefined,
    expectedResults: r.expectedResults ?? undefined,
    proposedBudget: r.proposedBudget ?? undefined,
    proposedMonths: r.proposedMonths ?? undefined,
  };
}

function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`proposals.fields.${name}`), display });
  return [
    f("titleVi"),
    f("titleEn"),
    f("taskType", (v) => t(`tasks.type.${v as string}`)),
    f("fieldCode", (v) => <CodeLabel list="field" code={v as string} />),
    f("sectorCode", (v) => <CodeLabel list="sector" code={v as string} />),
    f("programmeId"),
    f("proposingOrganisationId"),
    f("rationale"),
    f("objectives"),
    f("expectedResults"),
    f("proposedBudget"),
    f("proposedMonths"),
  ];
}

export function ProposalEditPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<ProposalValues>();
  const q = useQuery({ ...taskQuery(id ?? ""), enabled: !!id });
  const back = id ? `/tasks/${id}` : "/proposals";

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("proposals.edit")} back={back} query={q} rows={10} />;
  const record = id ? q.data : undefined;
  if (record && !record.abilities.edit) {
    return (
      <>
        <PageHeader title={t("proposals.editTitle", { code: record.code })} back={back} />
        <Alert type="info" showIcon title={t("proposals.notEditable")} />
      </>
    );
  }
  const toBody = (v: ProposalValues): object => {
    const body = cleanValues(v as Record<string, unknown>) as Record<string, unknown>;
    // the call of a proposal never changes
    if (record) delete body.callId;
    return body;
  };
  return (
    <>
      <PageHeader title={record ? t("proposals.editTitle", { code: record.code }) : t("proposals.create")} subtitle={t("proposals.formHint")} back={back} />
      <RecordForm<Task, ProposalValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={{ callId: sp.get("callId") ?? undefined, taskType: "de_tai", proposedMonths: 24 }}
        toValues={toValues}
        toBody={toBody}
        create={(body) => api.post<Task>("/proposals", body)}
        update={(pid, body) => api.put<Task>(`/proposals/${pid}`, body)}
        compare={compareFields(t)}
        resource="proposals"
        onSaved={(saved) => {
          qc.setQueryData(taskQuery(saved.id).queryKey, saved);
          refreshTasks(qc);
          void navigate(`/tasks/${saved.id}`);
        }}
        onCancel={() => navigate(back)}
      >
        <ProposalFields editing={!!record} />
      </RecordForm>
    </>
  );
}

function ProposalFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const staff = taskAccess.all(me);
  const calls = useCallOptions({ kind: "proposal_collection", open: true, enabled: !editing });
  const programmeOptions = useProgrammeOptions();
  const label = (n: string) => t(`proposals.fields.${n}`);
  return (
    <>
      <Card title={t("proposals.sections.general")} className="form-section">
        <Row gutter={16}>
          {!editing && (
            <Col xs={24}>
              <Form.Item
                name="callId"
                label={label("call")}
                rules={[{ required: true, message: t("validation.required") }]}
                extra={calls.isSuccess && calls.options.length === 0 ? t("proposals.noOpenCall") : t("proposals.callHint")}
              >
                <Select id="callId" showSearch={{ optionFilterProp: "label" }} loading={calls.isPending} options={calls.options} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={16}>
            <Form.Item name="titleVi" label={label("titleVi")} rules={rules(shape, "titleVi", true, label("titleVi"))}>
              <Input id="titleVi" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="taskType" label={label("taskType")} rules={[{ required: true, message: t("validation.required") }]}>
              <Select id="taskType" options={TASK_TYPES.map((k) => ({ value: k, label: t(`tasks.type.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="titleEn" label={label("titleEn")} rules={rules(shape, "titleEn", false, label("titleEn"))}>
              <Input id="titleEn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fieldCode" label={label("fieldCode")} rules={rules(shape, "fieldCode", true, label("fieldCode"))}>
              <CodeSelect id="fieldCode" list="field" level={2} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sectorCode" label={label("sectorCode")} rules={rules(shape, "sectorCode", true, label("sectorCode"))}>
              <CodeSelect id="sectorCode" list="sector" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="programmeId" label={label("programmeId")}>
              <Select id="programmeId" allowClear showSearch={{ optionFilterProp: "label" }} options={programmeOptions} />
            </Form.Item>
          </Col>
          {staff && (
            <Col xs={24} md={12}>
              <Form.Item name="proposingOrganisationId" label={label("proposingOrganisationId")} extra={t("proposals.orgHint")}>
                <OrganisationSelect id="proposingOrganisationId" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      <Card title={t("proposals.sections.content")} className="form-section">
        {(["rationale", "objectives", "expectedResults"] as const).map((n) => (
          <Form.Item key={n} name={n} label={label(n)} rules={rules(shape, n, true)}>
            <Input.TextArea id={n} autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="proposedBudget"
              label={`${label("proposedBudget")} (${t("tasks.dong")})`}
              rules={rules(shape, "proposedBudget", true, `${label("proposedBudget")} (${t("tasks.dong")})`)}
            >
              <MoneyInput id="proposedBudget" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="proposedMonths" label={label("proposedMonths")} rules={rules(shape, "proposedMonths", true, label("proposedMonths"))}>
              <NumberField id="proposedMonths" integer style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
