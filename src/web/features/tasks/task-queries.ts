// Queries of the task pages, shared so that a page can update another's cached record after a command.
import type { QueryClient } from "@tanstack/react-query";
import type { Call } from "../../../common/api/call";
import type { Dossier, Task, TaskDocument } from "../../../common/api/task";
import { api, upload } from "../../app/api";

export const taskQuery = (id: string) => ({
  queryKey: ["tasks", "one", id],
  queryFn: () => api.get<Task>(`/tasks/${id}`),
});

export const dossierQuery = (taskId: string, dossierId: string) => ({
  queryKey: ["tasks", "dossier", dossierId],
  queryFn: () => api.get<Dossier>(`/tasks/${taskId}/dossiers/${dossierId}`),
});

/** Every document of the task the user may see (a dossier's only for its owner and the staff). */
export const documentsQuery = (taskId: string) => ({
  queryKey: ["tasks", "documents", taskId],
  queryFn: () => api.get<TaskDocument[]>(`/tasks/${taskId}/documents`),
});

export const callOfTaskQuery = (callId: string) => ({
  queryKey: ["calls", "one", callId],
  queryFn: () => api.get<Call>(`/calls/${callId}`),
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
  return upload<TaskDocument>(`/tasks/${taskId}/documents`, file, { fields, onProgress });
}
