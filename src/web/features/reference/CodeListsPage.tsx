// Reference code lists (admin): every version of every list with its legal basis, and the codes in force.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Segmented, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CODE_LIST_KEYS, type CodeListKey } from "../../../common/reference";
import { api } from "../../app/api";
import { formatDate } from "../../app/format";
import { useCodes } from "../../components/reference";
import { ErrorState, PageHeader } from "../../components/states";

interface ListVersion {
  listKey: string;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  note: string | null;
}

export function CodeListsPage() {
  const { t } = useTranslation();
  const [list, setList] = useState<CodeListKey>("field");
  const versions = useQuery({ queryKey: ["reference-versions"], queryFn: () => api.get<ListVersion[]>("/reference-versions") });
  const codes = useCodes(list);
  return (
    <>
      <PageHeader title={t("codeLists.title")} subtitle={t("codeLists.subtitle")} />
      <Card className="form-section">
        <div id="code-list-label" className="field-label">
          {t("codeLists.list")}
        </div>
        <Segmented<CodeListKey>
          aria-labelledby="code-list-label"
          value={list}
          onChange={setList}
          options={CODE_LIST_KEYS.map((k) => ({ value: k, label: t(`codeLists.lists.${k}`) }))}
          style={{ flexWrap: "wrap", maxWidth: "100%" }}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t("codeLists.versions")}>
            {versions.isError ? (
              <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
            ) : (
              <Table<ListVersion>
                size="small"
                rowKey={(v) => `${v.listKey}-${v.version}`}
                loading={versions.isPending}
                pagination={false}
                dataSource={(versions.data ?? []).filter((v) => v.listKey === list)}
                columns={[
                  {
                    title: t("codeLists.version"),
                    dataIndex: "version",
                    render: (v) => (v === codes.data?.version ? <Tag color="green">{t("codeLists.inForce", { v })}</Tag> : v),
                  },
                  { title: t("codeLists.effectiveFrom"), dataIndex: "effectiveFrom", render: (d) => formatDate(d) },
                  {
                    title: t("codeLists.legalBasis"),
                    dataIndex: "legalBasis",
                    render: (b, v) => (
                      <>
                        {b}
                        {v.note && (
                          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                            {v.note}
                          </Typography.Paragraph>
                        )}
                      </>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t("codeLists.codes", { count: codes.codes.length })}>
            {codes.isError ? (
              <ErrorState error={codes.error} onRetry={() => codes.refetch()} />
            ) : (
              <Table
                size="small"
                rowKey="code"
                loading={codes.isPending}
                dataSource={codes.codes}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: "max-content" }}
                columns={[
                  { title: t("codeLists.code"), dataIndex: "code", render: (c, r) => <code style={{ paddingLeft: (r.level - 1) * 16 }}>{c}</code> },
                  { title: t("codeLists.labelVi"), dataIndex: "labelVi", render: (l, r) => (r.level === 1 && list === "field" ? <strong>{l}</strong> : l) },
                  { title: t("codeLists.labelEn"), dataIndex: "labelEn", render: (v: string | null) => v && <span lang="en">{v}</span> },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
