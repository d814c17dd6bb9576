// Councils: search, filter by kind and status, sort and page; officers create a council from tasks. A link from the
// home ("Lập hội đồng": /councils?create=<kind>&task=<id>&code=<task code>) opens the creation with that kind and task.
import { useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button, DatePicker, Form, Input, Select, Switch } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import { COUNCIL_STATUSES, councilInput, type Council, type CouncilSummary } from "../../../common/api/council";
import { COUNCIL_KINDS, type CouncilKind } from "../../../common/councils/rules";
import { useSession } from "../../app/session";
import { DATE_FORMAT, formatDateTime } from "../../app/format";
import { CommandDialog, useRecordCommand } from "../../components/CommandDialog";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { CouncilStatusTag, councilAccess } from "./council-ui";
import { councilEndpoints, councilKeys, councilTaskOptionsQuery, councilsApi } from "./councils-api";

export function CouncilsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [sp, setSp] = useSearchParams();
  const asked = sp.get("create");
  const preset: Preset | null =
    asked && (COUNCIL_KINDS as readonly string[]).includes(asked) && councilAccess.create(me)
      ? { kind: asked as CouncilKind, taskId: sp.get("task"), code: sp.get("code") ?? "" }
      : null;
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
        { title: t("councils.fields.legalBasis"), dataIndex: "legalBasis" },
        { title: t("councils.fields.meetingAt"), dataIndex: "meetingAt", sortKey: "meetingAt", render: (d: string | null) => formatDateTime(d) },
        { title: t("councils.fields.subjects"), dataIndex: "subjects" },
        { title: t("councils.fields.members"), dataIndex: "members" },
        { title: t("councils.fields.status"), dataIndex: "status", render: (_: string, r) => <CouncilStatusTag status={r.status} /> },
      ],
      actions: councilAccess.create(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("councils.create")}
        </Button>
      ) : undefined,
    }),
    [t, me],
  );
  return (
    <>
      <PageHeader title={t("councils.title")} subtitle={t("councils.subtitle")} />
      <ListView config={config} />
      {(creating || preset) && <CreateCouncilDialog preset={preset} onClose={close} />}
    </>
  );
}

/** What a link asks the creation to start with: the kind of council and the task it is about. */
interface Preset {
  kind: CouncilKind;
  taskId: string | null;
  code: string;
}

interface CreateValues {
  kind: CouncilKind;
  title: string;
  /** several proposals (identification) or one task */
  taskIds: string[] | string;
  meetingAt?: Dayjs | null;
  place?: string;
  decisionNumber?: string;
  decisionDate?: Dayjs | null;
  lateSubmission?: boolean;
}

function CreateCouncilDialog({ onClose, preset }: { onClose: () => void; preset: Preset | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const watched = Form.useWatch("kind", form);
  const kind = watched ?? preset?.kind ?? "selection";
  // Identification takes several proposals, the other kinds one task: the picker's mode follows the kind, and a kind
  // changed by the user empties it (not the kind the dialog starts with).
  const shown = useRef<CouncilKind | undefined>(undefined);
  useEffect(() => {
    if (shown.current !== undefined && shown.current !== watched) form.setFieldValue("taskIds", undefined);
    shown.current = watched;
  }, [watched, form]);
  const [search, setSearch] = useState("");
  // the task a link names is among the options from the start (found by its code)
  const tasks = useQuery(councilTaskOptionsQuery(search || (preset?.code ?? "")));
  const command = useRecordCommand(councilKeys.lists, { lists: [councilKeys.all] });
  return (
    <CommandDialog<CreateValues>
      title={t("councils.create")}
      width={640}
      form={form}
      command={command}
      schema={councilInput.shape}
      initialValues={
        preset
          ? { kind: preset.kind, taskIds: preset.taskId ? (preset.kind === "identification" ? [preset.taskId] : preset.taskId) : undefined }
          : { kind: "selection" }
      }
      done="councils.done.create"
      onDone={(c) => void navigate(`/councils/${(c as Council).id}`)}
      onClose={onClose}
      submit={(v) =>
        councilsApi.create({
          kind: v.kind,
          title: v.title,
          taskIds: Array.isArray(v.taskIds) ? v.taskIds : [v.taskIds],
          meetingAt: v.meetingAt ? v.meetingAt.toISOString() : null,
          place: v.place || null,
          decisionNumber: v.decisionNumber || null,
          decisionDate: v.decisionDate ? v.decisionDate.format("YYYY-MM-DD") : null,
          lateSubmission: v.kind === "acceptance" ? !!v.lateSubmission : false,
        })
      }
    >
      {({ rules }) => (
        <>
          <Form.Item name="kind" label={t("councils.fields.kind")} rules={rules("kind", true)}>
            <Select options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`councils.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t("councils.fields.title")} rules={rules("title", true)}>
            <Input />
          </Form.Item>
          <Form.Item
            name="taskIds"
            label={kind === "identification" ? t("councils.fields.proposals") : t("councils.fields.task")}
            extra={t(`councils.subjectsHelp.${kind}`)}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Select
              mode={kind === "identification" ? "multiple" : undefined}
              showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
              loading={tasks.isFetching}
              options={(tasks.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${x.titleVi}` }))}
              placeholder={t("common.typeToSearch")}
            />
          </Form.Item>
          <Form.Item name="meetingAt" label={t("councils.fields.meetingAt")}>
            <DatePicker showTime format={`${DATE_FORMAT} HH:mm`} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="place" label={t("councils.fields.place")} rules={rules("place")}>
            <Input />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t("councils.fields.decisionNumber")} rules={rules("decisionNumber")}>
            <Input />
          </Form.Item>
          <Form.Item name="decisionDate" label={t("councils.fields.decisionDate")} rules={rules("decisionDate")}>
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
          {kind === "acceptance" && (
            <Form.Item name="lateSubmission" label={t("councils.fields.lateSubmission")} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </>
      )}
    </CommandDialog>
  );
}
