// ECharts, tree-shaken to the charts the app uses, with the app's palette. Loaded on demand by Chart.tsx (its own chunk).
import ReactEChartsCore from "echarts-for-react/esm/core";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useReducedMotion } from "../app/reduced-motion";
import type { ChartProps } from "./Chart";

// Bars and pies (dashboards, statistics); lines, points and marked areas (the indicators' paths and targets).
echarts.use([BarChart, PieChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkAreaComponent, CanvasRenderer]);

const PALETTE = ["#0b4f8a", "#2a9d8f", "#e9a23b", "#c8553d", "#6a4c93", "#4f772d", "#1d8ad1", "#8d6e63", "#d35d90", "#607d8b"];

export function EChart({ option, height = 300, label }: ChartProps) {
  const reducedMotion = useReducedMotion();
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        // the chart's own description is the caller's label (ECharts would describe it in English)
        option={{
          color: PALETTE,
          aria: { enabled: true, label: { description: label } },
          animation: !reducedMotion,
          textStyle: { fontFamily: "inherit" },
          ...option,
        }}
        style={{ height, width: "100%" }}
        notMerge
        lazyUpdate
      />
    </div>
  );
}
