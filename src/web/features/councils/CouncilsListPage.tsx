// Councils: search, filter by kind and status, sort and page; officers create a council from tasks.
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { App, Button, DatePicker, Form, Input, Modal, Select, Switch } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Dayjs } from "dayjs";
import { COUNCIL_STATUSES, type Council, type CouncilSummary } from "../../../common/api/council";
import { COUNCIL_KINDS, type CouncilKind } from "../../../common/councils/rules";
import { useSession } from "../../app/session";
import { api, errorMessage, type ListResult } from "../../app/api";
import { DATE_FORMAT, formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { CouncilStatusTag, councilAccess } from "./council-ui";

export function CouncilsListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [creating, setCreating] = useState(false);
  const config = useMemo<ListConfig<CouncilSummary>>(
    () => ({
      resource: "councils",
      endpoint: "/councils",
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
      {creating && <CreateCouncilDialog onClose={() => setCreating(false)} />}
    </>
  );
}

interface TaskOption {
  id: string;
  code: string;
  titleVi: string;
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

function CreateCouncilDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch("kind", form) ?? "selection";
  // Identification takes several proposals, the other kinds one task: the picker's mode follows the kind.
  useEffect(() => form.setFieldValue("taskIds", undefined), [kind, form]);
  const [search, setSearch] = useState("");
  const tasks = useQuery({
    queryKey: ["councils", "task-options", search],
    queryFn: () => api.get<ListResult<TaskOption>>("/tasks", { q: search || undefined, pageSize: 20 }),
  });
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Council>("/councils", {
        kind: v.kind,
        title: v.title,
        taskIds: Array.isArray(v.taskIds) ? v.taskIds : [v.taskIds],
        meetingAt: v.meetingAt ? v.meetingAt.toISOString() : null,
        place: v.place || null,
        decisionNumber: v.decisionNumber || null,
        decisionDate: v.decisionDate ? v.decisionDate.format("YYYY-MM-DD") : null,
        lateSubmission: v.kind === "acceptance" ? !!v.lateSubmission : false,
      }),
    onSuccess: (c) => {
      message.success(t("councils.done.create"));
      void navigate(`/councils/${c.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={t("councils.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={create.isPending}
      width={640}
    >
      <Form<CreateValues> form={form} layout="vertical" initialValues={{ kind: "selection" }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="kind" label={t("councils.fields.kind")} rules={[{ required: true }]}>
          <Select options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`councils.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t("councils.fields.title")} rules={[{ required: true, min: 3, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="taskIds"
          label={kind === "identification" ? t("councils.fields.proposals") : t("councils.fields.task")}
          extra={t(`councils.subjectsHelp.${kind}`)}
          rules={[{ required: true }]}
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
        <Form.Item name="place" label={t("councils.fields.place")}>
          <Input />
        </Form.Item>
        <Form.Item name="decisionNumber" label={t("councils.fields.decisionNumber")}>
          <Input />
        </Form.Item>
        <Form.Item name="decisionDate" label={t("councils.fields.decisionDate")}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
        </Form.Item>
        {kind === "acceptance" && (
          <Form.Item name="lateSubmission" label={t("councils.fields.lateSubmission")} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
