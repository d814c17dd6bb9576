// Values of "consolidated" indicators: the city's total of one cell of a statistical form over the approved reports
// of each reporting period's year, read through the statistics module's consolidation (consolidatedCellValues).
// A form or cell without approved reports gives no values.
import type { Executor } from "../../platform/context.js";
import { consolidatedCellValues } from "../statistics/statistics.consolidation.js";

export async function consolidatedValues(db: Executor, formCode: string, cellKey: string) {
  const rows = await consolidatedCellValues(db, formCode, cellKey);
  return rows
    .filter((r) => Number.isFinite(r.value))
    .map((r) => ({ year: r.year, value: r.value, source: `Tổng hợp từ các báo cáo thống kê đã duyệt: biểu ${formCode}, ô ${cellKey}` }));
}
