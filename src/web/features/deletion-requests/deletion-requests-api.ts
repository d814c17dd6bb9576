// The deletion-requests API as the staff pages use it: the endpoints, the query keys, one request's query and the
// command hook of a request (complete, reject).
import type { z } from "zod";
import type { DeletionRequest, deletionCompleteInput, deletionRejectInput } from "../../../common/api/person";
import { api } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

type In<S extends z.ZodType> = z.input<S>;

const base = "/deletion-requests";
const one = (id: string) => `${base}/${id}`;

export const deletionRequestEndpoints = { list: base, one } as const;

export const deletionRequestKeys = {
  all: ["deletion-requests"] as const,
  /** the queue (ListView keys it ["deletion-requests", "list", query]) */
  lists: ["deletion-requests", "list"] as const,
  one: (id: string) => ["deletion-requests", "one", id] as const,
  /** the people's records: completing a request erases a person's personal data */
  people: ["people"] as const,
};

export const deletionRequestsApi = {
  get: (id: string) => api.get<DeletionRequest>(one(id)),
  complete: (id: string, body: In<typeof deletionCompleteInput>) => api.post<DeletionRequest>(`${one(id)}/complete`, body),
  reject: (id: string, body: In<typeof deletionRejectInput>) => api.post<DeletionRequest>(`${one(id)}/reject`, body),
};

/** One request, starting from the row the queue shows (a 409 reloads it, so the next command carries its version). */
export const deletionRequestQuery = (row: DeletionRequest) => ({
  queryKey: deletionRequestKeys.one(row.id),
  queryFn: () => deletionRequestsApi.get(row.id),
  initialData: row,
});

/** Commands on one request: the queue and the people's records refresh. */
export function useDeletionRequestCommand(id: string) {
  return useRecordCommand(deletionRequestKeys.one(id), { lists: [deletionRequestKeys.lists, deletionRequestKeys.people] });
}
