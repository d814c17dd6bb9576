// The member's scoring page: the declaration dialog first, then one ballot per subject following the council's rule
// set (`sections/BallotCard`) — points with the maximum per criterion and a live total, Đạt / Không đạt per criterion,
// or grades per product and for the report — saved as a draft or submitted (final). Before conclusion a member sees
// only their own ballots.
import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Form, Input, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { declarationInput, type Council } from "../../../common/api/council";
import { formatDateTime } from "../../app/format";
import { CommandDialog } from "../../components/CommandDialog";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { PageHelp } from "../guide/PageHelp";
import { CouncilStatusTag } from "./council-ui";
import { ballotsQuery, councilQuery, councilsApi, useCouncilCommand } from "./councils-api";
import { BallotCard } from "./sections/BallotCard";

export function ScorePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const council = useQuery(councilQuery(id));
  const ballots = useQuery({ ...ballotsQuery(id), enabled: !!council.data?.myMemberId });
  if (council.isPending) return <LoadingState />;
  if (council.isError) return <ErrorState error={council.error} onRetry={() => void council.refetch()} />;
  const c = council.data;
  const me = c.members.find((m) => m.id === c.myMemberId);
  return (
    <>
      <PageHeader title={c.title} subtitle={<CouncilStatusTag status={c.status} />} back="/councils/mine" extra={<PageHelp topic="council" />} />
      {!me ? (
        <Alert type="warning" showIcon title={t("councils.score.notMember")} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Alert
            type="info"
            showIcon
            title={t("councils.score.confidential")}
            description={`${c.ruleSet.legalBasis} — ${en ? c.ruleSet.noteEn : c.ruleSet.noteVi}`}
          />
          {!me.declarationSignedAt && (c.status === "invited" || c.status === "in_session") && <DeclarationNotice council={c} />}
          {me.declarationSignedAt && (
            <Typography.Text type="secondary">{t("councils.score.signedAt", { at: formatDateTime(me.declarationSignedAt) })}</Typography.Text>
          )}
          {/* Why the ballots cannot be scored now, as the server decides (the declaration notice above covers its own case) */}
          {c.scoring && !c.scoring.allowed && c.scoring.reason && !(c.status === "in_session" && !me.declarationSignedAt) && (
            <Alert type="warning" showIcon title={en ? c.scoring.reason.en : c.scoring.reason.vi} />
          )}
          {ballots.isPending ? (
            <LoadingState />
          ) : ballots.isError ? (
            <ErrorState error={ballots.error} onRetry={() => void ballots.refetch()} />
          ) : (
            c.subjects.map((s) => (
              <BallotCard
                key={s.id}
                council={c}
                subject={s}
                ballot={ballots.data.ballots.find((b) => b.subjectId === s.id) ?? null}
                editable={!!c.scoring?.allowed}
              />
            ))
          )}
        </Space>
      )}
    </>
  );
}

/** The member's declaration, asked for at once while it is not signed (and again from the notice). */
function DeclarationNotice({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t("councils.declaration.needed")}
        action={<Button onClick={() => setOpen(true)}>{t("councils.declaration.sign")}</Button>}
      />
      {open && <DeclarationDialog council={c} onClose={() => setOpen(false)} />}
    </>
  );
}

function DeclarationDialog({ council: c, onClose }: { council: Council; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCouncilCommand(c.id);
  return (
    <CommandDialog<{ statement: string; noConflict: boolean }>
      title={t("councils.declaration.title")}
      okText={t("councils.declaration.sign")}
      command={command}
      schema={declarationInput}
      done="councils.declaration.signed"
      onClose={onClose}
      intro={<Typography.Paragraph>{t("councils.declaration.intro")}</Typography.Paragraph>}
      initialValues={{ statement: t("councils.declaration.default"), noConflict: false }}
      submit={(v) => councilsApi.declare(c.id, { statement: v.statement, noConflict: true })}
    >
      {({ rules }) => (
        <>
          <Form.Item name="statement" label={t("councils.declaration.title")} rules={rules("statement", true, t("councils.declaration.title"))}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="noConflict"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t("councils.declaration.mustConfirm")))) }]}
          >
            <Checkbox>{t("councils.declaration.noConflict")}</Checkbox>
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
