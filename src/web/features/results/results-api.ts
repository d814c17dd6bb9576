// The results API as the web app uses it: a task's results (internal acceptance, public summary, application reports
// and their review); the query keys, the query factories and the command hook. No results page writes a URL. The
// public pages' queries are in public-results-api.ts, which loads nothing of the signed-in app.
import type { z } from "zod";
import type {
  ApplicationInput,
  ApplicationReport,
  InternalAcceptance,
  InternalAcceptanceInput,
  ResultSummary,
  ResultSummaryInput,
  TaskResults,
  applicationReview,
} from "../../../common/api/result";
import { api } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";
import { taskKeys } from "../tasks/tasks-api";

const ofTask = (taskId: string) => `/tasks/${taskId}`;

export const resultEndpoints = {
  results: (taskId: string) => `${ofTask(taskId)}/results`,
  internalAcceptance: (taskId: string) => `${ofTask(taskId)}/internal-acceptance`,
  summary: (taskId: string) => `${ofTask(taskId)}/result-summary`,
  applications: (taskId: string) => `${ofTask(taskId)}/applications`,
  application: (taskId: string, reportId: string) => `${ofTask(taskId)}/applications/${reportId}`,
} as const;

export const resultKeys = {
  task: (taskId: string) => ["tasks", "results", taskId] as const,
};

export const resultsApi = {
  get: (taskId: string) => api.get<TaskResults>(resultEndpoints.results(taskId)),
  saveInternalAcceptance: (taskId: string, body: InternalAcceptanceInput) => api.put<InternalAcceptance>(resultEndpoints.internalAcceptance(taskId), body),
  saveSummary: (taskId: string, body: ResultSummaryInput) => api.put<ResultSummary>(resultEndpoints.summary(taskId), body),
  fileApplication: (taskId: string, body: ApplicationInput) => api.post<ApplicationReport>(resultEndpoints.applications(taskId), body),
  updateApplication: (taskId: string, reportId: string, body: ApplicationInput & { version: number }) =>
    api.put<ApplicationReport>(resultEndpoints.application(taskId, reportId), body),
  reviewApplication: (taskId: string, reportId: string, body: z.input<typeof applicationReview>) =>
    api.post<ApplicationReport>(`${resultEndpoints.application(taskId, reportId)}/review`, body),
};

export const taskResultsQuery = (taskId: string) => ({
  queryKey: resultKeys.task(taskId),
  queryFn: () => resultsApi.get(taskId),
});

/**
 * Commands on a task's results: each answers a part (an acceptance, a summary, a report), so the results reload (also
 * after a 409); the task's documents (a file picked or uploaded), the task and its lists refresh.
 */
export function useResultsCommand(taskId: string) {
  return useRecordCommand(resultKeys.task(taskId), { lists: [taskKeys.documents(taskId), ...taskKeys.refreshed] });
}
