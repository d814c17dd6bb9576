// Named computations: indicator values computed from the platform's own records when read (value source
// "computed"). Each returns one value per year it can compute, with the arithmetic as its source text.
//
// The people registry (people, person_affiliations, organisations) is a snapshot of today: it can give the value of
// the CURRENT year only (earlier years are entered from statistics, and an entered value wins over a computed one).
// Its figures are counted by the upkeep and stored (registry-figures.ts, which defines the S&T workforce); the source
// text says when they were counted. Definitions:
// - S&T workforce ("st_workforce"): registry-figures.ts. This is the population of target (6)'s "cán bộ có trình độ
//   đại học trở lên" of universities, colleges and S&T organisations (baseline ~4,900), and the best the registry can
//   tell of R&D staff.
// - R&D staff per 10,000 people ("rd_staff_per_10k"): the S&T workforce ÷ population × 10,000, with the population
//   of the year (series `population`) or, failing that, the latest earlier year (said in the source text).
// - Postgraduate share ("postgraduate_share"): within the S&T workforce, degree TSKH, TS or ThS ÷ all × 100.
// - S&T share of city spending ("budget_share_of_spending") and social S&T investment as % of GDP
//   ("social_investment_pct_gdp"): from the funding-plan module's actual allocations against the series
//   `city_spending` and `gdp` (budgetAgainstTargets), for each year where both are known.
// Graduates per 10,000 people (target 6, 850) is NOT computed: the registry holds S&T people, not every graduate of
// the city, so it cannot tell; that indicator is entered from the city's labour statistics.
import type { Executor } from "../../platform/context.js";
import { readSeries } from "./series.js";
import { budgetAgainstTargets } from "../funding-plans/funding-plans.summary.js";
import { readRegistryFigures, type WorkforceFigures } from "./registry-figures.js";
import { formatDateTimeVi } from "../../platform/csv.js";
import { formatNumber } from "../../../common/number-format.js";

export interface ComputedValue {
  year: number;
  value: number;
  source: string;
}
export interface ComputationOptions {
  /** today's date in Vietnam (YYYY-MM-DD): the registry counts are of this year */
  today: string;
  /** shared by the computations of one read: a figure several indicators use (the workforce, the budget tracking)
   *  is queried once */
  memo?: Map<string, Promise<unknown>>;
}

/** The memo key of the funding plan's budget tracking (budgetAgainstTargets), which a caller may pass in. */
export const SHARED_BUDGET = "budget";

function once<T>(opts: ComputationOptions, key: string, f: () => Promise<T>): Promise<T> {
  if (!opts.memo) return f();
  let p = opts.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = f();
    opts.memo.set(key, p);
  }
  return p;
}
export type Computation = (db: Executor, opts: ComputationOptions) => Promise<ComputedValue[]>;

const fmt = (n: number, digits = 2) => formatNumber(n, "vi-VN", digits);

/** "14:05 27/11/2026" in Vietnam time: the hour first, as said in a sentence */
const vnTime = (iso: string) => formatDateTimeVi(new Date(iso)).split(" ").reverse().join(" ");

const yearOf = (today: string) => Number(today.slice(0, 4));

/** The workforce figures with the words that say where they come from. */
async function workforce(db: Executor, opts: ComputationOptions): Promise<WorkforceFigures & { year: number; from: string }> {
  const f = await once(opts, "registry", () => readRegistryFigures(db, opts.today));
  const when = f.computedAt ? `số liệu lúc ${vnTime(f.computedAt)}` : `ngày ${f.asOf}`;
  return { ...f.workforce, year: yearOf(f.asOf), from: `Cơ sở dữ liệu nhân lực KH&CN, ${when}` };
}

