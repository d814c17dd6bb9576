// Create a reporting period, or edit one (`period` given; sent with its version): year, dates, names, the forms
// collected and a note, each checked with the shared body's rule.
import { Checkbox, DatePicker, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import dayjs, { type Dayjs } from "dayjs";
import { periodInput, type Period } from "../../../../common/api/statistics";
import { DATE_FORMAT } from "../../../app/format";
import { CommandDialog } from "../../../components/CommandDialog";
import { NumberField } from "../../../components/NumberField";
import { statisticsApi, usePeriodCommand } from "../statistics-api";
import { pick, useFormList, useLang } from "../statistics-ui";

interface PeriodValues {
  year: number;
  nameVi: string;
  nameEn?: string;
  referenceDate?: Dayjs | null;
  deadline?: Dayjs | null;
  formKeys: string[];
  note?: string;
}

export function PeriodDialog({ period, onClose, onSaved }: { period?: Period; onClose: () => void; onSaved?: (p: Period) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const forms = useFormList();
  const command = usePeriodCommand(period?.id);
  const year = period?.year ?? new Date().getFullYear() - 1;
  const initialValues: PeriodValues = period
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
      };
  const submit = (v: PeriodValues) => {
    const body = {
      year: v.year,
      nameVi: v.nameVi,
      nameEn: v.nameEn || null,
      referenceDate: v.referenceDate ? v.referenceDate.format("YYYY-MM-DD") : undefined,
      deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : undefined,
      formKeys: v.formKeys,
      note: v.note || null,
    };
    return period ? statisticsApi.updatePeriod(period.id, { ...body, version: period.version }) : statisticsApi.createPeriod(body);
  };
  return (
    <CommandDialog<PeriodValues>
      title={t(period ? "statistics.periods.edit" : "statistics.periods.create")}
      width={640}
      command={command}
      schema={periodInput}
      initialValues={initialValues}
      submit={submit}
      done={period ? "statistics.periods.updated" : "statistics.periods.created"}
      onDone={(p) => onSaved?.(p as Period)}
      onClose={onClose}
    >
      {({ rules }) => (
        <>
          <Space wrap align="start">
            <Form.Item name="year" label={t("statistics.fields.year")} rules={rules("year", true, t("statistics.fields.year"))}>
              <NumberField integer grouping={false} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              name="referenceDate"
              label={t("statistics.fields.referenceDate")}
              rules={rules("referenceDate", false, t("statistics.fields.referenceDate"))}
            >
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="deadline" label={t("statistics.fields.deadline")} rules={rules("deadline", false, t("statistics.fields.deadline"))}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
          </Space>
          <Form.Item name="nameVi" label={t("statistics.fields.nameVi")} rules={rules("nameVi", true, t("statistics.fields.nameVi"))}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="nameEn" label={t("statistics.fields.nameEn")} rules={rules("nameEn", false, t("statistics.fields.nameEn"))}>
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
          <Form.Item name="note" label={t("statistics.fields.note")} rules={rules("note", false, t("statistics.fields.note"))}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </CommandDialog>
  );
}
