// One subject's scoring form, following the council's rule set: points with the maximum per criterion and a live
// total, Đạt / Không đạt per criterion, or grades per product and for the report; saved as a draft or submitted
// (final). Also the form an officer fills in for a member's signed paper ballot.
import { useEffect, useState } from "react";
import { Button, Card, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Ballot, Council, CriterionView } from "../../../../common/api/council";
import { formatNumber } from "../../../app/format";
import { councilsApi, useBallotCommand } from "../councils-api";

type Subject = Council["subjects"][number];
type Score = { points?: number | null; level?: "excellent" | "pass" | "fail" | null; met?: boolean | null; percent?: number | null };

/** A paper ballot entered by an officer on a member's behalf: submitted at once, as the member signed it. */
export interface PaperEntry {
  memberId: string;
  onDone: () => void;
}

/** One subject's scoring form; also the form an officer fills in for a member's paper ballot (`paper`). */
export function BallotCard({
  council: c,
  subject: s,
  ballot,
  editable,
  paper,
}: {
  council: Council;
  subject: Subject;
  ballot: Ballot | null;
  editable: boolean;
  paper?: PaperEntry;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const initial = () =>
    Object.fromEntries((ballot?.scores ?? []).map((x) => [x.criterionKey, { points: x.points, level: x.level, met: x.met, percent: x.percent }])) as Record<
      string,
      Score
    >;
  const [scores, setScores] = useState<Record<string, Score>>(initial);
  const [comment, setComment] = useState(ballot?.comment ?? "");
  const [budget, setBudget] = useState<number | null>(ballot?.recommendedBudget ?? null);
  useEffect(() => {
    setScores(initial());
    setComment(ballot?.comment ?? "");
    setBudget(ballot?.recommendedBudget ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ballot?.id, ballot?.version]);
  const submitted = ballot?.status === "submitted";
  const locked = submitted || !editable;
  const command = useBallotCommand(c.id);
  const save = (submit: boolean) =>
    void command
      .run(
        () =>
          councilsApi.saveBallot(c.id, s.id, {
            scores: s.criteria
              .filter((k) => scores[k.key] && Object.values(scores[k.key]).some((v) => v !== null && v !== undefined))
              .map((k) => ({ criterionKey: k.key, ...scores[k.key] })),
            comment: comment || null,
            recommendedBudget: s.recommendedBudget ? budget : null,
            submit,
            version: ballot?.version,
            ...(paper ? { memberId: paper.memberId } : {}),
          }),
        paper ? "councils.paper.ballotDone" : submit ? "councils.score.submitted" : "councils.score.saved",
      )
      .then((ok) => ok && paper?.onDone());
  const set = (key: string, patch: Score) => setScores((p) => ({ ...p, [key]: { ...p[key], ...patch } }));
  const pointCriteria = s.criteria.filter((k) => k.kind === "points");
  const total = pointCriteria.reduce((sum, k) => sum + (scores[k.key]?.points ?? 0), 0);
  const max = pointCriteria.reduce((sum, k) => sum + (k.max ?? 0), 0);
  const levelOptions = (["excellent", "pass", "fail"] as const).map((g) => ({ value: g, label: t(`councils.grade.${g}`) }));
  const input = (k: CriterionView) => {
    const v = scores[k.key] ?? {};
    if (k.kind === "points")
      return (
        <InputNumber
          min={0}
          max={k.max ?? 100}
          precision={0}
          disabled={locked}
          value={v.points ?? null}
          onChange={(n) => set(k.key, { points: n === null ? null : Number(n) })}
          aria-label={en ? k.labelEn : k.labelVi}
          suffix={`/ ${k.max}`}
        />
      );
    if (k.kind === "met")
      return (
        <Radio.Group
          disabled={locked}
          value={v.met === undefined || v.met === null ? undefined : v.met ? "yes" : "no"}
          onChange={(e) => set(k.key, { met: e.target.value === "yes" })}
          options={[
            { value: "yes", label: t("councils.met.yes") },
            { value: "no", label: t("councils.met.no") },
          ]}
          aria-label={en ? k.labelEn : k.labelVi}
        />
      );
    return (
      <Space wrap>
        <Radio.Group
          disabled={locked}
          value={v.level ?? undefined}
          onChange={(e) => set(k.key, { level: e.target.value })}
          options={levelOptions}
          aria-label={en ? k.labelEn : k.labelVi}
        />
        {k.kind === "quantity" && v.level === "fail" && (
          <InputNumber
            min={0}
            max={1000}
            precision={0}
            disabled={locked}
            value={v.percent ?? null}
            onChange={(n) => set(k.key, { percent: n === null ? null : Number(n) })}
            suffix="%"
            aria-label={t("councils.score.percent")}
            placeholder={t("councils.score.percent")}
          />
        )}
      </Space>
    );
  };
  return (
    <Card
      title={paper ? undefined : `${s.taskCode} · ${s.taskTitle}`}
      extra={
        <Space>
          {s.applicantName && <Typography.Text type="secondary">{s.applicantName}</Typography.Text>}
          {ballot && <Tag color={submitted ? "green" : "default"}>{t(`councils.ballotStatus.${ballot.status}`)}</Tag>}
          {ballot?.paper && <Tag>{t("councils.score.paper")}</Tag>}
        </Space>
      }
    >
      <Table<CriterionView>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={s.criteria}
        columns={[
          { title: t("councils.score.criterion"), key: "label", render: (_, k) => (en ? k.labelEn : k.labelVi) },
          ...(pointCriteria.length ? [{ title: t("councils.score.max"), dataIndex: "max" }] : []),
          { title: t("councils.score.value"), key: "value", render: (_: unknown, k: CriterionView) => input(k) },
        ]}
        summary={() =>
          pointCriteria.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t("councils.score.total")}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{max}</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                <strong aria-live="polite">{formatNumber(total, 0)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        {s.recommendedBudget && (
          <Form.Item label={t("councils.score.recommendedBudget")}>
            <InputNumber<number>
              min={0}
              style={{ width: 260 }}
              disabled={locked}
              value={budget}
              onChange={(n) => setBudget(n)}
              formatter={(v) => (v === undefined || v === null || `${v}` === "" ? "" : formatNumber(Number(v), 0))}
              parser={(v) => Number((v ?? "").replace(/[^\d]/g, "")) || 0}
              suffix="đ"
            />
          </Form.Item>
        )}
        <Form.Item label={t("councils.score.comment")}>
          <Input.TextArea rows={3} disabled={locked} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        {!locked && (
          <Space>
            {!paper && (
              <Button loading={command.isPending} onClick={() => save(false)}>
                {t("councils.score.saveDraft")}
              </Button>
            )}
            <Popconfirm title={t("councils.score.confirmSubmit")} onConfirm={() => save(true)}>
              <Button type="primary" loading={command.isPending}>
                {t("councils.score.submit")}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
    </Card>
  );
}
