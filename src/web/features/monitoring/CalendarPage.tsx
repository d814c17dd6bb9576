// The signed-in user's deadlines: calls closing, progress reports due, inspections, follow-up actions, task end dates
// and council meetings — a month calendar and a list.
import { useState } from "react";
import { Link } from "react-router";
import { Badge, Calendar, Card, DatePicker, Flex, List, Segmented, Space, Tag, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import type { CalendarEvent, CalendarKind } from "../../../common/api/monitoring";
import { api } from "../../app/api";
import { formatDate, formatDateTime } from "../../app/format";
import { currentLang } from "../../i18n/index";
import { ErrorState, PageHeader } from "../../components/states";

const COLOURS: Record<CalendarKind, string> = {
  call_deadline: "blue",
  report_due: "orange",
  inspection: "purple",
  council_meeting: "cyan",
  task_end: "magenta",
  action_due: "gold",
};

function EventLine({ e }: { e: CalendarEvent }) {
  const { t } = useTranslation();
  const title = (currentLang() === "en" && e.titleEn) || e.titleVi;
  return (
    <Link to={e.link} title={title}>
      <Badge color={e.overdue ? "red" : COLOURS[e.kind]} text={`${t(`calendar.kind.${e.kind}`)}${e.refCode ? ` · ${e.refCode}` : ""}`} />
    </Link>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf("month"));
  const [view, setView] = useState<"month" | "list">("month");
  // The visible grid spans up to six weeks around the month.
  const from = month.startOf("month").subtract(7, "day").format("YYYY-MM-DD");
  const to = month.endOf("month").add(14, "day").format("YYYY-MM-DD");
  const q = useQuery({ queryKey: ["/calendar", from, to], queryFn: () => api.get<{ events: CalendarEvent[] }>("/calendar", { from, to }) });
  const events = q.data?.events ?? [];
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of events) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  const inMonth = events.filter((e) => e.date.startsWith(month.format("YYYY-MM")));

  return (
    <>
      <PageHeader
        title={t("calendar.title")}
        subtitle={t("calendar.subtitle")}
        extra={
          <Segmented
            value={view}
            onChange={(v) => setView(v as "month" | "list")}
            options={[
              { value: "month", label: t("calendar.monthView") },
              { value: "list", label: t("calendar.listView") },
            ]}
          />
        }
      />
      {q.error && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      <Space wrap style={{ marginBottom: 12 }}>
        {(Object.keys(COLOURS) as CalendarKind[]).map((k) => (
          <Tag key={k} color={COLOURS[k]}>
            {t(`calendar.kind.${k}`)}
          </Tag>
        ))}
        <Tag color="red">{t("calendar.overdue")}</Tag>
      </Space>
      {view === "month" ? (
        <Card>
          <Calendar
            mode="month"
            value={month}
            // the month is chosen with one named field (the calendar's own year and month lists have no name)
            headerRender={({ value, onChange }) => (
              <Flex justify="flex-end" style={{ padding: "0 0 12px" }}>
                <DatePicker
                  picker="month"
                  format="MM/YYYY"
                  allowClear={false}
                  value={value}
                  aria-label={t("calendar.month")}
                  onChange={(d) => d && onChange(d.startOf("month"))}
                />
              </Flex>
            )}
            onPanelChange={(d) => setMonth(d.startOf("month"))}
            onSelect={(d, info) => {
              if (info.source !== "date") setMonth(d.startOf("month"));
            }}
            cellRender={(d, info) => {
              if (info.type !== "date") return info.originNode;
              const list = byDay.get(d.format("YYYY-MM-DD")) ?? [];
              return (
                <ul className="calendar-events" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {list.map((e, n) => (
                    <li key={n} style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
                      <EventLine e={e} />
                    </li>
                  ))}
                </ul>
              );
            }}
          />
        </Card>
      ) : (
        <Card title={month.format("MM/YYYY")}>
          <List
            loading={q.isLoading}
            dataSource={inMonth}
            locale={{ emptyText: t("calendar.empty") }}
            renderItem={(e) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong>{e.at ? formatDateTime(e.at) : formatDate(e.date)}</Typography.Text>
                      <Tag color={e.overdue ? "red" : COLOURS[e.kind]}>{t(`calendar.kind.${e.kind}`)}</Tag>
                      <Link to={e.link}>{e.refCode}</Link>
                    </Space>
                  }
                  description={(currentLang() === "en" && e.titleEn) || e.titleVi}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