export const computations: Record<string, Computation> = {
  async st_workforce(db, opts) {
    const { total, year, from } = await workforce(db, opts);
    return [{ year, value: total, source: `${from}: ${fmt(total, 0)} người có trình độ ĐH trở lên tại trường ĐH, CĐ, tổ chức KH&CN` }];
  },
  async postgraduate_share(db, opts) {
    const { total, postgraduate, year, from } = await workforce(db, opts);
    if (total === 0) return [];
    const value = (postgraduate / total) * 100;
    return [{ year, value, source: `${from}: ${fmt(postgraduate, 0)} TSKH, TS, ThS ÷ ${fmt(total, 0)} người × 100 = ${fmt(value)}%` }];
  },
  async rd_staff_per_10k(db, opts) {
    const { total, year, from } = await workforce(db, opts);
    const population = (await readSeries(db, ["population"])).population!.filter((p) => p.year <= year && p.value > 0);
    const pop = population[population.length - 1];
    if (!pop) return [];
    const value = (total / pop.value) * 10000;
    const popText = `dân số ${pop.year}${pop.estimate ? " (ước tính)" : ""} ${fmt(pop.value, 0)}`;
    return [{ year, value, source: `${from}: ${fmt(total, 0)} người ÷ ${popText} × 10.000 = ${fmt(value)} người/vạn dân` }];
  },
};

async function fromFundingPlan(db: Executor, opts: ComputationOptions, pick: "share" | "social"): Promise<ComputedValue[]> {
  const rows = await once(opts, SHARED_BUDGET, () => budgetAgainstTargets(db));
  const out: ComputedValue[] = [];
  for (const r of rows) {
    if (pick === "share" && r.sharePct !== null && r.cityStBudget !== null && r.citySpending !== null) {
      out.push({
        year: r.year,
        value: r.sharePct,
        source: `Kinh phí KH&CN từ ngân sách thành phố ${fmt(r.cityStBudget, 3)} tỷ đồng ÷ tổng chi ngân sách ${fmt(r.citySpending, 3)} tỷ đồng (${r.citySpendingSource ?? ""}) × 100`,
      });
    }
    if (pick === "social" && r.socialPctGdp !== null && r.socialInvestment !== null && r.gdp !== null) {
      out.push({
        year: r.year,
        value: r.socialPctGdp,
        source: `Đầu tư xã hội cho KH&CN ${fmt(r.socialInvestment, 3)} tỷ đồng ÷ GDP ${fmt(r.gdp, 3)} tỷ đồng (${r.gdpSource ?? ""}) × 100`,
      });
    }
  }
  return out;
}
computations.budget_share_of_spending = (db, opts) => fromFundingPlan(db, opts, "share");
computations.social_investment_pct_gdp = (db, opts) => fromFundingPlan(db, opts, "social");

export const COMPUTATION_INFO: Record<string, { descriptionVi: string; descriptionEn: string; unitVi: string }> = {
  st_workforce: {
    descriptionVi:
      "Số người có trình độ ĐH trở lên tại trường ĐH, CĐ, tổ chức nghiên cứu - phát triển, dịch vụ KH&CN, doanh nghiệp KH&CN (cơ sở dữ liệu nhân lực, năm hiện tại)",
    descriptionEn:
      "People with a university degree or higher at universities, colleges, R&D and S&T service organisations, S&T enterprises (people registry, current year)",
    unitVi: "người",
  },
  postgraduate_share: {
    descriptionVi: "Tỷ lệ TSKH, TS, ThS trong đội ngũ trên (năm hiện tại)",
    descriptionEn: "Share of DSc, PhD and master holders in that workforce (current year)",
    unitVi: "%",
  },
  budget_share_of_spending: {
    descriptionVi: "Kinh phí KH&CN thực cấp từ ngân sách thành phố (kế hoạch kinh phí) chia tổng chi ngân sách (chuỗi city_spending) nhân 100",
    descriptionEn: "City S&T budget actually allocated (funding plan actuals) divided by total city spending (series city_spending) times 100",
    unitVi: "%",
  },
  social_investment_pct_gdp: {
    descriptionVi: "Ngân sách thành phố và nguồn khác huy động cho KH&CN (kế hoạch kinh phí) chia GDP (chuỗi gdp) nhân 100",
    descriptionEn: "City budget and other sources mobilised for S&T (funding plan actuals) divided by GDP (series gdp) times 100",
    unitVi: "% GDP",
  },
  rd_staff_per_10k: {
    descriptionVi: "Đội ngũ trên chia cho dân số (chuỗi population) nhân 10.000 (năm hiện tại)",
    descriptionEn: "That workforce divided by the population (series population) times 10,000 (current year)",
    unitVi: "người/vạn dân",
  },
};
