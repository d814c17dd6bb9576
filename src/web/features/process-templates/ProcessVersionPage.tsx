// One version of a process template, readable by the staff who run it: the steps in order, and every transition as
// "from → action → to" with the roles that may take it, the documents it requires and the guards that must hold.
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Table, Tag, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { ProcessVersion } from "../../../common/processes/contract";
import { api } from "../../app/api";
import { formatDate } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { VersionNote } from "./ProcessTemplatesPage";

type Transition = ProcessVersion["transitions"][number];
const KIND_COLOR: Record<string, string> = { initial: "blue", normal: "default", final: "purple" };

export function ProcessVersionPage() {
  const { key = "", version = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const q = useQuery({
    queryKey: ["process-templates", key, "versions", version],
    queryFn: () => api.get<ProcessVersion>(`/process-templates/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`),
  });
  return (
    <RecordView<ProcessVersion>
      query={q}
      back="/admin/processes"
      title={(v) => `${en ? v.nameEn : v.nameVi} · ${t("processes.versionN", { v: v.version })}`}
      subtitle={(v) => (v.inForce ? <Tag color="green">{t("processes.inForce")}</Tag> : null)}
    >
      {(v) => {
        const label = (step: string) => {
          const s = v.steps.find((x) => x.key === step);
          return s ? (en ? s.labelEn : s.labelVi) : step;
        };
        const froms = (x: Transition) => (Array.isArray(x.from) ? x.from : [x.from]);
        return (
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Section
              title={t("processes.general")}
              items={[
                { key: "key", label: t("processes.key"), children: <code>{v.key}</code> },
                { key: "effectiveFrom", label: t("processes.effectiveFrom"), children: formatDate(v.effectiveFrom) },
                { key: "createdBy", label: t("processes.createdBy"), children: v.createdBy ?? t("processes.shipped") },
                { key: "legalBasis", label: t("processes.legalBasis"), children: v.legalBasis, span: "filled" },
                { key: "note", label: t("processes.note"), children: v.noteVi || v.noteEn ? <VersionNote v={v} en={en} /> : null, span: "filled" },
              ]}
            />
            <Card title={t("processes.steps", { count: v.steps.length })}>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={v.steps.map((s, i) => ({ ...s, n: i + 1 }))}
                scroll={{ x: "max-content" }}
                columns={[
                  { title: "#", dataIndex: "n", width: 48 },
                  { title: t("processes.step"), key: "label", render: (_, s) => (en ? s.labelEn : s.labelVi) },
                  { title: t("processes.key"), dataIndex: "key", render: (k: string) => <code>{k}</code> },
                  { title: t("processes.kind"), dataIndex: "kind", render: (k: string) => <Tag color={KIND_COLOR[k]}>{t(`processes.kinds.${k}`)}</Tag> },
                ]}
              />
            </Card>
            <Card title={t("processes.transitions", { count: v.transitions.length })}>
              <Table<Transition>
                size="small"
                rowKey={(x) => `${froms(x).join(",")}:${x.action}`}
                pagination={false}
                dataSource={v.transitions}
                scroll={{ x: "max-content" }}
                columns={[
                  {
                    title: t("processes.from"),
                    key: "from",
                    render: (_, x) => (
                      <Space orientation="vertical" size={0}>
                        {froms(x).map((f) => (
                          <span key={f}>{label(f)}</span>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    title: t("processes.action"),
                    key: "action",
                    render: (_, x) => (
                      <Space>
                        <ArrowRightOutlined aria-hidden />
                        <span>
                          <strong>{en ? x.labelEn : x.labelVi}</strong>
                          <br />
                          <Typography.Text type="secondary" code>
                            {x.action}
                          </Typography.Text>
                        </span>
                      </Space>
                    ),
                  },
                  { title: t("processes.to"), key: "to", render: (_, x) => label(x.to) },
                  {
                    title: t("processes.roles"),
                    key: "roles",
                    render: (_, x) => x.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
                  },
                  {
                    title: t("processes.requiredDocuments"),
                    key: "docs",
                    render: (_, x) => (x.requiredDocuments?.length ? x.requiredDocuments.map((d) => <Tag key={d}>{d}</Tag>) : <span className="muted">—</span>),
                  },
                  {
                    title: t("processes.guards"),
                    key: "guards",
                    render: (_, x) =>
                      x.guards?.length ? (
                        <ul style={{ margin: 0, paddingLeft: 16 }}>
                          {x.guards.map((g) => (
                            <li key={g}>{v.guardLabels[g] ? (en ? v.guardLabels[g].en : v.guardLabels[g].vi) : g}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">—</span>
                      ),
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </RecordView>
  );
}
