// The path of a task through its own template version: the main steps in order, the current one highlighted.
// Side steps (a change request, a failed acceptance, termination, rejection) are drawn where they branch off.
import { Steps } from "antd";
import { useTranslation } from "react-i18next";
import type { Task, TaskStep } from "../../../common/api/task";
import { formatDateTime } from "../../app/format";

/** Steps off the main path, with the main step they branch from (null: anywhere before the decision). */
const SIDE_STEPS: Record<string, string | null> = {
  change_requested: "in_progress",
  acceptance_failed: "acceptance_council",
  risk_accepted: "acceptance_council",
  terminated: "in_progress",
  rejected: null,
};
/** Side steps that end the task. */
const ENDING = new Set(["terminated", "risk_accepted", "rejected"]);

type Status = "wait" | "process" | "finish" | "error";

export function TaskPath({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const label = (s: TaskStep) => (en ? s.labelEn : s.labelVi);
  const main = task.steps.filter((s) => !(s.key in SIDE_STEPS));
  const current = task.steps.find((s) => s.key === task.state);
  const side = task.state in SIDE_STEPS;
  const anchor = side ? SIDE_STEPS[task.state] : task.state;
  const anchorIndex = anchor ? main.findIndex((s) => s.key === anchor) : -1;
  const since = t("tasks.path.since", { at: formatDateTime(task.stateEnteredAt) });

  const items: { key: string; title: string; status: Status; content?: string }[] = main.map((s, i) => {
    let status: Status = "wait";
    if (anchorIndex >= 0 && i < anchorIndex) status = "finish";
    if (i === anchorIndex) {
      if (!side) status = s.kind === "final" ? "finish" : "process";
      else status = task.state === "change_requested" ? "process" : "error";
    }
    const content = i === anchorIndex ? (side && current ? `${label(current)} · ${since}` : since) : undefined;
    return { key: s.key, title: label(s), status, content };
  });
  if (side && current && ENDING.has(task.state)) {
    items.push({ key: current.key, title: label(current), status: "error", content: since });
  }
  return (
    <div className="task-path" aria-label={t("tasks.path.title")}>
      <Steps
        orientation="vertical"
        size="small"
        items={items.map(({ key, title, status, content }) => ({
          key,
          title: status === "process" || status === "error" ? <strong aria-current="step">{title}</strong> : title,
          status,
          content,
        }))}
      />
    </div>
  );
}
