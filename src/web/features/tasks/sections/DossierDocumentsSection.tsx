// The documents the call asks of the dossier (which are there) and the dossier's uploaded documents.
import { useQueryClient } from "@tanstack/react-query";
import { Card } from "antd";
import { useTranslation } from "react-i18next";
import type { Dossier } from "../../../../common/api/task";
import { RequiredDocuments, TaskDocuments } from "../TaskDocuments";
import { taskKeys } from "../tasks-api";

export function DossierDocumentsSection({ taskId, dossier: d }: { taskId: string; dossier: Dossier }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <Card title={t("tasks.dossier.documents")}>
      <RequiredDocuments documents={d.documents} />
      <div style={{ marginTop: 16 }}>
        <TaskDocuments
          taskId={taskId}
          dossierId={d.id}
          stage="dossier"
          canUpload={d.abilities.uploadDocument}
          codeOptions={d.documents.map((x) => ({ value: x.code, label: `${x.code} · ${x.labelVi}` }))}
          onChanged={() => void qc.invalidateQueries({ queryKey: taskKeys.dossier(d.id) })}
        />
      </div>
    </Card>
  );
}
