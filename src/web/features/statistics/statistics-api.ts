// The statistical-reporting API as the web app uses it: every endpoint, the query keys and the query factories the
// statistics pages share, and the command hooks of a period and of a report. No statistics page writes a URL.
import type { z } from "zod";
import type {
  AssignmentInput,
  ConsolidatedTable,
  FormVersion,
  FormVersionItem,
  Period,
  PeriodInput,
  PeriodItem,
  PeriodUpdate,
  Report,
  ReportPrefill,
  reportApprove,
  reportReturn,
  reportUnapprove,
} from "../../../common/api/statistics";
import { api, upload, type ListResult } from "../../app/api";
import { useRecordCommand } from "../../components/CommandDialog";

type In<S extends z.ZodType> = z.input<S>;

const periods = "/statistics/periods";
const period = (id: string) => `${periods}/${id}`;
const reports = "/statistics/reports";
const report = (id: string) => `${reports}/${id}`;
const consolidated = (periodId: string, formKey: string) => `${period(periodId)}/consolidated/${encodeURIComponent(formKey)}`;

export const statisticsEndpoints = {
  forms: "/statistics/forms",
  formVersion: (key: string, version: number) => `/statistics/forms/${encodeURIComponent(key)}/versions/${version}`,
  periods,
  period,
  consolidated,
  consolidatedExport: (periodId: string, formKey: string) => `${consolidated(periodId, formKey)}/export.xlsx`,
  reports,
  myReports: `${reports}?mine=true`,
  report,
  reportTemplate: (id: string) => `${report(id)}/export.xlsx`,
  organisations: "/organisations",
} as const;

export const statisticsKeys = {
  /** the periods: the list pages (ListView keys them ["statistics-periods", "list", query]) and the pickers */
  periods: ["statistics-periods"] as const,
  periodOptions: ["statistics-periods", "options"] as const,
  /** every period record */
  periodRecords: ["statistics-period"] as const,
  period: (id: string) => ["statistics-period", id] as const,
  /** the reports' list pages (ListView: ["statistics-reports", "list", query]) */
  reports: ["statistics-reports"] as const,
  report: (id: string) => ["statistics-report", id] as const,
  /** every consolidated table, and one form's of one period */
  consolidatedAll: ["statistics-consolidated"] as const,
  consolidated: (periodId: string, formKey: string | undefined) => ["statistics-consolidated", periodId, formKey] as const,
  forms: ["statistics-forms"] as const,
  formCatalogue: (all: boolean) => ["statistics-forms", { all }] as const,
  formVersion: (key: string | undefined, version: number | undefined) => ["statistics-form", key, version] as const,
  organisationOptions: (q: string) => ["/organisations", "options", q, 50] as const,
};

interface OrgOption {
  id: string;
  nameVi: string;
  abbreviation?: string | null;
}

export const statisticsApi = {
  forms: (all = false) => api.get<{ items: FormVersionItem[] }>(statisticsEndpoints.forms, all ? { all: true } : undefined),
  formVersion: (key: string, version: number) => api.get<FormVersion>(statisticsEndpoints.formVersion(key, version)),
  periodOptions: () => api.get<ListResult<PeriodItem>>(periods, { pageSize: 100, sort: "-year" }),
  period: (id: string) => api.get<Period>(period(id)),
  createPeriod: (body: PeriodInput) => api.post<Period>(periods, body),
  updatePeriod: (id: string, body: PeriodUpdate) => api.put<Period>(period(id), body),
  openPeriod: (id: string, version: number) => api.post<Period>(`${period(id)}/open`, { version }),
  closePeriod: (id: string, version: number) => api.post<Period>(`${period(id)}/close`, { version }),
  assign: (id: string, body: AssignmentInput) => api.post<{ created: number; existing: number }>(`${period(id)}/assignments`, body),
  unassign: (id: string, reportIds: string[]) => api.post<{ removed: number }>(`${period(id)}/assignments/remove`, { reportIds }),
  consolidated: (periodId: string, formKey: string) => api.get<ConsolidatedTable>(consolidated(periodId, formKey)),
  organisationOptions: (q: string) => api.get<ListResult<OrgOption>>(statisticsEndpoints.organisations, { q, pageSize: 50 }),
  report: (id: string) => api.get<Report>(report(id)),
  saveReport: (id: string, body: { values: Report["values"]; version: number }) => api.put<Report>(report(id), body),
  submitReport: (id: string, version: number) => api.post<Report>(`${report(id)}/submit`, { version }),
  returnReport: (id: string, body: In<typeof reportReturn>) => api.post<Report>(`${report(id)}/return`, body),
  approveReport: (id: string, body: In<typeof reportApprove>) => api.post<Report>(`${report(id)}/approve`, body),
  unapproveReport: (id: string, body: In<typeof reportUnapprove>) => api.post<Report>(`${report(id)}/unapprove`, body),
  prefill: (id: string) => api.get<ReportPrefill>(`${report(id)}/prefill`),
  importReport: (id: string, version: number, file: File, onProgress: (percent: number) => void) =>
    upload<Report>(`${report(id)}/import?version=${version}`, file, { onProgress }),
};

export type { OrgOption };

export const periodQuery = (id: string) => ({
  queryKey: statisticsKeys.period(id),
  queryFn: () => statisticsApi.period(id),
  staleTime: 0,
});

export const reportQuery = (id: string) => ({
  queryKey: statisticsKeys.report(id),
  queryFn: () => statisticsApi.report(id),
});

export const consolidatedQuery = (periodId: string, formKey: string | undefined) => ({
  queryKey: statisticsKeys.consolidated(periodId, formKey),
  queryFn: () => statisticsApi.consolidated(periodId, formKey!),
  enabled: !!formKey,
  // approvals elsewhere change it: always read it afresh when shown
  staleTime: 0,
});

/** Commands on one period (open, close, edit, assign): the answered period replaces the cached one; the lists refresh. */
export function usePeriodCommand(id: string | undefined) {
  return useRecordCommand(id ? statisticsKeys.period(id) : statisticsKeys.periods, { lists: [statisticsKeys.periods] });
}

/**
 * Commands on one report (save, submit, import, return, approve, un-approve): the answered report replaces the cached
 * one; the report lists, the periods' completeness and the consolidated tables refresh.
 */
export function useReportCommand(id: string) {
  return useRecordCommand(statisticsKeys.report(id), {
    lists: [statisticsKeys.reports, statisticsKeys.periods, statisticsKeys.periodRecords, statisticsKeys.consolidatedAll],
  });
}
