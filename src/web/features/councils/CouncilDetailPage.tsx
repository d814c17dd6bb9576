// One council: rule set and quorum, subjects (with the results and ranking after conclusion), members with the
// conflict-of-interest check shown before adding, attendance, and the lifecycle actions its abilities allow.
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from "antd";
import {
  CheckOutlined,
  EditOutlined,
  FileDoneOutlined,
  FormOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  StopOutlined,
  TrophyOutlined,
  UnlockOutlined,
} from "@ant-design/icons";
import type { DescriptionsProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { councilReasonBody, paperDeclarationInput, type ConflictCheck, type Council, type CouncilResult } from "../../../common/api/council";
import { COUNCIL_ROLES, VOTING_ROLES, type CouncilRole } from "../../../common/councils/rules";
import { api, errorMessage } from "../../app/api";
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber } from "../../app/format";
import { RecordView } from "../../components/RecordView";
import { CommandDialog, useRecordCommand } from "../../components/CommandDialog";
import { PersonSelect } from "../../components/entity-select";
import { CouncilStatusTag, councilQuery, formatScore } from "./council-ui";
import { CouncilDocumentButtons } from "../documents/DocumentButton";
import { BallotCard } from "./ScorePage";

type Member = Council["members"][number];
type Subject = Council["subjects"][number];

/** Commands on the council: the answered council replaces the cached one; every council query refreshes. */
function useCouncilCommand(c: Council) {
  return useRecordCommand(councilQuery(c.id).queryKey, { lists: [["councils"]] });
}

export function CouncilDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const q = useQuery(councilQuery(id));
  const en = i18n.language === "en";
  return (
    <RecordView<Council>
      query={q}
      back="/councils"
      resource="councils"
      title={(c) => c.title}
      subtitle={(c) => (
        <Space>
          <CouncilStatusTag status={c.status} />
          <Tag>{t(`councils.kind.${c.kind}`)}</Tag>
        </Space>
      )}
      actions={(c) => (
        <>
          <CouncilDocumentButtons council={c} />
          <CouncilActions council={c} />
        </>
      )}
    >
      {(c) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          {c.myMemberId && (
            <Alert
              type="info"
              showIcon
              title={t("councils.youAreMember")}
              action={
                <Link to={`/councils/${c.id}/score`}>
                  <Button icon={<EditOutlined aria-hidden />}>{t("councils.openBallots")}</Button>
                </Link>
              }
            />
          )}
          <GeneralSection
            council={c}
            items={[
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
            ]}
          />
          {c.members.length > 0 && <QuorumCard council={c} />}
          <SubjectsCard council={c} />
          {(c.members.length > 0 || c.abilities.members) && <MembersCard council={c} />}
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(c.createdAt), updated: formatDateTime(c.updatedAt), version: c.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}

/**
 * The council's general information: label/value pairs in two columns up to wide screens, and the rule set's note as
 * a paragraph under them. (With three columns and the long note spanning a row, the table's automatic layout gave
 * the long texts the width and squeezed the council's kind to one character per line at 1366 px.)
 */
function GeneralSection({ council: c, items }: { council: Council; items: NonNullable<DescriptionsProps["items"]> }) {
  const { t } = useTranslation();
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
        {c.ruleSet.note}
      </Typography.Paragraph>
    </Card>
  );
}

function QuorumCard({ council: c }: { council: Council }) {
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

function ResultCell({ council: c, r }: { council: Council; r: CouncilResult | undefined }) {
  const { t } = useTranslation();
  if (!r) return null;
  if (c.kind === "acceptance") {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color={r.grade === "fail" ? "red" : r.grade === "excellent" ? "gold" : "green"}>{r.grade ? t(`councils.grade.${r.grade}`) : ""}</Tag>
        {r.gradeCounts && <Typography.Text type="secondary">{t("councils.results.gradeCounts", r.gradeCounts)}</Typography.Text>}
      </Space>
    );
  }
  if (c.kind === "selection") {
    // selected (passed and alone in first place) / meets the requirements but not first (or tied first) / not passed
    if (r.selected)
      return (
        <Tag color="gold" icon={<TrophyOutlined aria-hidden />}>
          {t("councils.results.selected")}
        </Tag>
      );
    const meets = r.meetsThreshold ?? r.passed ?? false;
    if (meets) return <Tag color="blue">{t(r.passed ? "councils.results.meetsTiedFirst" : "councils.results.meetsNotFirst")}</Tag>;
    return <Tag color="red">{t("councils.results.notPassed")}</Tag>;
  }
  return (
    <Tag color={r.passed ? "green" : "red"}>
      {t(r.passed ? (c.kind === "identification" ? "councils.results.recommended" : "councils.results.passed") : "councils.results.notPassed")}
    </Tag>
  );
}

