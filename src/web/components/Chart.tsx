// A chart: ECharts (EChart.tsx, about half a megabyte) is downloaded the first time a page draws a chart, not with the
// page; until then the chart's place is held at its height, announced as loading.
import { lazy, Suspense } from "react";
import type { EChartsOption } from "echarts";
import { useTranslation } from "react-i18next";

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  /** what the chart shows, for screen readers */
  label: string;
}

const EChart = lazy(() => import("./EChart").then((m) => ({ default: m.EChart })));

export function Chart(props: ChartProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div role="status" aria-label={t("common.loading")} style={{ height: props.height ?? 300 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
