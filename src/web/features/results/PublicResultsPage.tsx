// The public catalogue of registered results (no sign-in): search without accents, filters by field, sector and
// year, and one result's page. Outside the signed-in frame, reachable from the sign-in page.
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Empty, Flex, Input, InputNumber, List, Pagination, Space, Spin, Tag, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/api";
import { formatDate, formatNumber } from "../../app/format";
import { CodeLabel, CodeSelect } from "../../components/reference";
import { PublicFrame } from "../../components/PublicFrame";
import { publicResultQuery, publicResultsParams, publicResultsQuery } from "./public-results-api";

export function PublicResultsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [sp, setSp] = useSearchParams();
  const query = publicResultsParams(sp);
  const q = useQuery(publicResultsQuery(query));
  const set = (k: string, v: string | number | null | undefined) =>
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (v === null || v === undefined || v === "") next.delete(k);
      else next.set(k, String(v));
      if (k !== "page") next.delete("page");
      return next;
    });
  return (
    <PublicFrame home="/results" maxWidth={1080}>
      <Typography.Paragraph type="secondary">{t("results.public.intro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t("results.public.searchPlaceholder")}
            aria-label={t("results.public.search")}
            onSearch={(v) => set("q", v.trim())}
            style={{ width: 320 }}
          />
          <CodeSelect
            list="field"
            allowClear
            placeholder={t("results.public.field")}
            value={query.fieldCode}
            onChange={(v) => set("fieldCode", v as string)}
            style={{ width: 280 }}
          />
          <CodeSelect
            list="sector"
            allowClear
            placeholder={t("results.public.sector")}
            value={query.sectorCode}
            onChange={(v) => set("sectorCode", v as string)}
            style={{ width: 220 }}
          />
          <InputNumber<number>
            placeholder={t("results.public.year")}
            aria-label={t("results.public.year")}
            min={1990}
            max={2100}
            value={query.year ? Number(query.year) : null}
            onChange={(v) => set("year", v)}
            style={{ width: 120 }}
          />
        </Flex>
      </Card>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : q.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : q.data.items.length === 0 ? (
        <Empty description={t("results.public.none")} />
      ) : (
        <>
          <Typography.Text type="secondary">{t("results.public.count", { count: q.data.total })}</Typography.Text>
          <List
            itemLayout="vertical"
            dataSource={q.data.items}
            renderItem={(r) => (
              <List.Item key={r.id}>
                <List.Item.Meta
                  title={<Link to={`/results/${r.id}`}>{en && r.titleEn ? r.titleEn : r.titleVi}</Link>}
                  description={
                    <Space wrap size={4}>
                      <Tag>{r.registrationCode}</Tag>
                      <Tag>{t(`tasks.type.${r.taskType}`)}</Tag>
                      {r.fieldCode && (
                        <Tag>
                          <CodeLabel list="field" code={r.fieldCode} />
                        </Tag>
                      )}
                      <span>{[r.piName, r.leadOrganisationName].filter(Boolean).join(" · ")}</span>
                      <span>· {formatDate(r.registeredAt)}</span>
                    </Space>
                  }
                />
                <Typography.Paragraph className="clamp-3">{r.abstractVi}</Typography.Paragraph>
                {r.keywords.map((k) => (
                  <Tag key={k} variant="outlined">
                    {k}
                  </Tag>
                ))}
              </List.Item>
            )}
          />
          <Pagination
            align="end"
            current={q.data.page}
            pageSize={q.data.pageSize}
            total={q.data.total}
            showSizeChanger={false}
            onChange={(p) => set("page", p)}
          />
        </>
      )}
    </PublicFrame>
  );
}

export function PublicResultPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const q = useQuery(publicResultQuery(id));
  const money = (n: number | null) => (n === null ? "—" : `${formatNumber(n, 0)} ${t("results.dong")}`);
  return (
    <PublicFrame home="/results" maxWidth={1080}>
      <Link className="page-back" to="/results">
        <ArrowLeftOutlined aria-hidden /> {t("results.public.back")}
      </Link>
      {q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : q.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Card>
          <Typography.Title level={1} style={{ fontSize: 26 }}>
            {en && q.data.titleEn ? q.data.titleEn : q.data.titleVi}
          </Typography.Title>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "reg", label: t("results.public.registrationCode"), children: q.data.registrationCode },
              { key: "regAt", label: t("results.public.registeredAt"), children: formatDate(q.data.registeredAt) },
              { key: "code", label: t("results.public.taskCode"), children: q.data.code },
              { key: "type", label: t("results.public.taskType"), children: t(`tasks.type.${q.data.taskType}`) },
              { key: "field", label: t("results.public.field"), children: <CodeLabel list="field" code={q.data.fieldCode} /> },
              { key: "sector", label: t("results.public.sector"), children: <CodeLabel list="sector" code={q.data.sectorCode} /> },
              { key: "pi", label: t("results.public.pi"), children: q.data.piName ?? "—" },
              { key: "org", label: t("results.public.organisation"), children: q.data.leadOrganisationName ?? "—" },
              { key: "period", label: t("results.public.period"), children: `${formatDate(q.data.startDate)} – ${formatDate(q.data.endDate)}` },
              { key: "grade", label: t("results.public.grade"), children: q.data.resultGrade ? t(`results.grade.${q.data.resultGrade}`) : "—" },
              { key: "budget", label: t("results.public.budgetTotal"), children: money(q.data.approvedBudgetTotal) },
              { key: "city", label: t("results.public.budgetCity"), children: money(q.data.approvedBudgetCity) },
            ]}
          />
          <Typography.Title level={4}>{t("results.summary.abstractVi")}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{en && q.data.abstractEn ? q.data.abstractEn : q.data.abstractVi}</Typography.Paragraph>
          <Typography.Title level={4}>{t("results.summary.outputsSummary")}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{q.data.outputsSummary}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "kw", label: t("results.summary.keywords"), children: q.data.keywords.length ? q.data.keywords.map((k) => <Tag key={k}>{k}</Tag>) : "—" },
              { key: "af", label: t("results.summary.applicationField"), children: q.data.applicationField ?? "—" },
              { key: "co", label: t("results.summary.contactOrganisation"), children: q.data.contactOrganisation ?? "—" },
            ]}
          />
          <Typography.Title level={4}>{t("results.applications.title")}</Typography.Title>
          {q.data.applications.length ? (
            <List
              size="small"
              dataSource={q.data.applications}
              renderItem={(a, i) => (
                <List.Item key={i}>
                  {a.place} — {t(`results.form.${a.form}`)} · {t("results.public.since", { date: formatDate(a.startedOn) })}
                  {a.scale ? ` · ${a.scale}` : ""}
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{t("results.applications.none")}</Typography.Text>
          )}
        </Card>
      )}
    </PublicFrame>
  );
}
