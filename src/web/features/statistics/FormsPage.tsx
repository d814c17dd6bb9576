// The statistical form templates (versioned configuration, TT 15/2018/TT-BKHCN): every stored version with its legal
// basis and effective date, and one version's layout with its validation rules. The layout can be tried out: the
// answers typed here are checked by the same engine as a report, and never saved.
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Button, Card, Descriptions, Space, Switch, Table, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CellValue, CellValues, FormVersionItem, ValidationRule } from "../../../common/api/statistics";
import { validateReport } from "../../../common/statistics/validate";
import { inputValues } from "../../../common/statistics/computed";
import { formatDate, formatNumber } from "../../app/format";
import { ErrorState, LoadingState, PageHeader } from "../../components/states";
import { FormGrid } from "./FormGrid";
import { MessageList } from "./sections/MessageSummary";
import { statisticsApi, statisticsKeys } from "./statistics-api";
import { msgText, pick, useFormVersion, useLang } from "./statistics-ui";

export function FormsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [all, setAll] = useState(false);
  const q = useQuery({
    queryKey: statisticsKeys.formCatalogue(all),
    queryFn: () => statisticsApi.forms(all),
    staleTime: 10 * 60_000,
  });
  return (
    <>
      <PageHeader
        title={t("statistics.forms.title")}
        subtitle={t("statistics.forms.subtitle")}
        extra={
          <Space>
            <Switch checked={all} onChange={setAll} aria-label={t("statistics.forms.allVersions")} />
            {t("statistics.forms.allVersions")}
          </Space>
        }
      />
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Card>
          <Table<FormVersionItem>
            loading={q.isLoading}
            rowKey={(f) => `${f.key}-${f.version}`}
            dataSource={q.data?.items ?? []}
            pagination={false}
            scroll={{ x: "max-content" }}
            columns={[
              {
                title: t("statistics.fields.form"),
                dataIndex: "code",
                render: (c: string, f) => <Link to={`/statistics/forms/${f.key}/versions/${f.version}`}>{c}</Link>,
              },
              { title: t("statistics.forms.name"), key: "title", render: (_: unknown, f) => pick(lang, f.titleVi, f.titleEn) },
              { title: t("statistics.fields.formVersion"), dataIndex: "version" },
              { title: t("statistics.forms.effectiveFrom"), dataIndex: "effectiveFrom", render: (d: string) => formatDate(d) },
              { title: t("statistics.forms.cells"), dataIndex: "cellCount", render: (n: number) => formatNumber(n) },
              { title: t("statistics.forms.legalBasis"), dataIndex: "legalBasis" },
            ]}
          />
        </Card>
      )}
    </>
  );
}

const OPS: Record<ValidationRule["op"], string> = { eq: "=", lte: "≤", gte: "≥" };

export function FormVersionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { key, version } = useParams();
  const q = useFormVersion(key, Number(version));
  const [values, setValues] = useState<CellValues>({});
  const def = q.data?.definition;
  const onChange = useMemo(() => (k: string, v: CellValue) => setValues((prev) => ({ ...prev, [k]: v })), []);
  // a trial checks what was typed: empty required cells are not reported here
  const result = useMemo(() => {
    if (!def || !Object.keys(values).length) return null;
    const messages = validateReport(def, inputValues(def, values)).messages.filter((m) => m.code !== "required");
    const errors = messages.filter((m) => m.severity === "error").length;
    return { messages, errors, warnings: messages.length - errors };
  }, [def, values]);
  if (q.isLoading) return <LoadingState rows={10} />;
  if (q.error || !q.data || !def) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  return (
    <>
      <PageHeader
        title={`${f.code} — ${pick(lang, f.titleVi, f.titleEn)}`}
        subtitle={pick(lang, def.descriptionVi, def.descriptionEn)}
        back="/statistics/forms"
        extra={<Tag>{t("statistics.fields.versionN", { n: f.version })}</Tag>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("statistics.forms.legalBasis")}>{f.legalBasis}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.forms.effectiveFrom")}>{formatDate(f.effectiveFrom)}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.forms.cells")}>{formatNumber(f.cellCount)}</Descriptions.Item>
          <Descriptions.Item label={t("statistics.forms.rules")}>{formatNumber(def.rules.length)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Alert
        className="stat-summary"
        type={result ? (result.errors ? "error" : result.warnings ? "warning" : "success") : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        title={result ? t("statistics.forms.tryResult", { errors: result.errors, warnings: result.warnings }) : t("statistics.forms.tryHint")}
        description={result && result.messages.length > 0 ? <MessageList messages={result.messages} /> : undefined}
        action={
          Object.keys(values).length > 0 && (
            <Button size="small" onClick={() => setValues({})}>
              {t("statistics.forms.clear")}
            </Button>
          )
        }
      />
      <FormGrid definition={def} values={values} onChange={onChange} messages={result?.messages ?? []} />
      <Card title={t("statistics.forms.rules")} size="small">
        <Table<ValidationRule>
          size="small"
          rowKey="key"
          dataSource={def.rules}
          pagination={false}
          scroll={{ x: "max-content" }}
          columns={[
            {
              title: t("statistics.forms.severity"),
              dataIndex: "severity",
              render: (s: ValidationRule["severity"]) => <Tag color={s === "error" ? "error" : "warning"}>{t(`statistics.forms.severities.${s}`)}</Tag>,
            },
            {
              title: t("statistics.forms.expression"),
              key: "expr",
              render: (_: unknown, r) => (
                <Typography.Text code>
                  {`${r.left.join(" + ")} ${OPS[r.op]} ${r.right.join(" + ")}`}
                  {r.each ? ` (${t(`statistics.forms.each.${r.each.over}`, { table: r.each.table })})` : ""}
                </Typography.Text>
              ),
            },
            { title: t("statistics.report.message"), key: "m", render: (_: unknown, r) => msgText(lang, r) },
          ]}
        />
      </Card>
    </>
  );
}
