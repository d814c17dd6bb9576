// "My data" (dữ liệu của tôi): a person sees and corrects their own record, gives or withdraws consent per purpose,
// downloads everything held about them, and asks for deletion (Law 91/2025/QH15 on personal data protection).
import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { DeleteOutlined, DownloadOutlined, EditOutlined, FileExcelOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CONSENT_PURPOSES, type ConsentState, type DeletionRequest, type Person } from "../../../common/api/person";
import { api, ApiError, download, errorMessage } from "../../app/api";
import { formatDateTime } from "../../app/format";
import { useSession } from "../../app/session";
import { RecordForm } from "../../components/RecordForm";
import { EmptyState, ErrorState, LoadingState, PageHeader } from "../../components/states";
import { PersonDetails } from "../people/PersonDetailPage";
import { personCompareFields, PersonFields, personToBody, personToValues, type PersonValues } from "../people/PersonForm";

export function MyDataPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <>
      <PageHeader title={t("me.title")} subtitle={t("me.subtitle", { name: me?.fullName ?? me?.displayName ?? "" })} />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <OwnRecord />
        <Consents />
        <ExportAndDeletion />
      </Space>
    </>
  );
}

function OwnRecord() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<PersonValues>();
  const q = useQuery({ queryKey: ["me", "person"], queryFn: () => api.get<Person>("/me/person") });

  if (q.isPending) {
    return (
      <Card title={t("me.record")}>
        <LoadingState />
      </Card>
    );
  }
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) {
      return (
        <Card title={t("me.record")}>
          <EmptyState description={t("me.noPerson")} />
        </Card>
      );
    }
    return (
      <Card title={t("me.record")}>
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      </Card>
    );
  }
  const person = q.data;
  if (editing) {
    return (
      <Card title={t("me.correctTitle")}>
        <Typography.Paragraph type="secondary">{t("me.correctHint")}</Typography.Paragraph>
        <RecordForm<Person, PersonValues>
          form={form}
          record={person}
          toValues={personToValues}
          toBody={(v) => personToBody(v, true)}
          update={(_id, body) => api.put<Person>("/me/person", body)}
          compare={personCompareFields(t, true)}
          resource="me"
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        >
          <PersonFields self />
        </RecordForm>
      </Card>
    );
  }
  return (
    <Card
      title={t("me.record")}
      extra={
        <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
          {t("me.correct")}
        </Button>
      }
    >
      <PersonDetails person={person} />
    </Card>
  );
}

function Consents() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const q = useQuery({ queryKey: ["me", "consents"], queryFn: () => api.get<ConsentState>("/me/consents") });

  const toggle = async (purpose: string, granted: boolean) => {
    setBusy(purpose);
    try {
      await api.post("/me/consents", { purpose, granted });
      message.success(granted ? t("me.consentGranted") : t("me.consentWithdrawn"));
      await qc.invalidateQueries({ queryKey: ["me", "consents"] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t("me.consents")}>
      {q.isPending ? (
        <LoadingState rows={3} />
      ) : q.isError ? (
        q.error instanceof ApiError && q.error.status === 404 ? (
          <EmptyState description={t("me.noPerson")} />
        ) : (
          <ErrorState error={q.error} onRetry={() => q.refetch()} />
        )
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t("me.consentsIntro", { version: q.data.noticeVersion })}</Typography.Paragraph>
          <List
            itemLayout="horizontal"
            dataSource={CONSENT_PURPOSES.map(
              (p) => q.data.current.find((c) => c.purpose === p) ?? { purpose: p, granted: null, noticeVersion: null, recordedAt: null },
            )}
            renderItem={(c) => {
              const id = `consent-${c.purpose}`;
              return (
                <List.Item
                  actions={[
                    <Switch
                      key="switch"
                      id={id}
                      checked={!!c.granted}
                      loading={busy === c.purpose}
                      aria-describedby={`${id}-desc`}
                      onChange={(v) => toggle(c.purpose, v)}
                    />,
                  ]}
                >
                  <List.Item.Meta
                    title={<label htmlFor={id}>{t(`me.purposes.${c.purpose}.title`)}</label>}
                    description={
                      <span id={`${id}-desc`}>
                        {t(`me.purposes.${c.purpose}.text`)}{" "}
                        {c.recordedAt ? (
                          <Typography.Text type="secondary">
                            · {t(c.granted ? "me.grantedAt" : "me.withdrawnAt", { at: formatDateTime(c.recordedAt), version: c.noticeVersion })}
                          </Typography.Text>
                        ) : (
                          <Tag>{t("me.notAsked")}</Tag>
                        )}
                      </span>
                    }
                  />
                </List.Item>
              );
            }}
          />
        </>
      )}
    </Card>
  );
}

function ExportAndDeletion() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [exporting, setExporting] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const requests = useQuery({ queryKey: ["me", "deletion-requests"], queryFn: () => api.get<DeletionRequest[]>("/me/deletion-requests") });
  const hasOpen = (requests.data ?? []).some((r) => r.status === "open");

  const exportAs = async (format: "json" | "xlsx") => {
    setExporting(format);
    try {
      await download("/me/export", { format }, `du-lieu-cua-toi.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const ask = async () => {
    const v = await form.validateFields();
    setSending(true);
    setError(null);
    try {
      await api.post("/me/deletion-requests", { reason: v.reason ?? null });
      message.success(t("me.deletionSent"));
      setAsking(false);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["me", "deletion-requests"] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title={t("me.exportAndDeletion")}>
      <Typography.Paragraph>{t("me.exportIntro")}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 24 }}>
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting === "json"} onClick={() => exportAs("json")}>
          {t("me.exportJson")}
        </Button>
        <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting === "xlsx"} onClick={() => exportAs("xlsx")}>
          {t("me.exportXlsx")}
        </Button>
      </Flex>

      <Typography.Title level={5}>{t("me.deletionTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("me.deletionIntro")}</Typography.Paragraph>
      {requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <Table<DeletionRequest>
          size="small"
          rowKey="id"
          loading={requests.isPending}
          dataSource={requests.data ?? []}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <EmptyState description={t("me.noDeletionRequests")} /> }}
          columns={[
            { title: t("deletion.fields.requestedAt"), dataIndex: "requestedAt", render: (d) => formatDateTime(d) },
            { title: t("deletion.fields.reason"), dataIndex: "reason" },
            { title: t("deletion.fields.status"), dataIndex: "status", render: (s: string) => <DeletionStatusTag status={s} /> },
            { title: t("deletion.fields.resolution"), dataIndex: "resolution" },
            { title: t("deletion.fields.resolvedAt"), dataIndex: "resolvedAt", render: (d) => formatDateTime(d) },
          ]}
        />
      )}
      {me?.personId && (
        <Button danger icon={<DeleteOutlined aria-hidden />} style={{ marginTop: 16 }} disabled={hasOpen} onClick={() => setAsking(true)}>
          {hasOpen ? t("me.deletionPending") : t("me.requestDeletion")}
        </Button>
      )}
      <Modal
        open={asking}
        title={t("me.requestDeletion")}
        okText={t("me.sendRequest")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, loading: sending }}
        onOk={ask}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t("me.deletionWarning")} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t("deletion.fields.reason")}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function DeletionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === "open" ? "orange" : status === "completed" ? "green" : "default";
  return <Tag color={color}>{t(`deletion.status.${status}`)}</Tag>;
}
