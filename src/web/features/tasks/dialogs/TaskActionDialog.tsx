// One workflow action, confirmed in a dialog that asks for what the action takes (a comment; the method when approving
// the list; the selection call when announcing; the decision number, approved budgets and dates when drafting the
// decision; a validity check per dossier when opening). Each field is checked with the action's own body from
// `TASK_ACTION_ROUTES`; the server decides: a refusal (a guard that does not hold, missing documents, a stale version)
// stays in the dialog.
import { Alert, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { z } from "zod";
import { TASK_ACTION_ROUTES, validityCheck, type Task, type TaskActionOut, type TaskMethod, type ValidityCheck } from "../../../../common/api/task";
import { GUARDS, type GuardKey } from "../../../../common/processes/schema";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { rules as fieldRules } from "../../../components/form-rules";
import { MoneyInput, useCallOptions } from "../task-ui";
import { tasksApi, useTaskCommand } from "../tasks-api";

const CALL_ACTIONS = new Set(["announce_selection", "invite_direct", "announce_order", "open_funding_call"]);
const METHODS: Record<string, TaskMethod[]> = { approve_list: ["selection", "direct"], approve_order_list: ["funding", "ordering"] };
/** actions that end or set back the task: a red button */
export const DANGER = new Set([
  "reject_proposal",
  "not_recommended",
  "close_without_dossier",
  "declare_invalid",
  "not_selected",
  "refuse",
  "terminate",
  "fail_acceptance",
  "not_recommended_for_funding",
  "terminate_failed",
  "reject_change",
]);

const ROUTES = TASK_ACTION_ROUTES as Record<string, { body: z.ZodObject } | undefined>;

interface Values {
  comment?: string;
  method?: TaskMethod;
  callId?: string;
  decisionNumber?: string;
  approvedBudgetCity?: number;
  approvedBudgetOther?: number;
  period?: [Dayjs | null, Dayjs | null];
  checks?: { complete?: boolean; signedAndSealed?: boolean; detailsMatch?: boolean; valid?: boolean; note?: string }[];
}

export function TaskActionDialog({ task, action, onClose }: { task: Task; action: TaskActionOut; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const command = useTaskCommand(task.id);
  const needsCall = CALL_ACTIONS.has(action.action);
  const calls = useCallOptions({ kind: "selection", status: "published", enabled: needsCall });
  const methods = METHODS[action.action];
  const opening = action.action === "open_dossier";
  const deciding = action.action === "prepare_decision";
  const submitted = task.dossiers.filter((d) => d.status === "submitted");
  const title = en ? action.labelEn : action.labelVi;
  const to = task.steps.find((s) => s.key === action.to);
  const required = [{ required: true, message: t("validation.required") }];

  // The decision is drafted from what the task carries: the selected dossier's period and budget by source (set at the
  // selection, again at the revision); the officer changes what the council or the appraisal changed.
  const fromDossier = deciding && !!task.selectedDossierId;
  const initialValues: Partial<Values> | undefined = deciding
    ? {
        decisionNumber: task.decisionNumber ?? undefined,
        period: task.startDate && task.endDate ? [dayjs(task.startDate), dayjs(task.endDate)] : undefined,
        approvedBudgetCity: task.approvedBudgetCity ?? undefined,
        approvedBudgetOther: task.approvedBudgetOther ?? 0,
      }
    : undefined;

  const submit = (v: Values) => {
    const body: Parameters<typeof tasksApi.act>[2] = { version: task.version, comment: v.comment?.trim() || null };
    if (methods) body.method = v.method;
    if (needsCall) body.callId = v.callId;
    if (deciding) {
      body.decisionNumber = v.decisionNumber?.trim();
      body.approvedBudgetCity = v.approvedBudgetCity ?? 0;
      body.approvedBudgetOther = v.approvedBudgetOther ?? 0;
      body.startDate = v.period?.[0]?.format("YYYY-MM-DD");
      body.endDate = v.period?.[1]?.format("YYYY-MM-DD");
    }
    if (opening) {
      body.checks = submitted.map((d, i) => {
        const c = v.checks?.[i] ?? {};
        const check: ValidityCheck = {
          dossierId: d.id,
          complete: !!c.complete,
          signedAndSealed: !!c.signedAndSealed,
          detailsMatch: !!c.detailsMatch,
          valid: !!c.valid,
          note: c.note?.trim() || null,
        };
        return check;
      });
    }
    return tasksApi.act(task.id, action.action, body);
  };

  return (
    <CommandDialog<Values>
      width={opening ? 760 : 560}
      title={title}
      okText={t("common.confirm")}
      danger={DANGER.has(action.action)}
      command={command}
      schema={ROUTES[action.action]?.body}
      done={() => t("tasks.actions.done", { action: title })}
      onClose={onClose}
      initialValues={initialValues}
      intro={
        <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }} size={8}>
          {to && (
            <Typography.Text>
              {t("tasks.actions.moveTo")} <Tag>{en ? to.labelEn : to.labelVi}</Tag>
            </Typography.Text>
          )}
          {fromDossier && <Alert type="info" showIcon title={t("tasks.actions.fromDossier")} />}
          {action.requiredDocuments.length > 0 && (
            <Typography.Text type="secondary">
              {t("tasks.actions.requiredDocuments")}: {action.requiredDocuments.join(", ")}
            </Typography.Text>
          )}
          {action.guards.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t("tasks.actions.guards")}:</Typography.Text>
              <ul className="plain-list">
                {action.guards.map((g) => (
                  <li key={g}>{g in GUARDS ? GUARDS[g as GuardKey][en ? "en" : "vi"] : g}</li>
                ))}
              </ul>
            </div>
          )}
        </Space>
      }
      submit={submit}
    >
      {({ rules }) => (
        <>
          {methods && (
            <Form.Item name="method" label={t("tasks.fields.method")} rules={rules("method", true, t("tasks.fields.method"))}>
              <Select options={methods.map((m) => ({ value: m, label: t(`tasks.method.${m}`) }))} />
            </Form.Item>
          )}
          {needsCall && (
            <Form.Item
              name="callId"
              label={t("tasks.fields.selectionCall")}
              rules={rules("callId", true, t("tasks.fields.selectionCall"))}
              extra={t("tasks.actions.callHint")}
            >
              <Select showSearch={{ optionFilterProp: "label" }} loading={calls.isPending} options={calls.options} />
            </Form.Item>
          )}
          {deciding && (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="decisionNumber"
                  label={t("tasks.fields.decisionNumber")}
                  rules={rules("decisionNumber", true, t("tasks.fields.decisionNumber"))}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="period" label={t("tasks.fields.period")} rules={required}>
                  <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="approvedBudgetCity"
                  label={`${t("tasks.fields.approvedBudgetCity")} (${t("tasks.dong")})`}
                  rules={rules("approvedBudgetCity", true)}
                >
                  <MoneyInput />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="approvedBudgetOther"
                  label={`${t("tasks.fields.approvedBudgetOther")} (${t("tasks.dong")})`}
                  rules={rules("approvedBudgetOther")}
                >
                  <MoneyInput />
                </Form.Item>
              </Col>
            </Row>
          )}
          {opening &&
            (submitted.length === 0 ? (
              <Alert type="warning" showIcon title={t("tasks.actions.noSubmitted")} style={{ marginBottom: 12 }} />
            ) : (
              submitted.map((d, i) => (
                <Card key={d.id} size="small" title={`${d.piName} · ${d.leadOrganisationName}`} style={{ marginBottom: 12 }}>
                  <Space wrap size={[16, 0]}>
                    {(["complete", "signedAndSealed", "detailsMatch", "valid"] as const).map((k) => (
                      <Form.Item key={k} name={["checks", i, k]} valuePropName="checked" style={{ marginBottom: 8 }}>
                        <Checkbox>{t(`tasks.validity.${k}`)}</Checkbox>
                      </Form.Item>
                    ))}
                  </Space>
                  <Form.Item
                    name={["checks", i, "note"]}
                    label={t("tasks.validity.note")}
                    style={{ marginBottom: 0 }}
                    rules={fieldRules(validityCheck.shape, "note")}
                  >
                    <Input />
                  </Form.Item>
                </Card>
              ))
            ))}
          <Form.Item name="comment" label={t("tasks.actions.comment")} rules={rules("comment", false, t("tasks.actions.comment"))}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
