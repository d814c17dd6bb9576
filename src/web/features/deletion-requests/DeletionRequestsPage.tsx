// Officers' queue of personal-data deletion requests: complete (erases the person's personal data) or reject
// with a reason the person will read — each a command on the request (CommandDialog, deletion-requests-api.ts).
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { Alert, Button, Form, Input, Space } from "antd";
import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useQuery } from "@tanstack/react-query";
import { DELETION_STATUSES, deletionCompleteInput, deletionRejectInput, type DeletionRequest } from "../../../common/api/person";
import { formatDateTime } from "../../app/format";
import { CommandDialog } from "../../components/CommandDialog";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { DeletionStatusTag } from "../me/MyDataPage";
import { deletionRequestEndpoints, deletionRequestQuery, deletionRequestsApi, useDeletionRequestCommand } from "./deletion-requests-api";

type Action = { kind: "complete" | "reject"; request: DeletionRequest };

export function DeletionRequestsPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const config = useMemo<ListConfig<DeletionRequest>>(
    () => ({
      resource: "deletion-requests",
      endpoint: deletionRequestEndpoints.list,
      rowKey: (r) => r.id,
      searchLabel: t("deletion.search"),
      filters: [
        {
          name: "status",
          label: t("deletion.fields.status"),
          kind: "options",
          options: DELETION_STATUSES.map((s) => ({ value: s, label: t(`deletion.status.${s}`) })),
        },
      ],
      columns: [
        { title: t("deletion.fields.requestedAt"), dataIndex: "requestedAt", render: (d) => formatDateTime(d) },
        {
          title: t("deletion.fields.person"),
          dataIndex: "personName",
          render: (n, r) => (r.personId ? <Link to={`/people/${r.personId}`}>{n ?? r.personId}</Link> : n),
        },
        { title: t("deletion.fields.requestedBy"), dataIndex: "requestedByUsername" },
        { title: t("deletion.fields.reason"), dataIndex: "reason", ellipsis: true },
        { title: t("deletion.fields.status"), dataIndex: "status", render: (s: string) => <DeletionStatusTag status={s} /> },
        { title: t("deletion.fields.resolution"), dataIndex: "resolution", ellipsis: true },
        {
          title: t("list.actions"),
          key: "actions",
          render: (_, r) => (
            <Space>
              {r.abilities.complete && (
                <Button size="small" type="primary" danger icon={<CheckOutlined aria-hidden />} onClick={() => setAction({ kind: "complete", request: r })}>
                  {t("deletion.complete")}
                </Button>
              )}
              {r.abilities.reject && (
                <Button size="small" icon={<CloseOutlined aria-hidden />} onClick={() => setAction({ kind: "reject", request: r })}>
                  {t("deletion.reject")}
                </Button>
              )}
            </Space>
          ),
        },
      ],
    }),
    [t],
  );
  return (
    <>
      <PageHeader title={t("deletion.title")} subtitle={t("deletion.subtitle")} />
      <ListView config={config} />
      {action && <ResolveDialog action={action} onClose={() => setAction(null)} />}
    </>
  );
}

/** Complete (the resolution note optional) or reject (a reason the person will read), with the request's version. */
function ResolveDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery(deletionRequestQuery(action.request));
  const r = q.data;
  const command = useDeletionRequestCommand(r.id);
  const complete = action.kind === "complete";
  return (
    <CommandDialog<{ resolution?: string }>
      title={complete ? t("deletion.completeTitle", { name: r.personName ?? "" }) : t("deletion.rejectTitle")}
      okText={complete ? t("deletion.complete") : t("deletion.reject")}
      danger={complete}
      command={command}
      schema={complete ? deletionCompleteInput : deletionRejectInput}
      submit={(v) => {
        const resolution = v.resolution?.trim() || null;
        return complete
          ? deletionRequestsApi.complete(r.id, { resolution, version: r.version })
          : deletionRequestsApi.reject(r.id, { resolution: resolution ?? "", version: r.version });
      }}
      done={complete ? "deletion.completed" : "deletion.rejected"}
      onClose={onClose}
      intro={complete && <Alert type="warning" showIcon title={t("deletion.completeWarning")} style={{ marginBottom: 16 }} />}
    >
      {({ rules }) => (
        <Form.Item
          name="resolution"
          label={complete ? t("deletion.resolutionOptional") : t("deletion.rejectReason")}
          rules={rules("resolution", !complete, complete ? t("deletion.resolutionOptional") : t("deletion.rejectReason"))}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      )}
    </CommandDialog>
  );
}