/** A long column title wrapped over lines, so the results table stays within the page. */
const WrapTitle = ({ children }: { children: React.ReactNode }) => <div style={{ whiteSpace: "normal", width: 120 }}>{children}</div>;

function SubjectsCard({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const results = new Map((c.results ?? []).map((r) => [r.subjectId, r]));
  const concluded = c.results !== null;
  // An applicant reads only their own dossier's result, without its rank: no rank column for them.
  const ranked = concluded && c.kind === "selection" && (c.results ?? []).some((r) => r.rank !== null);
  const sorted = ranked ? [...c.subjects].sort((a, b) => (results.get(a.id)?.rank ?? 99) - (results.get(b.id)?.rank ?? 99)) : c.subjects;
  return (
    <Card title={t("councils.sections.subjects")}>
      <Table<Subject>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sorted}
        scroll={{ x: "max-content" }}
        columns={[
          ...(ranked ? [{ title: t("councils.results.rank"), key: "rank", render: (_: unknown, s: Subject) => results.get(s.id)?.rank ?? "" }] : []),
          {
            title: t("councils.fields.task"),
            key: "task",
            // a long title wraps (a selection council's rows share one task: its code, the title on hover), so that
            // the result and the winner stay in view without scrolling sideways
            render: (_, s) =>
              c.kind === "selection" ? (
                <Link to={`/tasks/${s.taskId}`} title={s.taskTitle}>
                  {s.taskCode}
                </Link>
              ) : (
                <div style={{ width: 320, whiteSpace: "normal" }}>
                  <Link to={`/tasks/${s.taskId}`}>{`${s.taskCode} · ${s.taskTitle}`}</Link>
                </div>
              ),
          },
          { title: t("councils.fields.applicant"), dataIndex: "applicantName" },
          ...(concluded
            ? [{ title: t("councils.results.result"), key: "result", render: (_: unknown, s: Subject) => <ResultCell council={c} r={results.get(s.id)} /> }]
            : []),
          ...(concluded
            ? [
                ...(c.kind === "selection"
                  ? [
                      // three columns, each labelled for its own value: average of valid ballots, bonus, final score
                      {
                        title: <WrapTitle>{t("councils.results.average")}</WrapTitle>,
                        key: "avg",
                        render: (_: unknown, s: Subject) => formatScore(results.get(s.id)?.average),
                      },
                      {
                        title: <WrapTitle>{t("councils.results.bonus")}</WrapTitle>,
                        key: "bonus",
                        render: (_: unknown, s: Subject) => formatScore(results.get(s.id)?.bonus ?? null),
                      },
                      {
                        title: <WrapTitle>{t("councils.results.score")}</WrapTitle>,
                        key: "score",
                        render: (_: unknown, s: Subject) => formatScore(results.get(s.id)?.score),
                      },
                      {
                        title: <WrapTitle>{t("councils.results.validInvalid")}</WrapTitle>,
                        key: "valid",
                        render: (_: unknown, s: Subject) => {
                          const r = results.get(s.id);
                          return r ? `${r.validCount} / ${r.invalidCount}` : "";
                        },
                      },
                    ]
                  : []),
                ...(c.kind === "identification" || c.kind === "appraisal"
                  ? [
                      {
                        title: t("councils.results.approvals"),
                        key: "approvals",
                        render: (_: unknown, s: Subject) => {
                          const r = results.get(s.id);
                          return r ? `${r.approvals ?? 0} / ${r.ballots}` : "";
                        },
                      },
                    ]
                  : []),
                ...(c.kind === "appraisal"
                  ? [
                      {
                        title: t("councils.results.recommendedBudget"),
                        key: "budget",
                        render: (_: unknown, s: Subject) => formatNumber(results.get(s.id)?.recommendedBudget, 0),
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function MembersCard({ council: c }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const attendance = useCouncilCommand(c);
  const saveAttendance = () =>
    attendance
      .run(
        () =>
          api.post<Council>(`/councils/${c.id}/attendance`, {
            version: c.version,
            members: c.members.map((m) => ({ memberId: m.id, present: present[m.id] ?? m.present })),
          }),
        "councils.done.attendance",
      )
      .then((ok) => ok && setPresent({}));
  const [paper, setPaper] = useState<{ member: Member; what: "declaration" | "ballot" } | null>(null);
  const [overriding, setOverriding] = useState<Member | null>(null);
  const remove = useCouncilCommand(c);
  const dirty = c.members.some((m) => present[m.id] !== undefined && present[m.id] !== m.present);
  return (
    <Card
      title={t("councils.sections.members")}
      extra={
        c.abilities.attend && (
          <Button type="primary" disabled={!dirty} loading={attendance.isPending} onClick={() => void saveAttendance()}>
            {t("councils.saveAttendance")}
          </Button>
        )
      }
    >
      <Table<Member>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.members}
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("councils.fields.person"), dataIndex: "fullName" },
          {
            title: t("councils.fields.role"),
            dataIndex: "role",
            render: (r: CouncilRole, m) => `${t(`councils.role.${r}`)}${m.authorisedToChair ? ` (${t("councils.authorisedToChair")})` : ""}`,
          },
          {
            title: t("councils.fields.conflict"),
            key: "conflict",
            render: (_, m) => (
              <Space size={4} wrap>
                {m.conflictOverridden && (
                  <Tag color="orange" title={m.conflictOverrideReason ?? ""}>
                    {t("councils.conflictOverridden")}
                  </Tag>
                )}
                {m.blockingConflicts.length > 0 && (
                  <Tag color="red" title={m.blockingConflicts.map((l) => (en ? l.en : l.vi)).join("; ")}>
                    {t("councils.lateConflict.tag")}
                  </Tag>
                )}
                {m.blockingConflicts.length > 0 && c.abilities.overrideConflict && (
                  <Button size="small" onClick={() => setOverriding(m)} aria-label={`${t("councils.lateConflict.override")}: ${m.fullName}`}>
                    {t("councils.lateConflict.override")}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t("councils.fields.invitedAt"), dataIndex: "invitedAt", render: (d: string | null) => formatDateTime(d) },
          {
            title: t("councils.fields.declaration"),
            dataIndex: "declarationSignedAt",
            render: (d: string | null, m) =>
              !d ? (
                <Tag>{t("councils.notSigned")}</Tag>
              ) : m.declarationPaper ? (
                <Tag color="green" title={t("councils.paper.recordedBy", { name: m.declarationRecordedBy ?? "", at: formatDateTime(m.declarationRecordedAt) })}>
                  {t("councils.paper.signedOnPaper", { date: formatDate(d) })}
                </Tag>
              ) : (
                <Tag color="green">{formatDateTime(d)}</Tag>
              ),
          },
          {
            title: t("councils.fields.present"),
            key: "present",
            render: (_, m) =>
              c.abilities.attend ? (
                <Switch
                  aria-label={`${t("councils.fields.present")}: ${m.fullName}`}
                  checked={present[m.id] ?? m.present}
                  onChange={(v) => setPresent((p) => ({ ...p, [m.id]: v }))}
                />
              ) : m.present ? (
                <CheckOutlined aria-label={t("councils.fields.present")} />
              ) : null,
          },
          { title: t("councils.fields.submitted"), dataIndex: "submitted", render: (n: number) => t("councils.submittedOf", { n, total: c.subjects.length }) },
          ...(c.abilities.paperDeclaration || c.abilities.paperBallot
            ? [
                {
                  title: t("councils.paper.column"),
                  key: "paper",
                  render: (_: unknown, m: Member) =>
                    !m.declarationSignedAt
                      ? c.abilities.paperDeclaration && (
                          <Button
                            size="small"
                            icon={<FileDoneOutlined aria-hidden />}
                            onClick={() => setPaper({ member: m, what: "declaration" })}
                            aria-label={`${t("councils.paper.recordDeclaration")}: ${m.fullName}`}
                          >
                            {t("councils.paper.recordDeclaration")}
                          </Button>
                        )
                      : c.abilities.paperBallot &&
                        VOTING_ROLES.includes(m.role) &&
                        m.submitted < c.subjects.length && (
                          <Button
                            size="small"
                            icon={<FormOutlined aria-hidden />}
                            onClick={() => setPaper({ member: m, what: "ballot" })}
                            aria-label={`${t("councils.paper.enterBallot")}: ${m.fullName}`}
                          >
                            {t("councils.paper.enterBallot")}
                          </Button>
                        ),
                },
              ]
            : []),
          ...(c.abilities.members
            ? [
                {
                  title: "",
                  key: "remove",
                  render: (_: unknown, m: Member) => (
                    <Popconfirm
                      title={t("councils.confirmRemove", { name: m.fullName })}
                      onConfirm={() =>
                        remove.run(() => api.post<Council>(`/councils/${c.id}/members/${m.id}/remove`, { version: c.version }), "councils.done.removeMember")
                      }
                    >
                      <Button size="small" danger>
                        {t("common.remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {c.abilities.members && <AddMember council={c} />}
      {paper?.what === "declaration" && <PaperDeclarationDialog council={c} member={paper.member} onClose={() => setPaper(null)} />}
      {paper?.what === "ballot" && <PaperBallotDialog council={c} member={paper.member} onClose={() => setPaper(null)} />}
      {overriding && <OverrideConflictDialog council={c} member={overriding} onClose={() => setOverriding(null)} />}
    </Card>
  );
}

/** A leader or administrator overrides, with a reason, a conflict of interest found late for a sitting member. */
function OverrideConflictDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const command = useCouncilCommand(c);
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
      submit={(v) => api.post<Council>(`/councils/${c.id}/members/${m.id}/override-conflict`, { version: c.version, reason: v.reason })}
    >
      {({ rules }) => (
        <Form.Item name="reason" label={t("councils.lateConflict.reason")} rules={rules("reason", true)}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </CommandDialog>
  );
}

/** The secretary records a declaration the member signed on paper: the day it was signed and its words. */
function PaperDeclarationDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useCouncilCommand(c);
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
        api.post<Council>(`/councils/${c.id}/members/${m.id}/paper-declaration`, {
          version: c.version,
          signedOn: v.signedOn.format("YYYY-MM-DD"),
          statement: v.statement,
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="signedOn" label={t("councils.paper.signedOn")} rules={rules("signedOn", true)}>
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
          </Form.Item>
          <Form.Item name="statement" label={t("councils.paper.statement")} rules={rules("statement", true)}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}

/** The officer enters a member's signed paper ballot with the member's scoring form, one subject at a time. */
function PaperBallotDialog({ council: c, member: m, onClose }: { council: Council; member: Member; onClose: () => void }) {
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

/** Check first (the lines are shown and kept), then add; a conflict can be overridden only by a leader/admin with a reason. */
function AddMember({ council: c }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<string | null>(null);
  // the person chosen now, read when an earlier add answers
  const chosen = useRef<string | null>(null);
  useEffect(() => {
    chosen.current = personId;
  }, [personId]);
  const [role, setRole] = useState<CouncilRole>("member");
  const [reason, setReason] = useState("");
  const [check, setCheck] = useState<ConflictCheck | null>(null);
  const run = useMutation({
    mutationFn: () => api.post<ConflictCheck>(`/councils/${c.id}/conflict-check`, { personId, role }),
    onSuccess: setCheck,
    onError: (e) => message.error(errorMessage(e)),
  });
  const add = useCouncilCommand(c);
  const en = i18n.language === "en";
  const reset = () => {
    setCheck(null);
    setReason("");
  };
  return (
    <Space orientation="vertical" style={{ width: "100%", marginTop: 16 }}>
      <Typography.Title level={5}>{t("councils.addMember")}</Typography.Title>
      <Space wrap>
        <PersonSelect
          style={{ minWidth: 320 }}
          aria-label={t("councils.fields.person")}
          value={personId}
          onChange={(v: string) => {
            setPersonId(v);
            reset();
          }}
        />
        <Select<CouncilRole>
          style={{ minWidth: 220 }}
          aria-label={t("councils.fields.role")}
          value={role}
          onChange={(v) => {
            setRole(v);
            reset();
          }}
          options={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`councils.role.${r}`) }))}
        />
        <Button icon={<SafetyCertificateOutlined aria-hidden />} disabled={!personId} loading={run.isPending} onClick={() => run.mutate()}>
          {t("councils.checkConflict")}
        </Button>
      </Space>
      {check && (
        <Alert
          type={check.conflict ? "error" : check.lines.length ? "warning" : "success"}
          showIcon
          title={check.conflict ? t("councils.conflictFound", { name: check.fullName }) : t("councils.noConflict", { name: check.fullName })}
          description={check.lines.length > 0 && <List size="small" dataSource={check.lines} renderItem={(l) => <List.Item>{en ? l.en : l.vi}</List.Item>} />}
        />
      )}
      {check?.conflict && c.abilities.overrideConflict && (
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("councils.overrideReason")}
          aria-label={t("councils.overrideReason")}
        />
      )}
      {check && (!check.conflict || c.abilities.overrideConflict) && (
        <Button
          type="primary"
          disabled={check.conflict && reason.trim().length < 3}
          loading={add.isPending}
          onClick={() => {
            const added = personId;
            void add
              .run(
                () =>
                  api.post<Council>(`/councils/${c.id}/members`, {
                    version: c.version,
                    personId: added,
                    role,
                    overrideReason: check?.conflict ? reason : null,
                  }),
                "councils.done.addMember",
              )
              .then((ok) => {
                // clear the form for the next member, unless another person was chosen meanwhile
                if (!ok || chosen.current !== added) return;
                setPersonId(null);
                reset();
              });
          }}
        >
          {check.conflict ? t("councils.addWithOverride") : t("councils.add")}
        </Button>
      )}
    </Space>
  );
}

type ReasonAction = "reopen" | "cancel";

function CouncilActions({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ReasonAction | null>(null);
  const command = useCouncilCommand(c);
  const simple = (action: "invite" | "open" | "conclude", icon: React.ReactNode) =>
    c.abilities[action] && (
      <Popconfirm
        key={action}
        title={t(`councils.confirm.${action}`)}
        onConfirm={() => command.run(() => api.post<Council>(`/councils/${c.id}/${action}`, { version: c.version }), "councils.done.action")}
      >
        <Button type={action === "conclude" ? "primary" : "default"} icon={icon} loading={command.isPending}>
          {t(`councils.action.${action}`)}
        </Button>
      </Popconfirm>
    );
  return (
    <>
      {simple("invite", <SendOutlined aria-hidden />)}
      {simple("open", <EditOutlined aria-hidden />)}
      {simple("conclude", <LockOutlined aria-hidden />)}
      {c.abilities.reopen && (
        <Button icon={<UnlockOutlined aria-hidden />} onClick={() => setDialog("reopen")}>
          {t("councils.action.reopen")}
        </Button>
      )}
      {c.abilities.cancel && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("cancel")}>
          {t("councils.action.cancel")}
        </Button>
      )}
      {dialog && (
        <CommandDialog<{ reason: string }>
          title={t(`councils.action.${dialog}`)}
          okText={t("common.confirm")}
          command={command}
          schema={councilReasonBody}
          done="councils.done.action"
          onClose={() => setDialog(null)}
          submit={(v) => api.post<Council>(`/councils/${c.id}/${dialog}`, { version: c.version, reason: v.reason })}
        >
          {({ rules }) => (
            <Form.Item name="reason" label={t("councils.reason")} rules={rules("reason", true)}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </CommandDialog>
      )}
    </>
  );
}
