// Record (or edit) the internal acceptance: the day it was held, its members, the conclusion, remarks and the minutes.
import { Button, DatePicker, Form, Input, Radio, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import { INTERNAL_CONCLUSIONS, internalAcceptanceInput, internalMember, type InternalAcceptance, type InternalConclusion } from "../../../../common/api/result";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { rules as fieldRules } from "../../../components/form-rules";
import { resultsApi, useResultsCommand } from "../results-api";
import { DocumentPicker } from "./DocumentPicker";

interface Values {
  heldOn: Dayjs;
  members: { name: string; position?: string | null }[];
  conclusion: InternalConclusion;
  remarks?: string | null;
  minutesDocumentId?: string | null;
}

export function InternalAcceptanceDialog({ taskId, current, onClose }: { taskId: string; current: InternalAcceptance | null; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useResultsCommand(taskId);
  return (
    <CommandDialog<Values>
      title={t("results.internal.title")}
      width={720}
      command={command}
      schema={internalAcceptanceInput}
      done="results.done.internal"
      onClose={onClose}
      initialValues={{
        heldOn: current ? dayjs(current.heldOn) : undefined,
        members: current?.members ?? [{ name: "", position: "" }],
        conclusion: current?.conclusion ?? "pass",
        remarks: current?.remarks ?? "",
        minutesDocumentId: current?.minutes?.documentId ?? null,
      }}
      submit={(v) =>
        resultsApi.saveInternalAcceptance(taskId, {
          heldOn: v.heldOn.format("YYYY-MM-DD"),
          members: v.members.map((m) => ({ name: m.name, position: m.position || null })),
          conclusion: v.conclusion,
          remarks: v.remarks || null,
          minutesDocumentId: v.minutesDocumentId || null,
          ...(current ? { version: current.version } : {}),
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="heldOn" label={t("results.internal.heldOn")} rules={rules("heldOn", true, t("results.internal.heldOn"))}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item label={t("results.internal.members")} required>
            <Form.List name="members">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                      <Form.Item name={[f.name, "name"]} rules={fieldRules(internalMember.shape, "name", true)}>
                        <Input placeholder={t("results.internal.memberName")} aria-label={t("results.internal.memberName")} style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, "position"]} rules={fieldRules(internalMember.shape, "position")}>
                        <Input placeholder={t("results.internal.memberPosition")} aria-label={t("results.internal.memberPosition")} style={{ width: 240 }} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="link" onClick={() => remove(f.name)}>
                          {t("common.remove")}
                        </Button>
                      )}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", position: "" })}>
                    {t("results.internal.addMember")}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="conclusion" label={t("results.internal.conclusion")} rules={rules("conclusion", true, t("results.internal.conclusion"))}>
            <Radio.Group options={INTERNAL_CONCLUSIONS.map((c) => ({ value: c, label: t(`results.internal.${c}`) }))} />
          </Form.Item>
          <Form.Item name="remarks" label={t("results.internal.remarks")} rules={rules("remarks", false, t("results.internal.remarks"))}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Form.Item name="minutesDocumentId" label={t("results.internal.minutes")}>
            <DocumentPicker taskId={taskId} stage="acceptance" code="BB-NT-CO-SO" />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
