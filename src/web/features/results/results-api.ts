// The results API as the web app uses it: a task's results (internal acceptance, public summary, application reports
// and their review) and the public results pages; the query keys, the query factories and the command hook. No
// results page writes a URL.
import type { z } from "zod";
import type {
  ApplicationInput,
  ApplicationReport,
  InternalAcceptance,
  InternalAcceptanceInput,
  PublicResult,
  PublicResultItem,
  ResultSummary,
  ResultSummaryInput,
  TaskResults,
  applicationReview,
} from "../../../common/api/result";
import { api, type ListResult, type Query } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";
import { taskKeys } from "../tasks/tasks-api";

/** the public list's search, filters and page, as the URL holds them */
export type PublicResultsParams = Query;

const ofTask = (taskId: string) => `/tasks/${taskId}`;

export const resultEndpoints = {
  results: (taskId: string) => `${ofTask(taskId)}/results`,
  internalAcceptance: (taskId: string) => `${ofTask(taskId)}/internal-acceptance`,
  summary: (taskId: string) => `${ofTask(taskId)}/result-summary`,
  applications: (taskId: string) => `${ofTask(taskId)}/applications`,
  application: (taskId: string, reportId: string) => `${ofTask(taskId)}/applications/${reportId}`,
  publicList: "/public/results",
  publicOne: (id: string) => `/public/results/${id}`,
} as const;

export const resultKeys = {
  task: (taskId: string) => ["tasks", "results", taskId] as const,
  publicAll: ["public-results"] as const,
  publicList: (query: object) => ["public-results", query] as const,
  publicOne: (id: string) => ["public-results", "one", id] as const,
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
  publicList: (query: PublicResultsParams) => api.get<ListResult<PublicResultItem>>(resultEndpoints.publicList, query),
  publicOne: (id: string) => api.get<PublicResult>(resultEndpoints.publicOne(id)),
};

export const taskResultsQuery = (taskId: string) => ({
  queryKey: resultKeys.task(taskId),
  queryFn: () => resultsApi.get(taskId),
});

export const publicResultsQuery = (query: PublicResultsParams) => ({
  queryKey: resultKeys.publicList(query),
  queryFn: () => resultsApi.publicList(query),
});

export const publicResultQuery = (id: string) => ({
  queryKey: resultKeys.publicOne(id),
  queryFn: () => resultsApi.publicOne(id),
});

/**
 * Commands on a task's results: each answers a part (an acceptance, a summary, a report), so the results reload (also
 * after a 409); the task's documents (a file picked or uploaded), the task and its lists refresh.
 */
export function useResultsCommand(taskId: string) {
  return useRecordCommand(resultKeys.task(taskId), { lists: [taskKeys.documents(taskId), ...taskKeys.refreshed] });
}
