// One error type for the whole server; one handler maps every error to { error: { code, message, details } }.
import type { MessageKey } from "./messages.js";

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    public readonly messageKey: MessageKey,
    public readonly details?: unknown,
    public readonly params: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** A refusal by a policy: audited as a denied access. A record the actor may not see answers 404 like a missing one. */
export class AccessDenied extends AppError {}

export const notFound = () => new AppError("NOT_FOUND", 404, "error.not_found");
export const hiddenRecord = () => new AccessDenied("NOT_FOUND", 404, "error.not_found");
export const forbidden = () => new AccessDenied("FORBIDDEN", 403, "error.forbidden");
export const unauthenticated = () => new AppError("UNAUTHENTICATED", 401, "error.unauthenticated");
/** Stale write: answers 409 with the record as it is now, so the client can show it beside the user's input. */
export const staleVersion = (current: unknown) => new AppError("VERSION_CONFLICT", 409, "error.conflict_version", { current });
/**
 * 409 LOCKED: the record is final in its state (an approved statistical report, a concluded council, a submitted
 * dossier, an accepted report) and takes no more changes; the message says why, `details.status` names the state.
 * The one code for "locked" everywhere; a state that merely does not allow this command is 409 INVALID_STATE.
 */
export const locked = (messageKey: MessageKey, details: Record<string, unknown> = {}, params: Record<string, unknown> = {}) =>
  new AppError("LOCKED", 409, messageKey, details, params);
export const badInput = (messageKey: MessageKey, params: Record<string, unknown> = {}, details?: unknown) =>
  new AppError("VALIDATION_FAILED", 400, messageKey, details, params);
