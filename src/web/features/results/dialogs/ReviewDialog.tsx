// The officer's review of an application report: accepted, or returned for revision with a comment.
import { Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { applicationReview, type ApplicationReport } from "../../../../common/api/result";
import { CommandDialog } from "../../../components/CommandDialog";
import { resultsApi, useResultsCommand } from "../results-api";

type Decision = "accepted" | "needs_revision";

export function ReviewDialog({ taskId, report, onClose }: { taskId: string; report: ApplicationReport; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useResultsCommand(taskId);
  return (
    <CommandDialog<{ decision: Decision; comment?: string | null }>
      title={t("results.applications.review")}
      command={command}
      schema={applicationReview}
      done="results.done.review"
      onClose={onClose}
      initialValues={{ decision: "accepted" }}
      submit={(v) => resultsApi.reviewApplication(taskId, report.id, { decision: v.decision, comment: v.comment || null, version: report.version })}
    >
      {({ rules }) => (
        <>
          <Form.Item name="decision" label={t("results.applications.decision")} rules={rules("decision", true, t("results.applications.decision"))}>
            <Radio.Group
              options={[
                { value: "accepted", label: t("results.status.accepted") },
                { value: "needs_revision", label: t("results.status.needs_revision") },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t("results.applications.reviewComment")}
            dependencies={["decision"]}
            rules={[
              ({ getFieldValue }) => ({ required: getFieldValue("decision") === "needs_revision", message: t("validation.required") }),
              ...rules("comment"),
            ]}
          >
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
