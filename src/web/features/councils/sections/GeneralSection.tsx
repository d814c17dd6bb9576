// The council's general information: label/value pairs in two columns up to wide screens, and the rule set's note as
// a paragraph under them. (With three columns and the long note spanning a row, the table's automatic layout gave the
// long texts the width and squeezed the council's kind to one character per line at 1366 px.) Above it, a member of
// the council is pointed to their ballots.
import { useNavigate } from "react-router";
import { Alert, Button, Card, Descriptions, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Council } from "../../../../common/api/council";
import { formatDate, formatDateTime } from "../../../app/format";

export function MembershipNotice({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!c.myMemberId) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t("councils.youAreMember")}
      action={
        <Button icon={<EditOutlined aria-hidden />} onClick={() => void navigate(`/councils/${c.id}/score`)}>
          {t("councils.openBallots")}
        </Button>
      }
    />
  );
}

export function GeneralSection({ council: c }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const items: NonNullable<DescriptionsProps["items"]> = [
    { key: "kind", label: t("councils.fields.kind"), children: t(`councils.kind.${c.kind}`) },
    {
      key: "rules",
      label: t("councils.fields.legalBasis"),
      children: `${c.ruleSet.legalBasis} (${en ? c.ruleSet.nameEn : c.ruleSet.nameVi}, v${c.ruleSet.version})`,
    },
    { key: "meeting", label: t("councils.fields.meetingAt"), children: formatDateTime(c.meetingAt) },
    { key: "place", label: t("councils.fields.place"), children: c.place },
    {
      key: "decision",
      label: t("councils.fields.decisionNumber"),
      children: [c.decisionNumber, formatDate(c.decisionDate)].filter(Boolean).join(" — "),
    },
    { key: "concluded", label: t("councils.fields.concludedAt"), children: formatDateTime(c.concludedAt) },
    { key: "reopen", label: t("councils.fields.reopenReason"), children: c.reopenReason },
    { key: "cancel", label: t("councils.fields.cancelReason"), children: c.cancelReason },
  ];
  return (
    <Card title={t("councils.sections.general")} className="record-section council-general">
      <Descriptions
        column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
        size="small"
        items={items.map((i) => ({
          ...i,
          children: i.children === null || i.children === undefined || i.children === "" ? <span className="muted">—</span> : i.children,
        }))}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <Typography.Text type="secondary">{t("councils.fields.ruleNote")}: </Typography.Text>
        {en ? c.ruleSet.noteEn : c.ruleSet.noteVi}
      </Typography.Paragraph>
    </Card>
  );
}

/** Whether the session is quorate (who is present against the rule set's requirements), and why not. */
export function QuorumSection({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const q = c.quorum;
  return (
    <Alert
      type={q.met ? "success" : "warning"}
      showIcon
      title={t(q.met ? "councils.quorum.met" : "councils.quorum.notMet", { present: q.present, total: q.votingMembers, required: q.required })}
      description={q.reasons.length ? q.reasons.map((r) => t(`councils.quorum.reason.${r}`)).join("; ") : undefined}
    />
  );
}
