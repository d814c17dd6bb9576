// A period's headline figures (assigned, received, approved, completeness, timeliness, overdue) and its details
// (dates, forms with their versions, note).
import { Card, Col, Descriptions, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { Period, PeriodCounts } from "../../../../common/api/statistics";
import { formatDate, formatDateTime, formatNumber } from "../../../app/format";
import { PeriodStatusTag, pct, pick, useLang } from "../statistics-ui";

export function PeriodCounts({ counts: c }: { counts: PeriodCounts }) {
  const { t } = useTranslation();
  const items: { title: string; value: string; tone?: string }[] = [
    { title: t("statistics.counts.assigned"), value: formatNumber(c.assigned) },
    { title: t("statistics.counts.received"), value: formatNumber(c.submitted + c.approved) },
    { title: t("statistics.counts.approved"), value: formatNumber(c.approved), tone: "#2a9d8f" },
    { title: t("statistics.fields.completeness"), value: pct(c.completenessPct) },
    { title: t("statistics.fields.timeliness"), value: pct(c.timelinessPct) },
    { title: t("statistics.counts.overdue"), value: formatNumber(c.overdue), tone: c.overdue ? "#c8553d" : undefined },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} className="stat-counts">
      {items.map((i) => (
        <Col key={i.title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={i.title} value={i.value} styles={{ content: i.tone ? { color: i.tone } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function PeriodDetails({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t("statistics.fields.year")}>{p.year}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.status")}>
          <PeriodStatusTag status={p.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.referenceDate")}>{formatDate(p.referenceDate)}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.deadline")}>{formatDate(p.deadline)}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.openedAt")}>{formatDateTime(p.openedAt) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.closedAt")}>{formatDateTime(p.closedAt) || "—"}</Descriptions.Item>
        <Descriptions.Item label={t("statistics.fields.forms")} span={2}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {p.forms.map((f) => (
              <li key={f.key}>
                {f.code} — {pick(lang, f.titleVi, f.titleEn)} ({t("statistics.fields.versionN", { n: f.version })})
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        {p.note && (
          <Descriptions.Item label={t("statistics.fields.note")} span={2}>
            {p.note}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
