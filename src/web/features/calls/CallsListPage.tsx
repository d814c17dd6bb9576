// Calls (đợt gọi đề xuất / tuyển chọn): search, filters (status, kind, programme, open now), sort and paging.
// Researchers and enterprises see published calls; officers also see drafts.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CALL_KINDS, CALL_STATUSES, type CallSummary } from "../../../common/api/call";
import { useSession } from "../../app/session";
import { can } from "../../app/permissions";
import { formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { CallStatusTag, useProgrammeOptions } from "./call-ui";

export function CallsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const programmeOptions = useProgrammeOptions();
  const staff = can.createCall(me);
  const config = useMemo<ListConfig<CallSummary>>(
    () => ({
      resource: "calls",
      endpoint: "/calls",
      rowKey: (c) => c.id,
      rowHref: (c) => `/calls/${c.id}`,
      searchLabel: t("calls.search"),
      searchPlaceholder: t("calls.searchPlaceholder"),
      filters: [
        {
          name: "status",
          label: t("calls.fields.status"),
          kind: "options",
          // Others only ever see calls that were published.
          options: CALL_STATUSES.filter((s) => staff || s !== "draft").map((s) => ({ value: s, label: t(`calls.status.${s}`) })),
        },
        { name: "kind", label: t("calls.fields.kind"), kind: "options", options: CALL_KINDS.map((k) => ({ value: k, label: t(`calls.kind.${k}`) })) },
        { name: "programmeId", label: t("calls.fields.programme"), kind: "options", options: programmeOptions },
        {
          name: "open",
          label: t("calls.openNow"),
          kind: "options",
          options: [
            { value: "true", label: t("calls.openNowYes") },
            { value: "false", label: t("calls.openNowNo") },
          ],
        },
        { name: "sector", label: t("calls.fields.sectors"), kind: "code", list: "sector" },
      ],
      columns: [
        { title: t("calls.fields.code"), dataIndex: "code", sortKey: "code", render: (c: string, r) => <Link to={`/calls/${r.id}`}>{c}</Link> },
        { title: t("calls.fields.titleVi"), dataIndex: "titleVi", sortKey: "title" },
        { title: t("calls.fields.kind"), dataIndex: "kind", render: (k: string) => t(`calls.kind.${k}`) },
        {
          title: t("calls.fields.programme"),
          dataIndex: "programmeCode",
          render: (c: string | null, r) => (c ? <Link to={`/programmes/${r.programmeId}`}>{c}</Link> : null),
        },
        { title: t("calls.fields.opensAt"), dataIndex: "opensAt", sortKey: "opensAt", render: (d: string) => formatDateTime(d) },
        { title: t("calls.fields.closesAt"), dataIndex: "closesAt", sortKey: "closesAt", render: (d: string) => formatDateTime(d) },
        {
          title: t("calls.fields.status"),
          dataIndex: "status",
          render: (_: string, r) => <CallStatusTag status={r.status} accepting={r.acceptingSubmissions} />,
        },
      ],
      actions: staff ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/calls/new")}>
          {t("calls.create")}
        </Button>
      ) : undefined,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, me, navigate, staff, programmeOptions.length],
  );
  return (
    <>
      <PageHeader title={t("calls.title")} subtitle={t("calls.subtitle")} />
      <ListView config={config} />
    </>
  );
}
