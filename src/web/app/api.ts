// The one way the web app talks to the API: JSON over fetch with the session cookie, the UI language in
// Accept-Language (so server messages come back in it), one error type, and a global "signed out" signal on 401.
import i18n from "../i18n/index";

export const API = "/api/v1";

/**
 * How a request reaches the API: the browser's fetch. A signed-in page rendered on the server asks its queries through
 * the server itself instead (prerender.tsx `renderSignedIn`).
 */
let transport: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init);
export const setTransport = (fetcher: typeof transport) => {
  transport = fetcher;
};

export interface ApiErrorBody {
  code: string;
  message: string;
  details: unknown;
}

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details: unknown = null,
  ) {
    super(message);
  }
  /** Per-field issues of a 400 VALIDATION_FAILED answer. */
  get fieldIssues(): FieldIssue[] {
    return this.code === "VALIDATION_FAILED" && Array.isArray(this.details) ? (this.details as FieldIssue[]) : [];
  }
  /** The record as it is now, sent with 409 VERSION_CONFLICT. */
  get current(): unknown {
    const d = this.details as { current?: unknown } | null;
    return this.code === "VERSION_CONFLICT" && d ? d.current : undefined;
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when any API call (other than the sign-in steps themselves) answers 401. */
export function onUnauthenticated(fn: Listener): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}
const SIGN_IN_URLS = ["/auth/login", "/auth/totp/verify", "/auth/me"];

function languageHeader(): Record<string, string> {
  return { "Accept-Language": i18n.language === "en" ? "en" : "vi" };
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: { error?: ApiErrorBody } | undefined;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? i18n.t("errors.http", { status: res.status }), e?.details ?? null);
}

function signalIf401(url: string, status: number) {
  if (status === 401 && !SIGN_IN_URLS.some((u) => url.startsWith(u))) unauthenticatedListeners.forEach((fn) => fn());
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${url}${url.includes("?") ? "&" : "?"}${s}` : url;
}

export async function request<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await transport(API + url, {
      method,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        ...languageHeader(),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!res.ok) {
    signalIf401(url, res.status);
    throw await toApiError(res);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>("GET", withQuery(url, query)),
  post: <T>(url: string, body: unknown = {}) => request<T>("POST", url, body),
  put: <T>(url: string, body: unknown) => request<T>("PUT", url, body),
  delete: <T = void>(url: string, query?: Query) => request<T>("DELETE", withQuery(url, query)),
};

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Downloads a file answer (export, template) and saves it under the server's file name. */
export async function download(url: string, query?: Query, fallbackName = "download"): Promise<string> {
  let res: Response;
  try {
    res = await fetch(API + withQuery(url, query), { credentials: "same-origin", headers: languageHeader() });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!res.ok) {
    signalIf401(url, res.status);
    throw await toApiError(res);
  }
  const blob = await res.blob();
  const name = filenameOf(res, fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/** Uploads one file as multipart field "file" with XMLHttpRequest so the upload progress can be shown. */
/** POSTs one file as multipart (field "file"), after the form's text `fields` (the server reads fields before the file). */
export function upload<T>(
  url: string,
  file: File,
  opts: { onProgress?: (percent: number) => void; headers?: Record<string, string>; fields?: Record<string, string | undefined> } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", API + url);
    xhr.withCredentials = true;
    const headers = { Accept: "application/json", ...languageHeader(), ...opts.headers };
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
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
        opts.onProgress?.(100);
        resolve(body as T);
        return;
      }
      signalIf401(url, xhr.status);
      const e = (body as { error?: ApiErrorBody } | undefined)?.error;
      reject(new ApiError(xhr.status, e?.code ?? `HTTP_${xhr.status}`, e?.message ?? i18n.t("errors.http", { status: xhr.status }), e?.details ?? null));
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(opts.fields ?? {})) if (v !== undefined && v !== "") form.append(k, v);
    form.append("file", file);
    xhr.send(form);
  });
}

export interface ListResult<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return i18n.t("errors.unknown");
}
