// The city's aggregate of one form of a period: the sum of every approved report, in the form's own layout, with its
// .xlsx export in the official layout.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Empty, Flex, Segmented } from "antd";
import { CheckCircleOutlined, DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Period } from "../../../../common/api/statistics";
import { download, errorMessage } from "../../../app/api";
import { ErrorState, LoadingState } from "../../../components/states";
import { FormGrid } from "../FormGrid";
import { consolidatedQuery, statisticsEndpoints } from "../statistics-api";

export function ConsolidatedSection({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [formKey, setFormKey] = useState(p.forms[0]?.key);
  const q = useQuery(consolidatedQuery(p.id, formKey));
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(statisticsEndpoints.consolidatedExport(p.id, formKey!), undefined, `tong-hop-${formKey}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  if (!p.forms.length) return <Empty />;
  const c = q.data;
  return (
    <>
      <Flex gap={12} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t("statistics.fields.form")}
          value={formKey}
          onChange={(v) => setFormKey(String(v))}
          options={p.forms.map((f) => ({ value: f.key, label: f.code }))}
        />
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportXlsx} disabled={!c}>
          {t("statistics.consolidated.export")}
        </Button>
      </Flex>
      {q.isLoading ? (
        <LoadingState />
      ) : q.error || !c ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Alert
            className="stat-consolidated-note"
            type={c.approvedReports < c.assignedReports ? "info" : "success"}
            showIcon
            icon={<CheckCircleOutlined aria-hidden />}
            style={{ marginBottom: 12 }}
            title={t("statistics.consolidated.basis", { approved: c.approvedReports, assigned: c.assignedReports })}
          />
          <FormGrid definition={c.definition} values={c.values} consolidated />
        </>
      )}
    </>
  );
}
