// Audit log browser (admin): filters, each entry's before/after shown as a field-by-field difference, and a
// check of the hash chain that protects the log from tampering.
import { useMemo, useState } from "react";
import { Alert, Button, Descriptions, Table, Tag, Typography } from "antd";
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { AUDIT_OUTCOMES, type AuditEntry } from "../../../common/api/audit";
import { api, errorMessage } from "../../app/api";
import { formatDateTime, formatNumber } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";

interface Verification {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

const OUTCOME_COLORS: Record<string, string> = { success: "green", denied: "orange", failure: "red" };

export function AuditPage() {
  const { t } = useTranslation();
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.get<Verification>("/audit/verify"));
    } catch (e) {
      setVerification(null);
      setVerifyError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const config = useMemo<ListConfig<AuditEntry>>(
    () => ({
      resource: "audit",
      endpoint: "/audit",
      rowKey: (e) => String(e.id),
      searchLabel: t("audit.search"),
      searchPlaceholder: t("audit.searchPlaceholder"),
      defaultPageSize: 50,
      scrollX: false,
      filters: [
        { name: "action", label: t("audit.fields.action"), kind: "text", placeholder: "user.update" },
        { name: "entityType", label: t("audit.fields.entityType"), kind: "text", placeholder: "person" },
        { name: "entityId", label: t("audit.fields.entityId"), kind: "text" },
        {
          name: "outcome",
          label: t("audit.fields.outcome"),
          kind: "options",
          options: AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) })),
        },
        { name: "from", label: t("audit.from"), kind: "date" },
        { name: "to", label: t("audit.to"), kind: "date" },
      ],
      columns: [
        { title: t("audit.fields.at"), dataIndex: "at", sortKey: "at", render: (d) => formatDateTime(d), width: 150 },
        { title: t("audit.fields.actor"), dataIndex: "actorUsername", render: (u) => u ?? <span className="muted">{t("audit.system")}</span> },
        { title: t("audit.fields.action"), dataIndex: "action", render: (a) => <code>{a}</code> },
        {
          title: t("audit.fields.entity"),
          key: "entity",
          // the record's type and id as the filters take them (codes, like the action)
          render: (_, e) => (e.entityType ? <code>{`${e.entityType}${e.entityId ? ` · ${e.entityId.slice(0, 8)}` : ""}`}</code> : ""),
        },
        { title: t("audit.fields.outcome"), dataIndex: "outcome", render: (o: string) => <Tag color={OUTCOME_COLORS[o]}>{t(`audit.outcomes.${o}`)}</Tag> },
        { title: t("audit.fields.ip"), dataIndex: "ip" },
      ],
      expandable: {
        expandedRowRender: (e) => <AuditEntryDetails entry={e} />,
        rowExpandable: () => true,
      },
      actions: (
        <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verifying} onClick={verify}>
          {t("audit.verify")}
        </Button>
      ),
    }),

    [t, verifying],
  );

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      {verification && (
        <Alert
          closable={{ onClose: () => setVerification(null) }}
          style={{ marginBottom: 16 }}
          showIcon
          role="status"
          type={verification.ok ? "success" : "error"}
          title={verification.ok ? t("audit.chainOk") : t("audit.chainBroken", { id: verification.brokenAt })}
          description={t("audit.chainChecked", { count: verification.checked, checked: formatNumber(verification.checked) })}
        />
      )}
      {verifyError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={verifyError} />}
      <ListView config={config} />
    </>
  );
}

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = (entry.before && typeof entry.before === "object" ? entry.before : {}) as Record<string, unknown>;
  const after = (entry.after && typeof entry.after === "object" ? entry.after : {}) as Record<string, unknown>;
  const keys = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).sort();
  const rows = keys.map((k) => ({ key: k, before: before[k], after: after[k], changed: show(before[k]) !== show(after[k]) }));
  const changedFirst = [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
  return (
    <div className="audit-details">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: "id", label: t("audit.fields.id"), children: entry.id },
          { key: "corr", label: t("audit.fields.correlationId"), children: entry.correlationId ?? "—" },
          { key: "entityId", label: t("audit.fields.entityId"), children: entry.entityId ?? "—" },
        ]}
      />
      {rows.length > 0 ? (
        <Table
          size="small"
          className="diff-table"
          rowKey="key"
          pagination={false}
          dataSource={changedFirst}
          rowClassName={(r) => (r.changed ? "diff-changed" : "")}
          columns={[
            { title: t("audit.diff.field"), dataIndex: "key", render: (k, r) => (r.changed ? <strong>{k}</strong> : k) },
            { title: t("audit.diff.before"), dataIndex: "before", render: (v, r) => <code className={r.changed ? "diff-old" : ""}>{show(v)}</code> },
            { title: t("audit.diff.after"), dataIndex: "after", render: (v, r) => <code className={r.changed ? "diff-new" : ""}>{show(v)}</code> },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t("audit.diff.none")}</Typography.Text>
      )}
      {entry.details != null && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t("audit.fields.details")}
          </Typography.Title>
          <pre className="json-block">{JSON.stringify(entry.details, null, 2)}</pre>
        </>
      )}
    </div>
  );
}
