// The member's scoring page: the declaration dialog first, then one ballot per subject following the council's rule
// set — points with the maximum per criterion and a live total, Đạt / Không đạt per criterion, or grades per product
// and for the report — saved as a draft or submitted (final). Before conclusion a member sees only their own ballots.
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Ballot, Council, CriterionView } from "../../../common/api/council";
import { api, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { CouncilStatusTag, councilQuery } from "./council-ui";

type Subject = Council["subjects"][number];
type Score = { points?: number | null; level?: "excellent" | "pass" | "fail" | null; met?: boolean | null; percent?: number | null };

export function ScorePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const council = useQuery(councilQuery(id));
  const ballots = useQuery({
    queryKey: ["councils", "ballots", id],
    queryFn: () => api.get<{ ballots: Ballot[] }>(`/councils/${id}/ballots`),
    enabled: !!council.data?.myMemberId,
  });
  if (council.isPending) return <LoadingState />;
  if (council.isError) return <ErrorState error={council.error} onRetry={() => void council.refetch()} />;
  const c = council.data;
  const me = c.members.find((m) => m.id === c.myMemberId);
  return (
    <>
      <PageHeader title={c.title} subtitle={<CouncilStatusTag status={c.status} />} back="/councils/mine" />
      {!me ? (
        <Alert type="warning" showIcon title={t("councils.score.notMember")} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Alert type="info" showIcon title={t("councils.score.confidential")} description={`${c.ruleSet.legalBasis} — ${c.ruleSet.note}`} />
          {!me.declarationSignedAt && (c.status === "invited" || c.status === "in_session") && <DeclarationDialog council={c} />}
          {me.declarationSignedAt && (
            <Typography.Text type="secondary">{t("councils.score.signedAt", { at: formatDateTime(me.declarationSignedAt) })}</Typography.Text>
          )}
          {c.status !== "in_session" && <Alert type="warning" showIcon title={t("councils.score.notInSession")} />}
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
                editable={c.status === "in_session" && !!me.declarationSignedAt}
              />
            ))
          )}
        </Space>
      )}
    </>
  );
}

function DeclarationDialog({ council: c }: { council: Council }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(true);
  const [statement, setStatement] = useState(t("councils.declaration.default"));
  const [agree, setAgree] = useState(false);
  const sign = useMutation({
    mutationFn: () => api.post<Council>(`/councils/${c.id}/declaration`, { statement, noConflict: true }),
    onSuccess: (saved) => {
      qc.setQueryData(councilQuery(c.id).queryKey, saved);
      message.success(t("councils.declaration.signed"));
      setOpen(false);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t("councils.declaration.needed")}
        action={<Button onClick={() => setOpen(true)}>{t("councils.declaration.sign")}</Button>}
      />
      <Modal
        open={open}
        title={t("councils.declaration.title")}
        onCancel={() => setOpen(false)}
        onOk={() => sign.mutate()}
        okText={t("councils.declaration.sign")}
        okButtonProps={{ disabled: !agree || statement.trim().length < 10 }}
        confirmLoading={sign.isPending}
      >
        <Typography.Paragraph>{t("councils.declaration.intro")}</Typography.Paragraph>
        <Input.TextArea rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} aria-label={t("councils.declaration.title")} />
        <Checkbox checked={agree} onChange={(e) => setAgree(e.target.checked)} style={{ marginTop: 12 }}>
          {t("councils.declaration.noConflict")}
        </Checkbox>
      </Modal>
    </>
  );
}

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
  const { message } = App.useApp();
  const qc = useQueryClient();
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
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      api.put<Ballot>(`/councils/${c.id}/ballots/${s.id}`, {
        scores: s.criteria
          .filter((k) => scores[k.key] && Object.values(scores[k.key]).some((v) => v !== null && v !== undefined))
          .map((k) => ({ criterionKey: k.key, ...scores[k.key] })),
        comment: comment || null,
        recommendedBudget: s.recommendedBudget ? budget : null,
        submit,
        version: ballot?.version,
        ...(paper ? { memberId: paper.memberId } : {}),
      }),
    onSuccess: (_, submit) => {
      void qc.invalidateQueries({ queryKey: ["councils"] });
      message.success(t(paper ? "councils.paper.ballotDone" : submit ? "councils.score.submitted" : "councils.score.saved"));
      paper?.onDone();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
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
              <Button loading={save.isPending} onClick={() => save.mutate(false)}>
                {t("councils.score.saveDraft")}
              </Button>
            )}
            <Popconfirm title={t("councils.score.confirmSubmit")} onConfirm={() => save.mutate(true)}>
              <Button type="primary" loading={save.isPending}>
                {t("councils.score.submit")}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
    </Card>
  );
}
