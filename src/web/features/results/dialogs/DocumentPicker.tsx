// A select over the task's documents of one stage, with an upload button that adds one and selects it: the files of
// the results (the internal acceptance's minutes, an application's evidence) are task documents.
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Select, Space, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TaskDocument } from "../../../../common/api/task";
import { errorMessage } from "../../../app/api";
import { documentsQuery, uploadTaskDocument } from "../../tasks/tasks-api";

export function DocumentPicker({
  taskId,
  stage,
  code,
  multiple,
  value,
  onChange,
}: {
  taskId: string;
  stage: "acceptance" | "application";
  code: string;
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const docs = useQuery(documentsQuery(taskId));
  const [busy, setBusy] = useState(false);
  const options = (docs.data ?? [])
    .filter((d: TaskDocument) => d.stage === stage && !d.dossierId)
    .map((d: TaskDocument) => ({ value: d.id, label: `${d.code} · ${d.fileName}` }));
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Select
        allowClear
        mode={multiple ? "multiple" : undefined}
        options={options}
        value={value ?? (multiple ? [] : undefined)}
        onChange={(v) => onChange?.(v ?? null)}
        placeholder={t("results.pickDocument")}
        style={{ width: "100%" }}
      />
      <Upload
        showUploadList={false}
        accept=".pdf,.docx,.xlsx,.zip,.jpg,.png"
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            const d = await uploadTaskDocument(taskId, { code, stage }, file as File, () => undefined);
            await qc.invalidateQueries({ queryKey: documentsQuery(taskId).queryKey });
            const cur = Array.isArray(value) ? value : [];
            onChange?.(multiple ? [...cur, d.id] : d.id);
          } catch (e) {
            void message.error(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t("results.upload")}
        </Button>
      </Upload>
    </Space.Compact>
  );
}
