// S&T tasks: "all" (staff), "mine" (the PI, the lead or proposing organisation's representative, the proposer) and
// the work queue (view=action: the steps where the user's role acts now), which shows each task's next action for the
// user, since when it waits and its deadline (overdue in red), most urgent first, and filters by next action. Filters
// by state, year, type, programme and call; titles sort in Vietnamese order on the server. The view lives in the URL
// like the filters.
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { TASK_TYPES, TASK_METHODS, type TaskListItem, type TaskView } from "../../../common/api/task";
import { BASELINE_2013, LAW_2025 } from "../../../common/processes/index";
import { useSession } from "../../app/session";
import { formatDate } from "../../app/format";
import type { Me } from "../../app/session";
import { ListView, type ListConfig } from "../../components/ListView";
import { Deadline } from "../../components/deadline";
import { PageHeader } from "../../components/states";
import { useProgrammeOptions } from "../calls/call-ui";
import { TaskStateTag, taskAccess, useCallOptions, useMoney } from "./task-ui";

/** The steps of the shipped templates, for the state filter (keys shared by both are listed once). */
function useStateOptions() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  const seen = new Map<string, string>();
  for (const tpl of [BASELINE_2013, LAW_2025]) {
    for (const s of tpl.steps) if (!seen.has(s.key)) seen.set(s.key, en ? s.labelEn : s.labelVi);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** The actions of the shipped templates that the user's roles take (the queue's filter; a dossier's submission is not one). */
function useActionOptions(me: Me | null) {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  const seen = new Map<string, string>();
  for (const tpl of [BASELINE_2013, LAW_2025]) {
    for (const tr of tpl.transitions)
      if (tr.action !== "submit_dossier" && tr.roles.some((r) => me?.roles.includes(r)) && !seen.has(tr.action))
        seen.set(tr.action, en ? tr.labelEn : tr.labelVi);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

type UiView = TaskView | "open";

export function TasksListPage({ queue = false }: { queue?: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [sp, setSp] = useSearchParams();
  const staff = taskAccess.all(me);
  const requested = sp.get("view");
  // Staff start with every task; others with theirs, and may look at the tasks whose call takes dossiers now.
  const view: UiView = queue ? "action" : requested === "open" && !staff ? "open" : requested === "mine" || !staff ? "mine" : "all";
  const money = useMoney();
  const programmeOptions = useProgrammeOptions();
  const calls = useCallOptions();
  const stateOptions = useStateOptions();
  const actionOptions = useActionOptions(me);
  const en = useTranslation().i18n.language === "en";

  const config = useMemo<ListConfig<TaskListItem>>(
    () => {
      const nextColumn = {
        title: t("tasks.queue.nextAction"),
        key: "next",
        sortKey: queue ? "urgency" : undefined,
        render: (_: unknown, r: TaskListItem) => (r.nextAction ? <Link to={`/tasks/${r.id}`}>{en ? r.nextAction.labelEn : r.nextAction.labelVi}</Link> : null),
      };
      return {
        // one cache entry per view: the same filters answer differently in each
        resource: `tasks-${view}`,
        endpoint: view === "open" ? "/tasks?view=all&state=call_open" : `/tasks?view=${view}`,
        rowKey: (r) => r.id,
        rowHref: (r) => `/tasks/${r.id}`,
        searchLabel: t("tasks.search"),
        searchPlaceholder: t("tasks.searchPlaceholder"),
        filters: [
          ...(queue ? [{ name: "action", label: t("tasks.queue.action"), kind: "options" as const, options: actionOptions }] : []),
          ...(view === "open" ? [] : [{ name: "state", label: t("tasks.fields.state"), kind: "options" as const, options: stateOptions }]),
          { name: "year", label: t("tasks.fields.year"), kind: "year" },
          { name: "taskType", label: t("tasks.fields.taskType"), kind: "options", options: TASK_TYPES.map((k) => ({ value: k, label: t(`tasks.type.${k}`) })) },
          { name: "programmeId", label: t("tasks.fields.programme"), kind: "options", options: programmeOptions },
          { name: "callId", label: t("tasks.fields.call"), kind: "options", options: calls.options },
        ],
        // The key columns (code, title, PI, lead organisation, budget, state, the user's next action) fit a 1366 px
        // screen; the type, method and year are shown on demand (the list's column chooser). The queue puts the next
        // action first and shows since when the task waits and its deadline instead of the budget.
        columns: [
          ...(queue ? [nextColumn] : []),
          { title: t("tasks.fields.code"), dataIndex: "code", sortKey: "code", render: (c: string, r) => <Link to={`/tasks/${r.id}`}>{c}</Link> },
          { title: t("tasks.fields.titleVi"), dataIndex: "titleVi", sortKey: "title", width: 320 },
          ...(queue
            ? []
            : [
                { title: t("tasks.fields.taskType"), dataIndex: "taskType", optional: true, render: (k: string) => t(`tasks.type.${k}`) },
                {
                  title: t("tasks.fields.method"),
                  dataIndex: "method",
                  optional: true,
                  render: (m: string | null) => (m && (TASK_METHODS as readonly string[]).includes(m) ? t(`tasks.method.${m}`) : null),
                },
                { title: t("tasks.fields.year"), dataIndex: "year", sortKey: "year", optional: true },
              ]),
          { title: t("tasks.fields.pi"), dataIndex: "piName" },
          { title: t("tasks.fields.organisation"), key: "org", render: (_, r) => r.leadOrganisationName ?? r.proposingOrganisationName },
          ...(queue
            ? []
            : [
                {
                  title: t("tasks.fields.proposedBudget"),
                  dataIndex: "proposedBudget",
                  sortKey: "proposedBudget",
                  align: "right" as const,
                  render: (n: number | null) => money(n),
                },
              ]),
          {
            title: t("tasks.fields.state"),
            dataIndex: "state",
            sortKey: "state",
            render: (_: string, r) => <TaskStateTag state={r.state} labelVi={r.stateLabelVi} labelEn={r.stateLabelEn} />,
          },
          ...(queue
            ? [
                { title: t("list.waitingSince"), dataIndex: "stateEnteredAt", render: (d: string) => formatDate(d) },
                { title: t("list.deadline"), dataIndex: "deadline", render: (d: string | null, r: TaskListItem) => <Deadline date={d} overdue={r.overdue} /> },
              ]
            : [nextColumn]),
        ],
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, en, queue, view, programmeOptions.length, calls.options.length, stateOptions.length, actionOptions.length],
  );

  const tabs = [
    ...(staff ? [{ key: "all", label: t("tasks.views.all") }] : []),
    { key: "mine", label: t("tasks.views.mine") },
    ...(staff ? [] : [{ key: "open", label: t("tasks.views.open") }]),
  ];
  return (
    <>
      <PageHeader title={queue ? t("tasks.queueTitle") : t("tasks.title")} subtitle={queue ? t("tasks.queueSubtitle") : t("tasks.subtitle")} />
      {!queue && tabs.length > 1 && (
        <Tabs
          activeKey={view}
          items={tabs}
          // a view is a different list: its filters and page start afresh
          onChange={(k) => setSp(new URLSearchParams({ view: k }))}
        />
      )}
      <ListView key={view} config={config} />
    </>
  );
}

export function TaskQueuePage() {
  return <TasksListPage queue />;
}
