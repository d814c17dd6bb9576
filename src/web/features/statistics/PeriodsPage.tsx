// Reporting periods of the statistical reporting regime (kỳ báo cáo thống kê): year, reference date, deadline, the
// forms collected, and how complete and timely the organisations' reports are. Staff create and edit periods here.
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Progress, Space, Tooltip } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PERIOD_STATUSES, type PeriodItem } from "../../../common/api/statistics";
import { formatDate, formatNumber } from "../../app/format";
import { useSession } from "../../app/session";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { PeriodDialog } from "./dialogs/PeriodDialog";
import { statisticsEndpoints } from "./statistics-api";
import { FormCodeTag, PeriodStatusTag, pct, pick, statisticsAccess, useLang } from "./statistics-ui";

export function PeriodsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const config = useMemo<ListConfig<PeriodItem>>(
    () => ({
      resource: "statistics-periods",
      endpoint: statisticsEndpoints.periods,
      rowKey: (p) => p.id,
      rowHref: (p) => `/statistics/periods/${p.id}`,
      searchLabel: t("statistics.periods.search"),
      filters: [
        {
          name: "status",
          label: t("statistics.fields.status"),
          kind: "options",
          options: PERIOD_STATUSES.map((s) => ({ value: s, label: t(`statistics.periodStatus.${s}`) })),
        },
        { name: "year", label: t("statistics.fields.year"), kind: "year" },
      ],
      columns: [
        { title: t("statistics.fields.year"), dataIndex: "year", sortKey: "year", width: 80 },
        {
          title: t("statistics.fields.period"),
          key: "name",
          render: (_: unknown, p) => <Link to={`/statistics/periods/${p.id}`}>{pick(lang, p.nameVi, p.nameEn)}</Link>,
        },
        { title: t("statistics.fields.deadline"), dataIndex: "deadline", sortKey: "deadline", render: (d: string) => formatDate(d) },
        { title: t("statistics.fields.status"), dataIndex: "status", render: (s: PeriodItem["status"]) => <PeriodStatusTag status={s} /> },
        {
          title: t("statistics.fields.forms"),
          key: "forms",
          render: (_: unknown, p) => (
            <Space size={2} wrap>
              {p.forms.map((f) => (
                <FormCodeTag key={f.key} code={f.code} titleVi={f.titleVi} titleEn={f.titleEn} />
              ))}
            </Space>
          ),
        },
        { title: t("statistics.fields.organisations"), dataIndex: "organisationCount", render: (n: number) => formatNumber(n) },
        {
          title: t("statistics.fields.completeness"),
          key: "completeness",
          width: 200,
          render: (_: unknown, p) => (
            <Tooltip
              title={t("statistics.periods.completenessTip", {
                received: p.counts.submitted + p.counts.approved,
                assigned: p.counts.assigned,
                approved: p.counts.approved,
              })}
            >
              <Progress
                aria-label={t("statistics.fields.completeness")}
                percent={p.counts.completenessPct ?? 0}
                size="small"
                format={() => pct(p.counts.completenessPct)}
              />
            </Tooltip>
          ),
        },
        { title: t("statistics.fields.timeliness"), key: "timeliness", render: (_: unknown, p) => pct(p.counts.timelinessPct) },
        { title: t("statistics.timeliness.overdue"), key: "overdue", render: (_: unknown, p) => formatNumber(p.counts.overdue) },
      ],
      actions: statisticsAccess.createPeriod(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("statistics.periods.create")}
        </Button>
      ) : undefined,
    }),
    [t, lang, me],
  );
  return (
    <>
      <PageHeader title={t("statistics.periods.title")} subtitle={t("statistics.periods.subtitle")} />
      <ListView config={config} />
      {creating && <PeriodDialog onClose={() => setCreating(false)} onSaved={(p) => navigate(`/statistics/periods/${p.id}`)} />}
    </>
  );
}
