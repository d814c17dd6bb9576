// One reporting period: its state (draft → open → closed), completeness and timeliness per form and per
// organisation (every assigned report with its status, a link to it), assigning organisations (bulk), and the city's
// consolidated tables per form (the sum of the approved reports) with their xlsx export in the official layout. Each
// part lives in `sections/`, each command's dialog in `dialogs/` (on the shared CommandDialog).
import { useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../app/format";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { PageHelp } from "../guide/PageHelp";
import { ByFormSection } from "./sections/ByFormSection";
import { CompletenessSection } from "./sections/CompletenessSection";
import { ConsolidatedSection } from "./sections/ConsolidatedSection";
import { PeriodActions } from "./sections/PeriodActions";
import { PeriodCounts, PeriodDetails } from "./sections/PeriodOverview";
import { periodQuery } from "./statistics-api";
import { pick, useLang } from "./statistics-ui";

export function PeriodPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get("tab") ?? "completeness";
  const q = useQuery(periodQuery(id));
  const p = q.data;

  if (q.isLoading) return <LoadingState rows={10} />;
  if (q.error || !p) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  return (
    <>
      <PageHeader
        title={pick(lang, p.nameVi, p.nameEn)}
        subtitle={t("statistics.periods.headline", { year: p.year, reference: formatDate(p.referenceDate), deadline: formatDate(p.deadline) })}
        back="/statistics"
        extra={
          <>
            <PeriodActions period={p} />
            <PageHelp topic="statisticsReport" />
          </>
        }
      />
      <PeriodCounts counts={p.counts} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === "completeness" ? {} : { tab: k }, { replace: true })}
        items={[
          { key: "completeness", label: t("statistics.tabs.completeness"), children: tab === "completeness" ? <CompletenessSection period={p} /> : null },
          { key: "forms", label: t("statistics.tabs.forms"), children: tab === "forms" ? <ByFormSection period={p} /> : null },
          ...(p.abilities.consolidate
            ? [{ key: "consolidated", label: t("statistics.tabs.consolidated"), children: tab === "consolidated" ? <ConsolidatedSection period={p} /> : null }]
            : []),
          { key: "details", label: t("statistics.tabs.details"), children: tab === "details" ? <PeriodDetails period={p} /> : null },
        ]}
      />
    </>
  );
}
