// The request log. No personal data in logs (ARCHITECTURE.md, security model): a request is logged with its method,
// its path, the route it matched and its query parameter NAMES; a parameter's value is logged only when it is one of
// the paging and sorting parameters below. Search words ("q", often a person's name) and every other free-text value
// are replaced by "[redacted]". Request headers (cookies, user agent) and bodies are not logged at all.
import type { FastifyRequest, FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";

/** Query parameters whose values are never personal data. */
const LOGGED_VALUES = new Set(["page", "pageSize", "sort", "order", "view", "format"]);

export const REDACTED = "[redacted]";

/** The URL as logged: the path, and the query with every value but paging and sorting replaced. */
export function loggedUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    parts.push(`${encodeURIComponent(name)}=${LOGGED_VALUES.has(name) ? encodeURIComponent(value) : REDACTED}`);
  }
  return url.slice(0, q) + (parts.length ? `?${parts.join("&")}` : "");
}

/** Where log lines go instead of standard output (tests read them). */
export interface LogDestination {
  write(line: string): void;
}

/** Fastify's logger options: off in tests unless a destination is given; the request serializer above. */
export function loggerOptions(config: Config, destination?: LogDestination): FastifyServerOptions["logger"] {
  if (config.env === "test" && !destination) return false;
  return {
    level: config.logLevel,
    ...(destination ? { stream: destination } : {}),
    redact: ["req.headers.cookie", "req.headers.authorization"],
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: loggedUrl(req.url),
        route: req.routeOptions?.url ?? null,
        remoteAddress: req.ip,
      }),
    },
  };
}
