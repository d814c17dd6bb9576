// The officer's review of a submitted report — return it with a comment (required) or approve it (comment optional) —
// and a leader's withdrawal of an approval with a reason (at least 5 characters). Each field is checked with the
// shared body's rule; the command goes out with the report's version.
import { Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { reportApprove, reportReturn, reportUnapprove, type Report } from "../../../../common/api/statistics";
import { CommandDialog } from "../../../components/CommandDialog";
import { statisticsApi, useReportCommand } from "../statistics-api";

export type ReviewKind = "return" | "approve" | "unapprove";

const SCHEMAS = { return: reportReturn, approve: reportApprove, unapprove: reportUnapprove };

export function ReviewDialog({ kind, report: r, onClose }: { kind: ReviewKind; report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useReportCommand(r.id);
  const field = kind === "unapprove" ? "reason" : "comment";
  const submit = (v: { comment?: string; reason?: string }) => {
    if (kind === "return") return statisticsApi.returnReport(r.id, { comment: v.comment?.trim() ?? "", version: r.version });
    if (kind === "approve") return statisticsApi.approveReport(r.id, { comment: v.comment?.trim() || null, version: r.version });
    return statisticsApi.unapproveReport(r.id, { reason: v.reason?.trim() ?? "", version: r.version });
  };
  return (
    <CommandDialog<{ comment?: string; reason?: string }>
      title={t(`statistics.review.dialog.${kind}`)}
      okText={t(`statistics.review.${kind}`)}
      danger={kind === "unapprove"}
      command={command}
      schema={SCHEMAS[kind]}
      submit={submit}
      done={`statistics.review.done.${kind}`}
      onClose={onClose}
      intro={kind === "unapprove" && <Typography.Paragraph type="secondary">{t("statistics.review.unapproveHint")}</Typography.Paragraph>}
    >
      {({ rules }) => (
        <Form.Item
          name={field}
          label={t(kind === "unapprove" ? "statistics.review.reason" : "statistics.review.comment")}
          rules={[
            ...(kind === "approve"
              ? []
              : [
                  {
                    required: true,
                    whitespace: true,
                    min: kind === "unapprove" ? 5 : 1,
                    message: t(kind === "unapprove" ? "statistics.review.reasonRequired" : "statistics.review.commentRequired"),
                  },
                ]),
            ...rules(field),
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
