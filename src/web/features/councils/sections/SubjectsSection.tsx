// The council's subjects (tasks / dossiers): after conclusion with each one's result, the scores a selection council
// counts, the approvals of an identification or appraisal council, and the ranking. An applicant reads only their own
// dossier's result, without its rank.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Card, Space, Table, Tag, Typography } from "antd";
import { TrophyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Council, CouncilResult } from "../../../../common/api/council";
import { formatNumber } from "../../../app/format";
import { formatScore } from "../council-ui";

type Subject = Council["subjects"][number];

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
const WrapTitle = ({ children }: { children: ReactNode }) => <div style={{ whiteSpace: "normal", width: 120 }}>{children}</div>;

export function SubjectsSection({ council: c }: { council: Council }) {
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
