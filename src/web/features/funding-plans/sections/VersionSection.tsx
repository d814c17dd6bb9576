// One version of the plan: the version picker, a new scenario from it, the .xlsx export, what the version is, and
// its body — the baseline's checks of the printed figures and its implied inputs, or a scenario's model beside the
// baseline's.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Select, Space, Tag, Typography } from "antd";
import { DownloadOutlined, ExperimentOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { FundingPlanList } from "../../../../common/api/funding-plan";
import { download, errorMessage } from "../../../app/api";
import { formatDateTime } from "../../../app/format";
import { currentLang } from "../../../i18n/index";
import { planCitation } from "../../../../common/plan/citation";
import { ErrorState, LoadingState } from "../../../components/states";
import { ScenarioDialog } from "../dialogs/ScenarioDialog";
import { fundingPlanEndpoints, fundingPlanVersionQuery } from "../funding-plans-api";
import { ModelInputs, PlanTable } from "./ModelSections";
import { PrintedChecks } from "./PrintedChecks";

export function VersionSection({ list, versionId, onSelect }: { list: FundingPlanList; versionId: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = currentLang();
  const q = useQuery(fundingPlanVersionQuery(versionId, lang));
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(fundingPlanEndpoints.export(versionId), undefined, "khai-toan-kinh-phi.xlsx");
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const v = q.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Text strong id="fp-version-label">
          {t("fundingPlans.version")}
        </Typography.Text>
        <Select
          aria-labelledby="fp-version-label"
          style={{ minWidth: 360 }}
          value={versionId}
          onChange={onSelect}
          options={list.items.map((i) => ({
            value: i.id,
            label: `${i.number}. ${i.name}${i.kind === "baseline" ? ` (${t("fundingPlans.baseline")})` : ""}`,
          }))}
        />
        {list.abilities.createScenario && v && (
          <Button icon={<ExperimentOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t("fundingPlans.newScenario")}
          </Button>
        )}
        {list.abilities.export && (
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportXlsx}>
            {t("fundingPlans.export")}
          </Button>
        )}
      </Space>
      {q.isPending ? (
        <Card>
          <LoadingState rows={8} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t("fundingPlans.kind")}>
                <Tag color={q.data.kind === "baseline" ? "blue" : "purple"}>{t(`fundingPlans.kinds.${q.data.kind}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.unit")}>{lang === "en" ? q.data.unitEn : q.data.unitVi}</Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.source")}>
                {planCitation(q.data.sourceLines, lang)} — {q.data.titleVi}
              </Descriptions.Item>
              <Descriptions.Item label={t("fundingPlans.createdBy")}>
                {q.data.createdByName ?? t("fundingPlans.system")} · {formatDateTime(q.data.createdAt)}
              </Descriptions.Item>
              {q.data.note && <Descriptions.Item label={t("fundingPlans.note")}>{q.data.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {q.data.printedCheck ? (
            <>
              <PrintedChecks report={q.data.printedCheck} version={q.data} />
              <ModelInputs version={q.data} />
            </>
          ) : (
            <>
              <Alert type="info" showIcon message={t("fundingPlans.scenarioHelp")} />
              <PlanTable version={q.data} />
            </>
          )}
          <Typography.Text type="secondary">{q.data.footnoteVi}</Typography.Text>
        </>
      )}
      {creating && v && (
        <ScenarioDialog
          from={v}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onSelect(id);
          }}
        />
      )}
    </Space>
  );
}
