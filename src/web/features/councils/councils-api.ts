// The councils API as the web app uses it: every endpoint, the query keys and the query factories. The council pages
// (and the task page's councils tab) call these; no council page writes a URL.
import type { z } from "zod";
import type {
  Ballot,
  BallotInput,
  ConflictCheck,
  Council,
  CouncilInput,
  MemberInput,
  MyCouncil,
  TaskCouncil,
  attendanceInput,
  conflictCheckInput,
  councilReasonBody,
  councilVersionBody,
  declarationInput,
  paperDeclarationInput,
} from "../../../common/api/council";
import type { TaskListItem } from "../../../common/api/task";
import { api, type ListResult } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

type In<S extends z.ZodType> = z.input<S>;
/** the council commands that take only the version, and those that also take a reason */
export type SimpleAction = "invite" | "open" | "conclude";
export type ReasonAction = "reopen" | "cancel";

const base = "/councils";
const one = (id: string) => `${base}/${id}`;
const member = (id: string, memberId: string) => `${one(id)}/members/${memberId}`;

export const councilEndpoints = {
  list: base,
  one,
  mine: `${base}/mine`,
  ofTask: (taskId: string) => `${base}/of-task/${taskId}`,
  ballots: (id: string) => `${one(id)}/ballots`,
  /** tasks to choose a council's subjects from */
  taskOptions: "/tasks",
} as const;

export const councilKeys = {
  /** everything about councils (lists, records, ballots) */
  all: ["councils"] as const,
  /** the list pages (ListView keys them [resource, "list", query]) */
  lists: ["councils", "list"] as const,
  one: (id: string) => ["councils", "one", id] as const,
  mine: ["councils", "mine"] as const,
  ofTask: (taskId: string) => ["councils", "of-task", taskId] as const,
  ballots: (id: string) => ["councils", "ballots", id] as const,
  taskOptions: (q: string) => ["councils", "task-options", q] as const,
};

export const councilsApi = {
  get: (id: string) => api.get<Council>(one(id)),
  create: (body: CouncilInput) => api.post<Council>(base, body),
  mine: () => api.get<{ items: MyCouncil[] }>(councilEndpoints.mine),
  ofTask: (taskId: string) => api.get<{ items: TaskCouncil[] }>(councilEndpoints.ofTask(taskId)),
  taskOptions: (q: string) => api.get<ListResult<TaskListItem>>(councilEndpoints.taskOptions, { q: q || undefined, pageSize: 20 }),
  /** invite, open, conclude */
  act: (id: string, action: SimpleAction, body: In<typeof councilVersionBody>) => api.post<Council>(`${one(id)}/${action}`, body),
  /** reopen, cancel */
  actWithReason: (id: string, action: ReasonAction, body: In<typeof councilReasonBody>) => api.post<Council>(`${one(id)}/${action}`, body),
  conflictCheck: (id: string, body: In<typeof conflictCheckInput>) => api.post<ConflictCheck>(`${one(id)}/conflict-check`, body),
  addMember: (id: string, body: MemberInput) => api.post<Council>(`${one(id)}/members`, body),
  removeMember: (id: string, memberId: string, body: In<typeof councilVersionBody>) => api.post<Council>(`${member(id, memberId)}/remove`, body),
  overrideConflict: (id: string, memberId: string, body: In<typeof councilReasonBody>) => api.post<Council>(`${member(id, memberId)}/override-conflict`, body),
  paperDeclaration: (id: string, memberId: string, body: In<typeof paperDeclarationInput>) =>
    api.post<Council>(`${member(id, memberId)}/paper-declaration`, body),
  attendance: (id: string, body: In<typeof attendanceInput>) => api.post<Council>(`${one(id)}/attendance`, body),
  /** the signed-in member's own declaration */
  declare: (id: string, body: In<typeof declarationInput>) => api.post<Council>(`${one(id)}/declaration`, body),
  ballots: (id: string) => api.get<{ ballots: Ballot[] }>(councilEndpoints.ballots(id)),
  saveBallot: (id: string, subjectId: string, body: BallotInput) => api.put<Ballot>(`${one(id)}/ballots/${subjectId}`, body),
};

export const councilQuery = (id: string) => ({
  queryKey: councilKeys.one(id),
  queryFn: () => councilsApi.get(id),
});

export const myCouncilsQuery = () => ({
  queryKey: councilKeys.mine,
  queryFn: () => councilsApi.mine(),
});

export const taskCouncilsQuery = (taskId: string) => ({
  queryKey: councilKeys.ofTask(taskId),
  queryFn: () => councilsApi.ofTask(taskId),
});

export const ballotsQuery = (id: string) => ({
  queryKey: councilKeys.ballots(id),
  queryFn: () => councilsApi.ballots(id),
});

export const councilTaskOptionsQuery = (q: string) => ({
  queryKey: councilKeys.taskOptions(q),
  queryFn: () => councilsApi.taskOptions(q),
});

/**
 * Commands on one council: the answered council replaces the cached one; another answer (a ballot) reloads it; every
 * council query (lists, ballots, "my ballots", a task's councils) refreshes.
 */
export function useCouncilCommand(id: string) {
  return useRecordCommand(councilKeys.one(id), { lists: [councilKeys.all] });
}

/**
 * A ballot saved on one subject (the member's own, or a paper ballot an officer enters): the answer is a ballot, so
 * the ballots reload (also after a 409, e.g. a stale ballot version), and every council query refreshes.
 */
export function useBallotCommand(id: string) {
  return useRecordCommand(councilKeys.ballots(id), { lists: [councilKeys.all] });
}
