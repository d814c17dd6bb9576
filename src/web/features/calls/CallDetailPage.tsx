// One call: the submission window in vi-VN date-time with a live countdown from the server's secondsToDeadline, the
// scope, its tasks with the user's next step on each (CallTasks), the required documents, and the lifecycle actions
// its `abilities` allow (publish, close, cancel).
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { CheckCircleOutlined, SendOutlined, StopOutlined, LockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { callCancel, callClose, type Call, type RequiredDocument } from "../../../common/api/call";
import { api } from "../../app/api";
import { CommandDialog, useRecordCommand } from "../../components/CommandDialog";
import { can } from "../../app/permissions";
import { useSession } from "../../app/session";
import { formatDateTime } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { CodeTags } from "../../components/reference";
import { CallStatusTag, Countdown } from "./call-ui";
import { DocumentButton } from "../documents/DocumentButton";
import { CallTasks } from "./CallTasks";

export const callQuery = (id: string) => ({
  queryKey: ["calls", "one", id],
  queryFn: () => api.get<Call>(`/calls/${id}`),
});

export function CallDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const q = useQuery(callQuery(id));
  const { me } = useSession();
  const en = i18n.language === "en";
  return (
    <RecordView<Call>
      query={q}
      back="/calls"
      resource="calls"
      title={(c) => `${c.code} · ${en && c.titleEn ? c.titleEn : c.titleVi}`}
      subtitle={(c) => <CallStatusTag status={c.status} accepting={c.acceptingSubmissions} />}
      editHref={(c) => (c.abilities.update ? `/calls/${c.id}/edit` : null)}
      actions={(c) => (
        <>
          <DocumentButton url={`/calls/${c.id}/notice.docx`} document="callNotice" fallbackName={`thong-bao-${c.code}.docx`} entityId={c.id} />
          <CallActions call={c} />
        </>
      )}
    >
      {(c) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <WindowCard call={c} fetchedAt={q.dataUpdatedAt} onElapsed={() => void q.refetch()} />
          <Section
            title={t("calls.sections.general")}
            items={[
              { key: "code", label: t("calls.fields.code"), children: c.code },
              { key: "kind", label: t("calls.fields.kind"), children: t(`calls.kind.${c.kind}`) },
              {
                key: "templateKey",
                label: t("calls.fields.templateKey"),
                children: (() => {
                  const name = (en ? c.templateNameEn : c.templateNameVi) ?? c.templateKey;
                  return can.readProcessTemplates(me) ? <Link to="/admin/processes">{name}</Link> : name;
                })(),
              },
              {
                key: "programme",
                label: t("calls.fields.programme"),
                children: c.programmeId && <Link to={`/programmes/${c.programmeId}`}>{`${c.programmeCode} · ${c.programmeName}`}</Link>,
              },
              { key: "titleEn", label: t("calls.fields.titleEn"), children: c.titleEn && <span lang="en">{c.titleEn}</span> },
              {
                key: "sectors",
                label: t("calls.fields.sectors"),
                span: "filled",
                children: c.sectors.length > 0 && <CodeTags list="sector" codes={c.sectors} />,
              },
              { key: "fields", label: t("calls.fields.fields"), span: "filled", children: c.fields.length > 0 && <CodeTags list="field" codes={c.fields} /> },
            ]}
          />
          {c.description && (
            <Card title={t("calls.fields.description")}>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{c.description}</Typography.Paragraph>
            </Card>
          )}
          {c.status !== "draft" && <CallTasks call={c} />}
          <Card title={t("calls.fields.requiredDocuments")}>
            <Table<RequiredDocument>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={c.requiredDocuments}
              scroll={{ x: "max-content" }}
              columns={[
                { title: t("calls.doc.code"), dataIndex: "code" },
                { title: t("calls.doc.label"), key: "label", render: (_, d) => (en ? d.labelEn : d.labelVi) },
                {
                  title: t("calls.doc.required"),
                  dataIndex: "required",
                  render: (r: boolean) => (r ? <Tag color="red">{t("calls.doc.requiredYes")}</Tag> : <Tag>{t("calls.doc.requiredNo")}</Tag>),
                },
              ]}
            />
          </Card>
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(c.createdAt), updated: formatDateTime(c.updatedAt), version: c.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}

function WindowCard({ call: c, fetchedAt, onElapsed }: { call: Call; fetchedAt: number; onElapsed: () => void }) {
  const { t } = useTranslation();
  return (
    <Section
      title={t("calls.sections.window")}
      extra={
        c.secondsToOpen !== null ? (
          <Countdown seconds={c.secondsToOpen} fetchedAt={fetchedAt} label={t("calls.opensIn")} onElapsed={onElapsed} />
        ) : c.secondsToDeadline !== null ? (
          <Countdown seconds={c.secondsToDeadline} fetchedAt={fetchedAt} label={t("calls.closesIn")} onElapsed={onElapsed} urgentBelow={86400} />
        ) : null
      }
      items={[
        { key: "opens", label: t("calls.fields.opensAt"), children: formatDateTime(c.opensAt) },
        { key: "closes", label: t("calls.fields.closesAt"), children: formatDateTime(c.closesAt) },
        {
          key: "accepting",
          label: t("calls.acceptingLabel"),
          children: c.acceptingSubmissions ? <Tag color="green">{t("calls.acceptingYes")}</Tag> : <Tag>{t("calls.acceptingNo")}</Tag>,
        },
        { key: "published", label: t("calls.fields.publishedAt"), children: c.publishedAt && formatDateTime(c.publishedAt) },
        {
          key: "closed",
          label: t("calls.fields.closedAt"),
          children: c.closedAt && `${formatDateTime(c.closedAt)}${c.closeReason ? ` — ${c.closeReason}` : ""}`,
        },
        {
          key: "cancelled",
          label: t("calls.fields.cancelledAt"),
          children: c.cancelledAt && `${formatDateTime(c.cancelledAt)} — ${c.cancelReason ?? ""}`,
        },
      ]}
    />
  );
}

type ReasonAction = "close" | "cancel";

/** Publish / close / cancel, each offered only when the record's abilities allow it; close early and cancel ask for a reason. */
function CallActions({ call: c }: { call: Call }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ReasonAction | null>(null);
  const command = useRecordCommand(callQuery(c.id).queryKey, { lists: [["calls", "list"]] });
  // Closing before the deadline (by the server's clock) needs a reason; after it, none.
  const early = c.secondsToDeadline !== null && c.secondsToDeadline > 0;
  return (
    <>
      {c.abilities.publish && (
        <Popconfirm
          title={t("calls.confirmPublish")}
          okText={t("calls.actions.publish")}
          cancelText={t("common.cancel")}
          onConfirm={() => command.run(() => api.post<Call>(`/calls/${c.id}/publish`, { version: c.version }), "calls.done.publish")}
        >
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={command.isPending && dialog === null}>
            {t("calls.actions.publish")}
          </Button>
        </Popconfirm>
      )}
      {c.abilities.close && (
        <Button icon={<LockOutlined aria-hidden />} onClick={() => setDialog("close")}>
          {t("calls.actions.close")}
        </Button>
      )}
      {c.abilities.cancel && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("cancel")}>
          {t("calls.actions.cancel")}
        </Button>
      )}
      {dialog && (
        <CommandDialog<{ reason?: string }>
          title={t(`calls.dialog.${dialog}Title`)}
          okText={t(`calls.actions.${dialog}`)}
          okIcon={<CheckCircleOutlined aria-hidden />}
          danger={dialog === "cancel"}
          command={command}
          schema={dialog === "cancel" ? callCancel : callClose}
          done={`calls.done.${dialog}`}
          onClose={() => setDialog(null)}
          intro={
            dialog === "close" && (
              <Alert
                type={early ? "warning" : "info"}
                showIcon
                style={{ marginBottom: 12 }}
                title={early ? t("calls.dialog.closeEarly") : t("calls.dialog.closeAfterDeadline")}
              />
            )
          }
          submit={(v) => api.post<Call>(`/calls/${c.id}/${dialog}`, { version: c.version, reason: v.reason?.trim() || null })}
        >
          {({ rules }) => (
            <Form.Item name="reason" label={t("calls.dialog.reason")} rules={rules("reason", dialog === "cancel" || early, t("calls.dialog.reason"))}>
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
        </CommandDialog>
      )}
    </>
  );
}
