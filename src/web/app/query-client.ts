// Server state: TanStack Query. A 4xx answer is final (no retries); network trouble and 5xx are retried once. A page
// opened again shows what it had at once and asks the server again (staleTime 0): other users move the same records
// (a payment recorded, a contract signed), and a page must not show them as they were a moment ago.
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api";

/** A client with the app's defaults: the browser's one below, and one per page rendered on the server (prerender.tsx). */
export const newQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });

export const queryClient = newQueryClient();
