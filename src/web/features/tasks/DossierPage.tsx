// A dossier for a task (hồ sơ đăng ký tuyển chọn / giao trực tiếp). Its owner (the PI or the lead organisation's
// representative) edits it while it is a draft and the call takes dossiers: the text sections, the expected
// products, the timeline, the team, the budget by year × source × category, and the documents the call asks for;
// then submits it before the deadline (the server's clock decides; the countdown starts from its answer). Once
// submitted the dossier is locked and shown read-only with the submission time. Each part lives in `sections/`; the
// endpoints and query keys in `tasks-api.ts`.
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Form, Space } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Dossier, DossierUpdate, Task } from "../../../common/api/task";
import { formatDateTime } from "../../app/format";
import { RecordForm } from "../../components/RecordForm";
import { PageHeader, RecordLoading } from "../../components/states";
import { DossierStatusTag } from "./DossierStatusTag";
import { DossierDocumentsSection } from "./sections/DossierDocumentsSection";
import { DossierFields } from "./sections/DossierFields";
import { DossierReadOnly } from "./sections/DossierReadOnly";
import { DossierSubmitSection } from "./sections/DossierSubmitSection";
import { compareFields, toBody, toValues, type DossierValues } from "./sections/dossier-form";
import { dossierQuery, refreshTasks, taskKeys, taskQuery, tasksApi } from "./tasks-api";

export function DossierPage() {
  const { id = "", dossierId = "" } = useParams();
  const { t } = useTranslation();
  const task = useQuery(taskQuery(id));
  const q = useQuery(dossierQuery(id, dossierId));
  const back = `/tasks/${id}?tab=dossiers`;
  if (q.isPending || q.isError || task.isPending || task.isError) {
    return <RecordLoading title={t("tasks.dossier.title")} back={back} query={q.isError ? q : task} rows={10} />;
  }
  return <DossierBody task={task.data} dossier={q.data} back={back} />;
}

function DossierBody({ task, dossier: d, back }: { task: Task; dossier: Dossier; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<DossierValues>();
  const [saves, setSaves] = useState(0);
  return (
    <>
      <PageHeader
        title={t("tasks.dossier.titleOf", { code: task.code })}
        back={back}
        subtitle={
          <Space size={4} wrap>
            <DossierStatusTag status={d.status} />
            <span>{`${d.piName} · ${d.leadOrganisationName}`}</span>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {d.submittedAt && (
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined aria-hidden />}
            className="dossier-locked"
            title={t("tasks.dossier.locked", { at: formatDateTime(d.submittedAt) })}
            description={d.submissionHash ? t("tasks.dossier.hash", { hash: d.submissionHash.slice(0, 16) }) : undefined}
          />
        )}
        {(d.abilities.submit || d.abilities.withdraw) && <DossierSubmitSection task={task} dossier={d} dirty={() => form.isFieldsTouched()} />}
        {d.abilities.update ? (
          <RecordForm<Dossier, DossierValues>
            key={saves}
            form={form}
            record={d}
            toValues={toValues}
            toBody={toBody}
            update={(_, body) => tasksApi.updateDossier(task.id, d.id, body as DossierUpdate)}
            compare={compareFields(t)}
            resource="tasks"
            onSaved={(saved) => {
              qc.setQueryData(taskKeys.dossier(d.id), saved);
              refreshTasks(qc);
              setSaves((n) => n + 1);
            }}
            onCancel={() => navigate(back)}
          >
            <DossierFields />
          </RecordForm>
        ) : (
          <DossierReadOnly dossier={d} />
        )}
        <DossierDocumentsSection taskId={task.id} dossier={d} />
      </Space>
    </>
  );
}
