// Reporting periods of the statistical reporting regime (kỳ báo cáo thống kê): year, reference date, deadline, the
// forms collected, and how complete and timely the organisations' reports are. Staff create and edit periods here.
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Progress, Space, Tooltip } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import { PERIOD_STATUSES, periodInput, type Period, type PeriodItem } from "../../../common/api/statistics";
import { api, ApiError, errorMessage } from "../../app/api";
import { DATE_FORMAT, formatDate, formatNumber } from "../../app/format";
import { useSession } from "../../app/session";
import { applyServerIssues, rules } from "../../components/form-rules";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";
import { FormCodeTag, PeriodStatusTag, pct, pick, statisticsAccess, useFormList, useLang } from "./statistics-ui";

export function PeriodsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const config = useMemo<ListConfig<PeriodItem>>(
    () => ({
      resource: "statistics-periods",
      endpoint: "/statistics/periods",
      rowKey: (p) => p.id,
      rowHref: (p) => `/statistics/periods/${p.id}`,
      searchLabel: t("statistics.periods.search"),
      filters: [
        {
          name: "status",
          label: t("statistics.fields.status"),
          kind: "options",
          options: PERIOD_STATUSES.map((s) => ({ value: s, label: t(`statistics.periodStatus.${s}`) })),
        },
        { name: "year", label: t("statistics.fields.year"), kind: "year" },
      ],
      columns: [
        { title: t("statistics.fields.year"), dataIndex: "year", sortKey: "year", width: 80 },
        {
          title: t("statistics.fields.period"),
          key: "name",
          render: (_: unknown, p) => <Link to={`/statistics/periods/${p.id}`}>{pick(lang, p.nameVi, p.nameEn)}</Link>,
        },
        { title: t("statistics.fields.deadline"), dataIndex: "deadline", sortKey: "deadline", render: (d: string) => formatDate(d) },
        { title: t("statistics.fields.status"), dataIndex: "status", render: (s: PeriodItem["status"]) => <PeriodStatusTag status={s} /> },
        {
          title: t("statistics.fields.forms"),
          key: "forms",
          render: (_: unknown, p) => (
            <Space size={2} wrap>
              {p.forms.map((f) => (
                <FormCodeTag key={f.key} code={f.code} titleVi={f.titleVi} titleEn={f.titleEn} />
              ))}
            </Space>
          ),
        },
        { title: t("statistics.fields.organisations"), dataIndex: "organisationCount", render: (n: number) => formatNumber(n) },
        {
          title: t("statistics.fields.completeness"),
          key: "completeness",
          width: 200,
          render: (_: unknown, p) => (
            <Tooltip
              title={t("statistics.periods.completenessTip", {
                received: p.counts.submitted + p.counts.approved,
                assigned: p.counts.assigned,
                approved: p.counts.approved,
              })}
            >
              <Progress percent={p.counts.completenessPct ?? 0} size="small" format={() => pct(p.counts.completenessPct)} />
            </Tooltip>
          ),
        },
        { title: t("statistics.fields.timeliness"), key: "timeliness", render: (_: unknown, p) => pct(p.counts.timelinessPct) },
        { title: t("statistics.timeliness.overdue"), key: "overdue", render: (_: unknown, p) => formatNumber(p.counts.overdue) },
      ],
      actions: statisticsAccess.createPeriod(me) ? (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("statistics.periods.create")}
        </Button>
      ) : undefined,
    }),
    [t, lang, me],
  );
  return (
    <>
      <PageHeader title={t("statistics.periods.title")} subtitle={t("statistics.periods.subtitle")} />
      <ListView config={config} />
      <PeriodDialog open={creating} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/statistics/periods/${p.id}`)} />
    </>
  );
}

interface PeriodValues {
  year: number;
  nameVi: string;
  nameEn?: string;
  referenceDate?: Dayjs | null;
  deadline?: Dayjs | null;
  formKeys: string[];
  note?: string;
}

/** Create a period, or edit one (`period` given; sent with its version). */
export function PeriodDialog({ open, period, onClose, onSaved }: { open: boolean; period?: Period; onClose: () => void; onSaved: (p: Period) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const forms = useFormList();
  const [form] = Form.useForm<PeriodValues>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    const year = period?.year ?? new Date().getFullYear() - 1;
    form.setFieldsValue(
      period
        ? {
            year: period.year,
            nameVi: period.nameVi,
            nameEn: period.nameEn ?? "",
            referenceDate: dayjs(period.referenceDate),
            deadline: dayjs(period.deadline),
            formKeys: period.forms.map((f) => f.key),
            note: period.note ?? "",
          }
        : {
            year,
            nameVi: t("statistics.periods.defaultNameVi", { year }),
            nameEn: `Statistical reports ${year}`,
            referenceDate: dayjs(`${year}-12-31`),
            deadline: dayjs(`${year + 1}-02-01`),
            formKeys: [],
            note: "",
          },
    );
  }, [open, period, form, t]);
  const save = useMutation({
    mutationFn: (v: PeriodValues) => {
      const body = {
        year: v.year,
        nameVi: v.nameVi,
        nameEn: v.nameEn || null,
        referenceDate: v.referenceDate ? v.referenceDate.format("YYYY-MM-DD") : undefined,
        deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : undefined,
        formKeys: v.formKeys,
        note: v.note || null,
      };
      return period ? api.put<Period>(`/statistics/periods/${period.id}`, { ...body, version: period.version }) : api.post<Period>("/statistics/periods", body);
    },
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ["statistics-periods"] });
      qc.setQueryData(["statistics-period", p.id], p);
      message.success(t(period ? "statistics.periods.updated" : "statistics.periods.created"));
      onClose();
      onSaved(p);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldIssues.length) {
        const rest = applyServerIssues(form, e.fieldIssues);
        setError(rest.length ? rest.join(" ") : null);
      } else setError(errorMessage(e));
    },
  });
  const shape = periodInput.shape;
  return (
    <Modal
      open={open}
      title={t(period ? "statistics.periods.edit" : "statistics.periods.create")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Space wrap align="start">
          <Form.Item name="year" label={t("statistics.fields.year")} rules={rules(shape, "year", true)}>
            <InputNumber min={2000} max={2100} controls={false} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="referenceDate" label={t("statistics.fields.referenceDate")}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="deadline" label={t("statistics.fields.deadline")}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="nameVi" label={t("statistics.fields.nameVi")} rules={rules(shape, "nameVi", true)}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("statistics.fields.nameEn")}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="formKeys"
          label={t("statistics.fields.forms")}
          rules={[{ required: true, type: "array", min: 1, message: t("statistics.periods.formsRequired") }]}
        >
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.key, label: `${f.code} — ${pick(lang, f.titleVi, f.titleEn)}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t("statistics.fields.note")}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {error && (
          <div role="alert" className="ant-form-item-explain-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
