// The signed-in user (GET /auth/me), sign-in and sign-out. Any 401 from the API clears the session, which sends
// the user back to the sign-in page (RequireAuth).
import { useEffect } from "react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { Role } from "../../common/roles";
import type { Me } from "../../common/api/auth";
import { api, ApiError, onUnauthenticated } from "./api";

/** The signed-in user (GET /auth/me), as the shared contract describes it. */
export type { Me };

export const ME_KEY = ["auth", "me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>("/auth/me");
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

const sessionQuery = { queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false } as const;

/**
 * Asks for the session as the page starts (main.tsx), beside the language's texts rather than after them: the first
 * render then knows whether to show the sign-in form or the user's page, without a round trip of its own.
 */
export const prefetchSession = (qc: QueryClient) => qc.prefetchQuery(sessionQuery);

export function useSession() {
  const q = useQuery(sessionQuery);
  const me = q.data ?? null;
  const hasRole = (...roles: Role[]) => !!me && me.roles.some((r) => roles.includes(r));
  return { me, loading: q.isPending, error: q.error, refetch: q.refetch, hasRole, signedIn: !!me && me.mfa === "none" };
}

/** Listens for 401 answers anywhere and drops the session; RequireAuth then shows the sign-in page. */
export function SessionWatcher() {
  const qc = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        qc.setQueryData(ME_KEY, null);
      }),
    [qc],
  );
  return null;
}

/**
 * Signs out: the browser drops the session whatever the server answers (already ended, network trouble).
 * `everywhere` ends every session of the user on the server (all browsers and devices); when the server does not
 * confirm it, the error reaches the caller, since the other sessions may still be open.
 */
export function useSignOut() {
  const qc = useQueryClient();
  return async (everywhere = false) => {
    if (everywhere) await api.post("/auth/logout-all");
    else await api.post("/auth/logout").catch(() => undefined);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  };
}
