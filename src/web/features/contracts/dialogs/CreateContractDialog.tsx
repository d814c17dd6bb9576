// Drafting a task's contract: the officer picks a task at the step `approved` (or comes from that task's page, which
// presets it) and the server drafts the contract from the task's decision and selected dossier.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { contractCreate, type Contract } from "../../../../common/api/contract";
import { CommandDialog, useRecordCommand } from "../../../components/CommandDialog";
import { approvedTasksQuery, contractKeys, contractsApi } from "../contracts-api";

export interface PresetTask {
  id: string;
  code: string;
  titleVi: string;
}

export function CreateContractDialog({ task, onClose, onCreated }: { task?: PresetTask; onClose: () => void; onCreated: (c: Contract) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const tasks = useQuery({ ...approvedTasksQuery(q), enabled: !task });
  const command = useRecordCommand(contractKeys.lists);
  const options = task
    ? [{ value: task.id, label: `${task.code} · ${task.titleVi}` }]
    : (tasks.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.titleVi}` }));
  return (
    <CommandDialog<{ taskId: string }>
      title={t("contracts.create")}
      okText={t("contracts.create")}
      command={command}
      schema={contractCreate}
      initialValues={task ? { taskId: task.id } : undefined}
      done={(c) => t("contracts.done.create", { number: (c as Contract).number })}
      onDone={(c) => onCreated(c as Contract)}
      onClose={onClose}
      submit={(v) => contractsApi.create({ taskId: v.taskId })}
    >
      {({ rules }) => (
        <Form.Item name="taskId" label={t("contracts.fields.task")} extra={t("contracts.createHint")} rules={rules("taskId", true, t("contracts.fields.task"))}>
          <Select
            disabled={!!task}
            showSearch={task ? undefined : { filterOption: false, onSearch: setQ }}
            loading={!task && tasks.isFetching}
            options={options}
            notFoundContent={t("contracts.noApprovedTask")}
          />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
