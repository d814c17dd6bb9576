// The dossier form's values and their mapping: the record → the form (a new dossier starts with its PI in the team),
// the form → the PUT body, and the fields compared after a 409 version conflict.
import dayjs, { type Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import type { BudgetCategory, BudgetSource, Dossier, DossierProduct, TeamRole } from "../../../../common/api/task";
import { formatDate } from "../../../app/format";
import { cleanValues } from "../../../components/form-rules";
import type { CompareField } from "../../../components/RecordForm";

export interface MilestoneValues {
  content?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  deliverable?: string | null;
}
export interface TeamValues {
  personId?: string | null;
  role?: TeamRole;
  months?: number | null;
}
export interface BudgetValues {
  year?: number;
  source?: BudgetSource;
  category?: BudgetCategory;
  amount?: number;
}
export interface DossierValues {
  objectives?: string | null;
  content?: string | null;
  methods?: string | null;
  novelty?: string | null;
  applicationPlan?: string | null;
  durationMonths?: number | null;
  startDate?: Dayjs | null;
  products?: Partial<DossierProduct>[];
  milestones?: MilestoneValues[];
  team?: TeamValues[];
  budget?: BudgetValues[];
}

export const TEXT_SECTIONS = ["objectives", "content", "methods", "novelty", "applicationPlan"] as const;
export function toValues(d: Dossier): DossierValues {
  return {
    objectives: d.objectives,
    content: d.content,
    methods: d.methods,
    novelty: d.novelty,
    applicationPlan: d.applicationPlan,
    durationMonths: d.durationMonths,
    startDate: d.startDate ? dayjs(d.startDate) : null,
    products: d.products,
    milestones: d.milestones.map((m) => ({ ...m, startsOn: dayjs(m.startsOn), endsOn: dayjs(m.endsOn) })),
    // a new dossier starts with its PI in the team
    team: d.team.length ? d.team.map(({ personId, role, months }) => ({ personId, role, months })) : [{ personId: d.piPersonId, role: "pi", months: null }],
    budget: d.budget,
  };
}

export function toBody(v: DossierValues): object {
  const body = cleanValues(v as Record<string, unknown>) as Record<string, unknown>;
  for (const k of ["products", "milestones", "team", "budget"] as const) body[k] = (body[k] as unknown[] | undefined) ?? [];
  body.team = (body.team as TeamValues[]).map((m) => ({ ...m, months: m.months ?? null }));
  return body;
}

export function compareFields(t: TFunction): CompareField[] {
  const f = (name: string, display?: CompareField["display"]): CompareField => ({ name, label: t(`tasks.dossier.fields.${name}`), display });
  const count = (v: unknown) => t("tasks.dossier.rows", { count: Array.isArray(v) ? v.length : 0 });
  return [
    ...TEXT_SECTIONS.map((n) => f(n)),
    f("durationMonths"),
    f("startDate", (v) => formatDate((v as Dayjs).toDate())),
    f("products", count),
    f("milestones", count),
    f("team", count),
    f("budget", count),
  ];
}
