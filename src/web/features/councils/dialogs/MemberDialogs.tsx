// The dialogs on one member of the council: override a conflict found late, record a declaration signed on paper, and
// enter a signed paper ballot (the member's scoring form, one subject at a time).
import { useState } from "react";
import { DatePicker, Form, Input, List, Modal, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { councilReasonBody, paperDeclarationInput, type Council } from "../../../../common/api/council";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { councilsApi, useCouncilCommand } from "../councils-api";
import { BallotCard } from "../sections/BallotCard";

type Member = Council["members"][number];

/** A leader or administrator overrides, with a reason, a conflict of interest found late for a sitting member. */
export function OverrideConflictDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const command = useCouncilCommand(c.id);
  return (
    <CommandDialog<{ reason: string }>
      title={t("councils.lateConflict.title", { name: m.fullName })}
      okText={t("councils.lateConflict.override")}
      command={command}
      schema={councilReasonBody}
      done="councils.done.override"
      onClose={onClose}
      intro={
        <>
          <Typography.Paragraph>{t("councils.lateConflict.intro")}</Typography.Paragraph>
          <List size="small" dataSource={m.blockingConflicts} renderItem={(l) => <List.Item>{i18n.language === "en" ? l.en : l.vi}</List.Item>} />
        </>
      }
      submit={(v) => councilsApi.overrideConflict(c.id, m.id, { version: c.version, reason: v.reason })}
    >
      {({ rules }) => (
        <Form.Item name="reason" label={t("councils.lateConflict.reason")} rules={rules("reason", true, t("councils.lateConflict.reason"))}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}

/** The secretary records a declaration the member signed on paper: the day it was signed and its words. */
export function PaperDeclarationDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCouncilCommand(c.id);
  return (
    <CommandDialog<{ signedOn: Dayjs; statement: string }>
      title={t("councils.paper.declarationTitle", { name: m.fullName })}
      okText={t("councils.paper.recordDeclaration")}
      command={command}
      schema={paperDeclarationInput}
      done="councils.paper.declarationDone"
      onClose={onClose}
      intro={<Typography.Paragraph>{t("councils.paper.declarationIntro")}</Typography.Paragraph>}
      initialValues={{ signedOn: dayjs(), statement: t("councils.declaration.default") }}
      submit={(v) =>
        councilsApi.paperDeclaration(c.id, m.id, {
          version: c.version,
          signedOn: v.signedOn.format("YYYY-MM-DD"),
          statement: v.statement,
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="signedOn" label={t("councils.paper.signedOn")} rules={rules("signedOn", true, t("councils.paper.signedOn"))}>
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
          <Form.Item name="statement" label={t("councils.paper.statement")} rules={rules("statement", true, t("councils.paper.statement"))}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

/** The officer enters a member's signed paper ballot with the member's scoring form, one subject at a time. */
export function PaperBallotDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const [subjectId, setSubjectId] = useState(c.subjects[0]?.id ?? "");
  const subject = c.subjects.find((s) => s.id === subjectId);
  return (
    <Modal open title={t("councils.paper.ballotTitle", { name: m.fullName })} onCancel={onClose} footer={null} width={880} destroyOnHidden>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("councils.paper.ballotIntro")}</Typography.Text>
        {c.subjects.length > 1 && (
          <Select
            style={{ width: "100%" }}
            aria-label={t("councils.paper.subject")}
            value={subjectId}
            onChange={setSubjectId}
            options={c.subjects.map((s) => ({ value: s.id, label: [s.taskCode, s.applicantName ?? s.taskTitle].join(" · ") }))}
          />
        )}
        {subject && <BallotCard key={subject.id} council={c} subject={subject} ballot={null} editable paper={{ memberId: m.id, onDone: onClose }} />}
      </Space>
    </Modal>
  );
}
