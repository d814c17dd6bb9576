// Officers' queue of personal-data deletion requests: complete (erases the person's personal data) or reject
// with a reason the person will read.
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { DELETION_STATUSES, type DeletionRequest } from "../../../common/api/person";
import { api, errorMessage } from "../../app/api";
import { formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { DeletionStatusTag } from "../me/MyDataPage";

type Action = { kind: "complete" | "reject"; request: DeletionRequest };

export function DeletionRequestsPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const config = useMemo<ListConfig<DeletionRequest>>(
    () => ({
      resource: "deletion-requests",
      endpoint: "/deletion-requests",
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

function ResolveDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ resolution?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = action.kind === "complete";

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/deletion-requests/${action.request.id}/${action.kind}`, { resolution: v.resolution?.trim() || null, version: action.request.version });
      message.success(complete ? t("deletion.completed") : t("deletion.rejected"));
      await qc.invalidateQueries({ queryKey: ["deletion-requests"] });
      await qc.invalidateQueries({ queryKey: ["people"] });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={complete ? t("deletion.completeTitle", { name: action.request.personName ?? "" }) : t("deletion.rejectTitle")}
      okText={complete ? t("deletion.complete") : t("deletion.reject")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: complete, loading: busy }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {complete && <Alert type="warning" showIcon title={t("deletion.completeWarning")} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="resolution"
          label={complete ? t("deletion.resolutionOptional") : t("deletion.rejectReason")}
          rules={complete ? [] : [{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
