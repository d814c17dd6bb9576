// Forming a council: its kind, title, the task(s) it considers, and its meeting and decision. Opened from the councils
// list, or from a task whose step waits for a council (`preset`: the kind and the task, already chosen).
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { DatePicker, Form, Input, Select, Switch } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import { councilInput, type Council } from "../../../../common/api/council";
import { COUNCIL_KINDS, type CouncilKind } from "../../../../common/councils/rules";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog, useRecordCommand } from "../../../components/CommandDialog";
import { councilKeys, councilTaskOptionsQuery, councilsApi } from "../councils-api";

interface CreateValues {
  kind: CouncilKind;
  title: string;
  /** several proposals (identification) or one task */
  taskIds: string[] | string;
  meetingAt?: Dayjs | null;
  place?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
  lateSubmission?: boolean;
}

/** The council to form for a task whose step waits for one: its kind and the task, with a title drawn from them. */
export interface CouncilPreset {
  kind: CouncilKind;
  /** the task (its title when known: a link from the home names the code only) */
  task: { id: string; code: string; titleVi?: string };
}

export function CreateCouncilDialog({ onClose, preset }: { onClose: () => void; preset?: CouncilPreset }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch("kind", form) ?? preset?.kind ?? "selection";
  // Identification takes several proposals, the other kinds one task: the picker's mode follows the kind (a preset
  // task stays chosen while the kind is the preset's).
  useEffect(() => {
    if (preset && kind === preset.kind) form.setFieldValue("taskIds", kind === "identification" ? [preset.task.id] : preset.task.id);
    else form.setFieldValue("taskIds", undefined);
  }, [kind, form, preset]);
  const [search, setSearch] = useState("");
  // the preset task is among the options from the start (searched by its code)
  const tasks = useQuery(councilTaskOptionsQuery(search || (preset?.task.code ?? "")));
  const command = useRecordCommand(councilKeys.lists, { lists: [councilKeys.all] });
  return (
    <CommandDialog<CreateValues>
      title={t("councils.create")}
      width={640}
      form={form}
      command={command}
      schema={councilInput.shape}
      initialValues={
        preset
          ? {
              kind: preset.kind,
              title: `${t(`councils.kind.${preset.kind}`)} · ${preset.task.code}`,
              taskIds: preset.kind === "identification" ? [preset.task.id] : preset.task.id,
            }
          : { kind: "selection" }
      }
      done="councils.done.create"
      onDone={(c) => void navigate(`/councils/${(c as Council).id}`)}
      onClose={onClose}
      submit={(v) =>
        councilsApi.create({
          kind: v.kind,
          title: v.title,
          taskIds: Array.isArray(v.taskIds) ? v.taskIds : [v.taskIds],
          meetingAt: v.meetingAt ? v.meetingAt.toISOString() : null,
          place: v.place || null,
          decisionNumber: v.decisionNumber || null,
          decisionDate: v.decisionDate ? v.decisionDate.format("YYYY-MM-DD") : null,
          lateSubmission: v.kind === "acceptance" ? !!v.lateSubmission : false,
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="kind" label={t("councils.fields.kind")} rules={rules("kind", true, t("councils.fields.kind"))}>
            <Select options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`councils.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t("councils.fields.title")} rules={rules("title", true, t("councils.fields.title"))}>
            <Input />
          </Form.Item>
          <Form.Item
            name="taskIds"
            label={kind === "identification" ? t("councils.fields.proposals") : t("councils.fields.task")}
            extra={t(`councils.subjectsHelp.${kind}`)}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Select
              mode={kind === "identification" ? "multiple" : undefined}
              showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
              loading={tasks.isFetching}
              options={[
                ...(preset && !(tasks.data?.items ?? []).some((x) => x.id === preset.task.id)
                  ? [{ value: preset.task.id, label: preset.task.titleVi ? `${preset.task.code} · ${preset.task.titleVi}` : preset.task.code }]
                  : []),
                ...(tasks.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.titleVi}` })),
              ]}
              placeholder={t("common.typeToSearch")}
            />
          </Form.Item>
          <Form.Item name="meetingAt" label={t("councils.fields.meetingAt")}>
            <DatePicker showTime format={`${DATE_FORMAT} HH:mm`} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="place" label={t("councils.fields.place")} rules={rules("place", false, t("councils.fields.place"))}>
            <Input />
          </Form.Item>
          <Form.Item
            name="decisionNumber"
            label={t("councils.fields.decisionNumber")}
            rules={rules("decisionNumber", false, t("councils.fields.decisionNumber"))}
          >
            <Input />
          </Form.Item>
          <Form.Item name="decisionDate" label={t("councils.fields.decisionDate")} rules={rules("decisionDate", false, t("councils.fields.decisionDate"))}>
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
          {kind === "acceptance" && (
            <Form.Item name="lateSubmission" label={t("councils.fields.lateSubmission")} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
    </CommandDialog>
  );
}
