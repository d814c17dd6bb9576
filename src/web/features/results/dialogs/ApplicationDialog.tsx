// File (or edit, once returned) an application report: where and how the result is applied, since when, its economic
// or social effect and the evidence. The first report after registration may also move the task to its step "report
// the application" (registered → applied).
import { useQueryClient } from "@tanstack/react-query";
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import { APPLICATION_FORMS, applicationInput, type ApplicationForm, type ApplicationReport } from "../../../../common/api/result";
import { DATE_FORMAT, formatNumber } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { tasksApi } from "../../tasks/tasks-api";
import { resultKeys, resultsApi, useResultsCommand } from "../results-api";
import { DocumentPicker } from "./DocumentPicker";

interface Values {
  place: string;
  form: ApplicationForm;
  scale?: string | null;
  startedOn: Dayjs;
  economicEffect?: string | null;
  economicValue?: number | null;
  socialEffect?: string | null;
  beneficiaries?: number | null;
  evidenceDocumentIds?: string[];
  moveTask?: boolean;
}

export function ApplicationDialog({
  taskId,
  current,
  offerTransition,
  onClose,
}: {
  taskId: string;
  current: ApplicationReport | null;
  offerTransition: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const command = useResultsCommand(taskId);
  const submit = async (v: Values) => {
    const body = {
      place: v.place,
      form: v.form,
      scale: v.scale || null,
      startedOn: v.startedOn.format("YYYY-MM-DD"),
      economicEffect: v.economicEffect || null,
      economicValue: v.economicValue ?? null,
      socialEffect: v.socialEffect || null,
      beneficiaries: v.beneficiaries ?? null,
      evidenceDocumentIds: v.evidenceDocumentIds ?? [],
    };
    const saved = current
      ? await resultsApi.updateApplication(taskId, current.id, { ...body, version: current.version })
      : await resultsApi.fileApplication(taskId, body);
    // The first report may go with the task's own step "report the application" (registered → applied).
    if (v.moveTask) {
      try {
        const task = await tasksApi.get(taskId);
        await tasksApi.act(taskId, "report_application", { version: task.version, comment: null });
      } catch (e) {
        // the report is filed even when the step is refused: show it
        void qc.invalidateQueries({ queryKey: resultKeys.task(taskId) });
        throw e;
      }
    }
    return saved;
  };
  return (
    <CommandDialog<Values>
      title={t("results.applications.title")}
      okText={t("results.applications.submit")}
      width={760}
      command={command}
      schema={applicationInput}
      done="results.done.application"
      onClose={onClose}
      intro={
        current?.status === "needs_revision" &&
        current.reviewComment && (
          <Alert type="warning" showIcon title={t("results.applications.returned", { comment: current.reviewComment })} style={{ marginBottom: 12 }} />
        )
      }
      initialValues={
        current
          ? {
              place: current.place,
              form: current.form,
              scale: current.scale,
              startedOn: dayjs(current.startedOn),
              economicEffect: current.economicEffect,
              economicValue: current.economicValue,
              socialEffect: current.socialEffect,
              beneficiaries: current.beneficiaries,
              evidenceDocumentIds: current.evidence.map((e) => e.documentId),
            }
          : { form: "production", evidenceDocumentIds: [], moveTask: offerTransition }
      }
      submit={submit}
    >
      {({ rules }) => (
        <>
          <Form.Item name="place" label={t("results.applications.place")} rules={rules("place", true, t("results.applications.place"))}>
            <Input maxLength={500} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="form" label={t("results.applications.form")} rules={rules("form", true, t("results.applications.form"))}>
              <Select style={{ width: 240 }} options={APPLICATION_FORMS.map((f) => ({ value: f, label: t(`results.form.${f}`) }))} />
            </Form.Item>
            <Form.Item name="startedOn" label={t("results.applications.startedOn")} rules={rules("startedOn", true, t("results.applications.startedOn"))}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          </Space>
          <Form.Item name="scale" label={t("results.applications.scale")} rules={rules("scale", false, t("results.applications.scale"))}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="economicEffect"
            label={t("results.applications.economicEffect")}
            rules={rules("economicEffect", false, t("results.applications.economicEffect"))}
          >
            <Input.TextArea rows={2} maxLength={10000} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item
              name="economicValue"
              label={t("results.applications.economicValue")}
              rules={rules("economicValue", false, t("results.applications.economicValue"))}
            >
              <InputNumber<number>
                min={0}
                style={{ width: 240 }}
                formatter={(v) => (v === undefined || v === null || v === ("" as never) ? "" : formatNumber(Number(v), 0))}
                parser={(s) => Number((s ?? "").replace(/\D/g, "")) || 0}
              />
            </Form.Item>
            <Form.Item
              name="beneficiaries"
              label={t("results.applications.beneficiaries")}
              rules={rules("beneficiaries", false, t("results.applications.beneficiaries"))}
            >
              <InputNumber<number> min={0} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item
            name="socialEffect"
            label={t("results.applications.socialEffect")}
            dependencies={["economicEffect"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v || getFieldValue("economicEffect") ? Promise.resolve() : Promise.reject(new Error(t("results.applications.effectRequired"))),
              }),
              ...rules("socialEffect"),
            ]}
          >
            <Input.TextArea rows={2} maxLength={10000} />
          </Form.Item>
          <Form.Item name="evidenceDocumentIds" label={t("results.applications.evidence")}>
            <DocumentPicker taskId={taskId} stage="application" code="MINH-CHUNG-UD" multiple />
          </Form.Item>
          {offerTransition && (
            <Form.Item name="moveTask" label={t("results.applications.moveTask")}>
              <Radio.Group
                options={[
                  { value: true, label: t("results.yes") },
                  { value: false, label: t("results.no") },
                ]}
              />
            </Form.Item>
          )}
        </>
      )}
    </CommandDialog>
  );
}
