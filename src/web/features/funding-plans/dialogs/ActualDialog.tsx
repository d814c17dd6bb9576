// Record or correct a year's actual allocations. The form takes billions (tỷ đồng) and sends đồng; each field is
// checked with the shared body's rule (an amount after its conversion to đồng). A correction carries the version the
// dialog shows: when someone saved first (409), the row reloads, the dialog shows their figures, and the next save
// goes out with their version.
import { useState } from "react";
import { Alert, Form, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { actualInput, money, type Actual } from "../../../../common/api/funding-plan";
import { CommandDialog } from "../../../components/CommandDialog";
import { currentLang } from "../../../i18n/index";
import { BILLION, num, toDong } from "../funding-plan-ui";
import { fundingPlansApi, useActualsCommand } from "../funding-plans-api";

interface ActualValues {
  year: number;
  cityRecurrent: number;
  cityDevelopment: number;
  otherSources?: number | null;
  source: string;
  note?: string;
}

/** an amount in billions, checked as the đồng the body carries */
const billions = z
  .number()
  .transform((b) => Math.round(b * BILLION))
  .pipe(money);
const schema = { ...actualInput.shape, cityRecurrent: billions, cityDevelopment: billions, otherSources: billions.nullish() };

export function ActualDialog({ actual, onClose }: { actual: Actual | null; onClose: () => void }) {
  const { t } = useTranslation();
  const command = useActualsCommand();
  // the version the dialog was opened with: a newer one means someone else saved meanwhile
  const [openedVersion] = useState(actual?.version);
  const initial: Partial<ActualValues> = actual
    ? {
        year: actual.year,
        cityRecurrent: actual.cityRecurrent / BILLION,
        cityDevelopment: actual.cityDevelopment / BILLION,
        otherSources: actual.otherSources === null ? null : actual.otherSources / BILLION,
        source: actual.source,
        note: actual.note ?? undefined,
      }
    : {};

  const submit = (v: ActualValues) => {
    const body = {
      cityRecurrent: toDong(v.cityRecurrent)!,
      cityDevelopment: toDong(v.cityDevelopment)!,
      otherSources: toDong(v.otherSources),
      source: v.source,
      note: v.note,
    };
    return actual ? fundingPlansApi.updateActual(actual.id, { ...body, version: actual.version }) : fundingPlansApi.createActual({ ...body, year: v.year });
  };

  return (
    <CommandDialog<ActualValues>
      title={actual ? t("fundingPlans.actual.edit", { year: actual.year }) : t("fundingPlans.actual.add")}
      command={command}
      schema={schema}
      initialValues={initial}
      done="fundingPlans.actual.saved"
      submit={submit}
      onClose={onClose}
      intro={
        actual &&
        actual.version !== openedVersion && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("fundingPlans.actual.conflict", {
              rec: num(actual.cityRecurrent / BILLION),
              dev: num(actual.cityDevelopment / BILLION),
              by: actual.updatedByName ?? "",
            })}
          />
        )
      }
    >
      {({ rules }) => {
        const amount = (name: keyof ActualValues, label: string, required: boolean) => (
          <Form.Item name={name} label={label} rules={rules(name, required)}>
            <InputNumber
              min={0}
              max={1_000_000}
              step={1}
              decimalSeparator={currentLang() === "vi" ? "," : "."}
              precision={3}
              style={{ width: "100%" }}
              addonAfter={t("fundingPlans.billion")}
            />
          </Form.Item>
        );
        return (
          <>
            <Form.Item name="year" label={t("fundingPlans.col.year")} rules={rules("year", true, t("fundingPlans.col.year"))}>
              <InputNumber min={2000} max={2100} disabled={!!actual} style={{ width: 140 }} />
            </Form.Item>
            {amount("cityRecurrent", t("fundingPlans.actual.cityRecurrent"), true)}
            {amount("cityDevelopment", t("fundingPlans.actual.cityDevelopment"), true)}
            {amount("otherSources", t("fundingPlans.actual.otherSources"), false)}
            <Form.Item
              name="source"
              label={t("fundingPlans.actual.source")}
              extra={t("fundingPlans.actual.sourceHelp")}
              rules={rules("source", true, t("fundingPlans.actual.source"))}
            >
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="note" label={t("fundingPlans.note")} rules={rules("note", false, t("fundingPlans.note"))}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </>
        );
      }}
    </CommandDialog>
  );
}
