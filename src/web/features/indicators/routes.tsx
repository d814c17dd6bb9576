// The indicators' pages and the input series page.
import { RiseOutlined } from "@ant-design/icons";
import { lazyPage, type Feature } from "../../app/feature";
import { indicatorAccess } from "./indicator-access";

const IndicatorsListPage = lazyPage(() => import("./IndicatorsListPage"), "IndicatorsListPage");
const IndicatorDetailPage = lazyPage(() => import("./IndicatorDetailPage"), "IndicatorDetailPage");
const IndicatorEditPage = lazyPage(() => import("./IndicatorEditPage"), "IndicatorEditPage");
const SeriesPage = lazyPage(() => import("./SeriesPage"), "SeriesPage");

export const feature: Feature = {
  routes: [
    { path: "/indicators", page: IndicatorsListPage, allowed: indicatorAccess.list },
    { path: "/indicators/new", page: IndicatorEditPage, allowed: indicatorAccess.create },
    { path: "/indicators/series", page: SeriesPage, allowed: indicatorAccess.series },
    { path: "/indicators/:id", page: IndicatorDetailPage, allowed: indicatorAccess.list },
    { path: "/indicators/:id/edit", page: IndicatorEditPage, allowed: indicatorAccess.edit },
  ],
  menu: [
    { group: "statistics", order: 20, path: "/indicators", labelKey: "indicators.nav", icon: <RiseOutlined aria-hidden />, allowed: indicatorAccess.list },
  ],
};
