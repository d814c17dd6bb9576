// Queries of the task pages, shared so that a page can update another's cached record after a command.
import type { QueryClient } from "@tanstack/react-query";
import type { Call } from "../../../common/contracts/call";
import type { Dossier, Task, TaskDocument } from "../../../common/contracts/task";
import { API, api, ApiError, type ApiErrorBody } from "../../app/api";
import i18n from "../../i18n/index";

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
  return new Promise<TaskDocument>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${API}/tasks/${taskId}/documents`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", i18n.language === "en" ? "en" : "vi");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network")));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as TaskDocument);
        return;
      }
      const e = (body as { error?: ApiErrorBody } | undefined)?.error;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? i18n.t("errors.http", { status: xhr.status }), e?.details ?? null));
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== "") form.append(k, v);
    form.append("file", file);
    xhr.send(form);
  });
}
