// Councils: search, filter by kind and status, sort and page; officers create a council from tasks. A link from the
// home ("Lập hội đồng": /councils?create=<kind>&task=<id>&code=<task code>) opens the creation with that kind and task.
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Button } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { COUNCIL_STATUSES, type CouncilSummary } from "../../../common/api/council";
import { COUNCIL_KINDS, type CouncilKind } from "../../../common/councils/rules";
import { useSession } from "../../app/session";
import { formatDate, formatDateTime } from "../../app/format";
import { Deadline } from "../../components/deadline";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { CouncilStatusTag, councilAccess } from "./council-ui";
import { councilEndpoints } from "./councils-api";
import { CreateCouncilDialog, type CouncilPreset } from "./dialogs/CreateCouncilDialog";

export function CouncilsListPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { me } = useSession();
  const [sp, setSp] = useSearchParams();
  const asked = sp.get("create");
  const taskId = sp.get("task");
  const preset: CouncilPreset | undefined =
    asked && (COUNCIL_KINDS as readonly string[]).includes(asked) && taskId && councilAccess.create(me)
      ? { kind: asked as CouncilKind, task: { id: taskId, code: sp.get("code") ?? "" } }
      : undefined;
  const [creating, setCreating] = useState(false);
  const close = () => {
    setCreating(false);
    if (preset) setSp(new URLSearchParams(), { replace: true });
  };
  const config = useMemo<ListConfig<CouncilSummary>>(
    () => ({
      resource: "councils",
      endpoint: councilEndpoints.list,
      rowKey: (c) => c.id,
      rowHref: (c) => `/councils/${c.id}`,
      searchLabel: t("councils.search"),
      searchPlaceholder: t("councils.searchPlaceholder"),
      filters: [
        { name: "kind", label: t("councils.fields.kind"), kind: "options", options: COUNCIL_KINDS.map((k) => ({ value: k, label: t(`councils.kind.${k}`) })) },
        {
          name: "status",
          label: t("councils.fields.status"),
          kind: "options",
          options: COUNCIL_STATUSES.map((s) => ({ value: s, label: t(`councils.status.${s}`) })),
        },
      ],
      columns: [
        { title: t("councils.fields.title"), dataIndex: "title", sortKey: "title", render: (v: string, r) => <Link to={`/councils/${r.id}`}>{v}</Link> },
        { title: t("councils.fields.kind"), dataIndex: "kind", render: (k: string) => t(`councils.kind.${k}`) },
        { title: t("councils.fields.legalBasis"), dataIndex: "legalBasis", optional: true },
        { title: t("councils.fields.meetingAt"), dataIndex: "meetingAt", sortKey: "meetingAt", render: (d: string | null) => formatDateTime(d) },
        { title: t("councils.fields.subjects"), dataIndex: "subjects", optional: true },
        { title: t("councils.fields.members"), dataIndex: "members", optional: true },
        { title: t("councils.fields.status"), dataIndex: "status", render: (_: string, r) => <CouncilStatusTag status={r.status} /> },
        // what the council waits for, since when and until when (as the tasks' work queue)
        { title: t("list.nextStep"), key: "next", render: (_: unknown, r) => (r.nextAction ? (en ? r.nextAction.labelEn : r.nextAction.labelVi) : null) },
        { title: t("list.waitingSince"), dataIndex: "statusSince", render: (d: string) => formatDate(d) },
        { title: t("list.deadline"), dataIndex: "deadline", sortKey: "urgency", render: (d: string | null, r) => <Deadline date={d} overdue={r.overdue} /> },
      ],
      actions: councilAccess.create(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("councils.create")}
        </Button>
      ) : undefined,
    }),
    [t, en, me],
  );
  return (
    <>
      <PageHeader title={t("councils.title")} subtitle={t("councils.subtitle")} />
      <ListView config={config} />
      {(creating || preset) && <CreateCouncilDialog preset={creating ? undefined : preset} onClose={close} />}
    </>
  );
}
