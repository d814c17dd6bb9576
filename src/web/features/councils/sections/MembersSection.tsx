// The council's members: role, conflict of interest (overridden, or found late and blocking), invitation,
// declaration (signed online or recorded from paper), attendance (switches saved together), ballots submitted; the
// buttons the council's abilities allow open the member's dialogs; under the table, adding a member.
import { useState } from "react";
import { Button, Card, Popconfirm, Space, Switch, Table, Tag } from "antd";
import { CheckOutlined, FileDoneOutlined, FormOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Council } from "../../../../common/api/council";
import { VOTING_ROLES, type CouncilRole } from "../../../../common/councils/rules";
import { formatDate, formatDateTime } from "../../../app/format";
import { councilsApi, useCouncilCommand } from "../councils-api";
import { OverrideConflictDialog, PaperBallotDialog, PaperDeclarationDialog } from "../dialogs/MemberDialogs";
import { AddMember } from "./AddMember";

type Member = Council["members"][number];

export function MembersSection({ council: c }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const attendance = useCouncilCommand(c.id);
  const saveAttendance = () =>
    attendance
      .run(
        () =>
          councilsApi.attendance(c.id, {
            version: c.version,
            members: c.members.map((m) => ({ memberId: m.id, present: present[m.id] ?? m.present })),
          }),
        "councils.done.attendance",
      )
      .then((ok) => ok && setPresent({}));
  const [paper, setPaper] = useState<{ member: Member; what: "declaration" | "ballot" } | null>(null);
  const [overriding, setOverriding] = useState<Member | null>(null);
  const remove = useCouncilCommand(c.id);
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
                      onConfirm={() => remove.run(() => councilsApi.removeMember(c.id, m.id, { version: c.version }), "councils.done.removeMember")}
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
