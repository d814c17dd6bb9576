// Write (or edit) the result's public summary; it is published once the result is registered.
import { Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { resultSummaryInput, type ResultSummary } from "../../../../common/api/result";
import { CommandDialog } from "../../../components/CommandDialog";
import { resultsApi, useResultsCommand } from "../results-api";

interface Values {
  abstractVi: string;
  abstractEn?: string | null;
  keywords?: string[];
  outputsSummary: string;
  applicationField?: string | null;
  contactOrganisation?: string | null;
}

export function SummaryDialog({ taskId, current, onClose }: { taskId: string; current: ResultSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useResultsCommand(taskId);
  return (
    <CommandDialog<Values>
      title={t("results.summary.title")}
      width={760}
      command={command}
      schema={resultSummaryInput}
      done="results.done.summary"
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t("results.summary.publicNote")}</Typography.Paragraph>}
      initialValues={current ?? { keywords: [] }}
      submit={(v) =>
        resultsApi.saveSummary(taskId, {
          abstractVi: v.abstractVi,
          abstractEn: v.abstractEn || null,
          keywords: (v.keywords ?? []).map((k) => k.replace(/;/g, ",").trim()).filter(Boolean),
          outputsSummary: v.outputsSummary,
          applicationField: v.applicationField || null,
          contactOrganisation: v.contactOrganisation || null,
          ...(current ? { version: current.version } : {}),
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="abstractVi" label={t("results.summary.abstractVi")} rules={rules("abstractVi", true, t("results.summary.abstractVi"))}>
            <Input.TextArea rows={5} maxLength={20000} />
          </Form.Item>
          <Form.Item name="abstractEn" label={t("results.summary.abstractEn")} rules={rules("abstractEn", false, t("results.summary.abstractEn"))}>
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Form.Item name="keywords" label={t("results.summary.keywords")}>
            <Select mode="tags" tokenSeparators={[",", ";"]} maxCount={20} open={false} />
          </Form.Item>
          <Form.Item
            name="outputsSummary"
            label={t("results.summary.outputsSummary")}
            rules={rules("outputsSummary", true, t("results.summary.outputsSummary"))}
          >
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Form.Item
            name="applicationField"
            label={t("results.summary.applicationField")}
            rules={rules("applicationField", false, t("results.summary.applicationField"))}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="contactOrganisation"
            label={t("results.summary.contactOrganisation")}
            rules={rules("contactOrganisation", false, t("results.summary.contactOrganisation"))}
          >
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
