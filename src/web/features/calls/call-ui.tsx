// Small pieces shared by the call pages: status tag, kind label, the deadline countdown, programme options.
import { useEffect, useState } from "react";
import { Tag, Typography } from "antd";
import { ClockCircleOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CallStatus } from "../../../common/api/call";
import type { ProgrammeSummary } from "../../../common/api/programme";
import { api, type ListResult } from "../../app/api";

const STATUS_COLORS: Record<CallStatus, string> = { draft: "default", published: "blue", closed: "purple", cancelled: "red" };

export function CallStatusTag({ status, accepting }: { status: CallStatus; accepting?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLORS[status]}>{t(`calls.status.${status}`)}</Tag>
      {accepting && <Tag color="green">{t("calls.acceptingNow")}</Tag>}
    </>
  );
}

/** "3 ngày 04:05:06": the time left, from the server's secondsToDeadline and the moment the record was fetched. */
export function formatRemaining(seconds: number, daysLabel: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, "0");
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return `${days > 0 ? `${days} ${daysLabel} ` : ""}${hh}:${mm}:${ss}`;
}

/**
 * A live countdown. The server says how many seconds were left when it answered (its own clock decides the deadline);
 * the browser only counts down from there, so a wrong clock on the user's computer cannot move the deadline.
 */
export function Countdown({
  seconds,
  fetchedAt,
  label,
  onElapsed,
  urgentBelow = 0,
}: {
  seconds: number;
  fetchedAt: number;
  label: string;
  onElapsed?: () => void;
  /** shown in red when fewer seconds are left */
  urgentBelow?: number;
}) {
  const { t } = useTranslation();
  const left = () => seconds - (Date.now() - fetchedAt) / 1000;
  const [remaining, setRemaining] = useState(left);
  useEffect(() => {
    setRemaining(left());
    const timer = setInterval(() => {
      const r = left();
      setRemaining(r);
      if (r <= 0) {
        clearInterval(timer);
        onElapsed?.();
      }
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seconds, fetchedAt]);
  return (
    <span className="call-countdown" role="timer" aria-live="off">
      <ClockCircleOutlined aria-hidden /> {label}:{" "}
      <Typography.Text strong type={remaining < urgentBelow ? "danger" : undefined}>
        {formatRemaining(remaining, t("calls.days"))}
      </Typography.Text>
    </span>
  );
}

/** The programmes as select options (there are few). */
export function useProgrammeOptions() {
  const q = useQuery({
    queryKey: ["programmes", "options"],
    queryFn: () => api.get<ListResult<ProgrammeSummary>>("/programmes", { pageSize: 200, sort: "code" }),
    staleTime: 5 * 60_000,
  });
  return (q.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.nameVi}` }));
}
