// The tasks API as the web app uses it: the task, dossier and document endpoints, the query keys, the query factories
// and the command hooks. The task pages (and the pages that update a cached task after a command) call these; no
// task page writes a URL.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { App } from "antd";
import type { Call } from "../../../common/api/call";
import { TASK_VIEWS, type Dossier, type DossierUpdate, type Task, type TaskActionFields, type TaskDocument } from "../../../common/api/task";
import { api, errorMessage, upload } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

const one = (id: string) => `/tasks/${id}`;
const dossier = (taskId: string, dossierId: string) => `${one(taskId)}/dossiers/${dossierId}`;

export const taskEndpoints = {
  one,
  dossier,
  documents: (taskId: string) => `${one(taskId)}/documents`,
  call: (callId: string) => `/calls/${callId}`,
} as const;

export const taskKeys = {
  /** everything under "tasks" (records, dossiers, documents, results) */
  all: ["tasks"] as const,
  one: (id: string) => ["tasks", "one", id] as const,
  dossier: (dossierId: string) => ["tasks", "dossier", dossierId] as const,
  documents: (taskId: string) => ["tasks", "documents", taskId] as const,
  call: (callId: string) => ["calls", "one", callId] as const,
  /** what a command on a task or dossier refreshes: everything under "tasks", each task list view, the proposals */
  refreshed: [["tasks"], ...TASK_VIEWS.map((v) => [`tasks-${v}`]), ["proposals"]] as const,
};

export const tasksApi = {
  get: (id: string) => api.get<Task>(one(id)),
  /** a workflow action (POST /tasks/:id/<action>), with the fields that action takes */
  act: (id: string, action: string, body: Partial<TaskActionFields> & { version: number; comment: string | null }) =>
    api.post<Task>(`${one(id)}/${action}`, body),
  createDossier: (taskId: string) => api.post<Dossier>(`${one(taskId)}/dossiers`, {}),
  getDossier: (taskId: string, dossierId: string) => api.get<Dossier>(dossier(taskId, dossierId)),
  updateDossier: (taskId: string, dossierId: string, body: DossierUpdate) => api.put<Dossier>(dossier(taskId, dossierId), body),
  /** submit (or withdraw) a dossier */
  dossierAction: (taskId: string, dossierId: string, action: "submit" | "withdraw", body: { version: number }) =>
    api.post<Dossier>(`${dossier(taskId, dossierId)}/${action}`, body),
  documents: (taskId: string) => api.get<TaskDocument[]>(taskEndpoints.documents(taskId)),
  deleteDocument: (taskId: string, documentId: string) => api.delete(`${taskEndpoints.documents(taskId)}/${documentId}`),
  call: (callId: string) => api.get<Call>(taskEndpoints.call(callId)),
};

export const taskQuery = (id: string) => ({
  queryKey: taskKeys.one(id),
  queryFn: () => tasksApi.get(id),
});

export const dossierQuery = (taskId: string, dossierId: string) => ({
  queryKey: taskKeys.dossier(dossierId),
  queryFn: () => tasksApi.getDossier(taskId, dossierId),
});

/** Every document of the task the user may see (a dossier's only for its owner and the staff). */
export const documentsQuery = (taskId: string) => ({
  queryKey: taskKeys.documents(taskId),
  queryFn: () => tasksApi.documents(taskId),
});

export const callOfTaskQuery = (callId: string) => ({
  queryKey: taskKeys.call(callId),
  queryFn: () => tasksApi.call(callId),
});

/** After a command: every task list (each view has its own cache key), record and proposal list. */
export function refreshTasks(qc: QueryClient) {
  void qc.invalidateQueries({
    predicate: (q) => {
      const root = String(q.queryKey[0] ?? "");
      return root === "tasks" || root.startsWith("tasks-") || root === "proposals";
    },
  });
}

/** Commands on one task (the workflow actions): the answered task replaces the cached one; task lists refresh. */
export function useTaskCommand(id: string) {
  return useRecordCommand(taskKeys.one(id), { lists: [...taskKeys.refreshed] });
}

/** Commands on one dossier (submit, withdraw): the answered dossier replaces the cached one; tasks refresh. */
export function useDossierCommand(dossierId: string) {
  return useRecordCommand(taskKeys.dossier(dossierId), { lists: [...taskKeys.refreshed] });
}

/**
 * Uploads a task document: the multipart form carries its fields (code, stage, dossierId, note) before the file, as
 * the server reads them, through XMLHttpRequest so the progress can be shown.
 */
export function uploadTaskDocument(
  taskId: string,
  fields: Record<string, string | undefined>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<TaskDocument> {
  return upload<TaskDocument>(taskEndpoints.documents(taskId), file, { fields, onProgress });
}

/** Starts this user's dossier for a task (their person as PI, their organisation as lead) and opens it; task lists and
 *  the calls' task lists refresh. Used by the task's page and the call's page. */
export function useCreateDossier(taskId: string) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => tasksApi.createDossier(taskId),
    onSuccess: (d) => {
      refreshTasks(qc);
      void qc.invalidateQueries({ queryKey: ["calls", "tasks"] });
      void navigate(`/tasks/${taskId}/dossiers/${d.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
}
