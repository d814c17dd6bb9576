// The review of a report, as its abilities allow: approve (not while it has errors) or return it, or withdraw an
// approval; each opens its dialog.
import { useState } from "react";
import { Button, Card, Space, Typography } from "antd";
import { CheckOutlined, RollbackOutlined, UnlockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Report } from "../../../../common/api/statistics";
import { ReviewDialog, type ReviewKind } from "../dialogs/ReviewDialog";

export function ReviewSection({ report: r }: { report: Report }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ReviewKind | null>(null);
  if (!r.abilities.review && !r.abilities.unapprove) return null;
  return (
    <Card title={t("statistics.review.title")} style={{ marginBottom: 16 }}>
      <Space wrap>
        {r.abilities.review && (
          <>
            <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog("approve")} disabled={r.errorCount > 0}>
              {t("statistics.review.approve")}
            </Button>
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog("return")}>
              {t("statistics.review.return")}
            </Button>
          </>
        )}
        {r.abilities.unapprove && (
          <Button danger icon={<UnlockOutlined aria-hidden />} onClick={() => setDialog("unapprove")}>
            {t("statistics.review.unapprove")}
          </Button>
        )}
      </Space>
      {r.abilities.review && r.errorCount > 0 && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("statistics.review.hasErrors", { count: r.errorCount })}
        </Typography.Paragraph>
      )}
      {dialog && <ReviewDialog kind={dialog} report={r} onClose={() => setDialog(null)} />}
    </Card>
  );
}
