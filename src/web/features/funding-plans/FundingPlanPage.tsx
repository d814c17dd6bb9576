// The 2014–2020 S&T funding plan (khái toán kinh phí, Đề án mục IV.6). Pick a version. The baseline (the plan as
// printed) leads with the errors of its printed table — relations of printed figures that no rounding explains — then
// the table exactly as printed with those figures marked, the other checks as notes by what rounding explains, and,
// apart, the model's inputs implied from the print. A scenario is the model only: each cell recomputed from its inputs
// beside the baseline's model. New scenarios are what-if edits of the inputs; the "actuals" tab records the money
// actually allocated per year and charts it against the plan and the 2%-of-spending target. Every figure and every
// sentence of arithmetic comes from GET /funding-plans… in the reader's language. Each part lives in `sections/`,
// each command's dialog in `dialogs/` (on the shared CommandDialog), the endpoints in `funding-plans-api.ts`.
import { useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { PageHelp } from "../guide/PageHelp";
import { fundingPlanListQuery } from "./funding-plans-api";
import { ActualsSection } from "./sections/ActualsSection";
import { VersionSection } from "./sections/VersionSection";

export function FundingPlanPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "actuals" ? "actuals" : "table";
  const list = useQuery(fundingPlanListQuery());
  const versionId = params.get("version") ?? list.data?.items.find((i) => i.kind === "baseline")?.id ?? null;
  const setParam = (k: string, v: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v === null) n.delete(k);
      else n.set(k, v);
      return n;
    });

  return (
    <>
      <PageHeader title={t("fundingPlans.title")} subtitle={t("fundingPlans.subtitle")} extra={<PageHelp topic="fundingPlan" />} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam("tab", k === "table" ? null : k)}
        items={[
          {
            key: "table",
            label: t("fundingPlans.tabs.table"),
            children: list.isPending ? (
              <Card>
                <LoadingState rows={8} />
              </Card>
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => list.refetch()} />
            ) : !versionId ? (
              <EmptyState description={t("fundingPlans.empty")} />
            ) : (
              <VersionSection list={list.data} versionId={versionId} onSelect={(id) => setParam("version", id)} />
            ),
          },
          { key: "actuals", label: t("fundingPlans.tabs.actuals"), children: <ActualsSection /> },
        ]}
      />
    </>
  );
}
