// A new scenario: a name, a note and what-if edits of the inputs per year (GDP, city spending, the shares), saved as
// a new immutable version based on the one shown. The name and note are checked with the shared body's rules.
import { useMemo, useState } from "react";
import { Form, Input, InputNumber, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { scenarioInput, type FundingPlanVersion, type YearInputsInput } from "../../../../common/api/funding-plan";
import { CommandDialog } from "../../../components/CommandDialog";
import { currentLang } from "../../../i18n/index";
import { fundingPlansApi, useScenarioCommand } from "../funding-plans-api";

type ScenarioRow = Required<YearInputsInput>;

export function ScenarioDialog({ from, onClose, onCreated }: { from: FundingPlanVersion; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const command = useScenarioCommand();
  const initial = useMemo<ScenarioRow[]>(
    () =>
      from.rows
        .filter((r) => r.inputs)
        .map((r) => {
          const i = r.inputs!;
          // a few decimals are enough for what-if edits; unchanged implied inputs keep the exact value
          return {
            year: i.year,
            gdp: i.gdp,
            citySpending: i.citySpending,
            socialSharePct: i.socialSharePct,
            cityBudgetSharePct: i.cityBudgetSharePct,
            recurrentSharePct: i.recurrentSharePct,
          };
        }),
    [from],
  );
  const [rows, setRows] = useState<ScenarioRow[]>(initial);
  const set = (year: number, key: keyof ScenarioRow, value: number | null) =>
    setRows((rs) => rs.map((r) => (r.year === year ? { ...r, [key]: value ?? 0 } : r)));

  const numberCell = (key: keyof ScenarioRow, step: number, max: number) => (_: unknown, r: ScenarioRow) => (
    <InputNumber
      aria-label={`${t(`fundingPlans.input.${key}`)} ${r.year}`}
      value={r[key]}
      min={0}
      max={max}
      step={step}
      decimalSeparator={currentLang() === "vi" ? "," : "."}
      style={{ width: "100%" }}
      onChange={(v) => set(r.year, key, typeof v === "number" ? v : null)}
    />
  );

  return (
    <CommandDialog<{ name: string; note?: string }>
      title={t("fundingPlans.newScenarioFrom", { name: from.name })}
      okText={t("fundingPlans.saveScenario")}
      width={960}
      command={command}
      schema={scenarioInput}
      done="fundingPlans.scenarioSaved"
      submit={(v) => fundingPlansApi.createScenario({ name: v.name, note: v.note, basedOnId: from.id, inputs: rows })}
      onDone={(created) => onCreated((created as FundingPlanVersion).id)}
      onClose={onClose}
    >
      {({ rules }) => (
        <>
          <Form.Item name="name" label={t("fundingPlans.scenarioName")} rules={rules("name", true, t("fundingPlans.scenarioName"))}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t("fundingPlans.note")} rules={rules("note", false, t("fundingPlans.note"))}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t("fundingPlans.scenarioInputsHelp")}</Typography.Paragraph>
          <Table<ScenarioRow>
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={rows}
            scroll={{ x: "max-content" }}
            columns={[
              { title: t("fundingPlans.col.year"), dataIndex: "year", key: "year", width: 70 },
              { title: t("fundingPlans.input.gdp"), key: "gdp", width: 170, render: numberCell("gdp", 100, 100_000_000) },
              { title: t("fundingPlans.input.socialSharePct"), key: "socialSharePct", width: 110, render: numberCell("socialSharePct", 0.1, 100) },
              { title: t("fundingPlans.input.citySpending"), key: "citySpending", width: 170, render: numberCell("citySpending", 100, 100_000_000) },
              { title: t("fundingPlans.input.cityBudgetSharePct"), key: "cityBudgetSharePct", width: 110, render: numberCell("cityBudgetSharePct", 0.1, 100) },
              { title: t("fundingPlans.input.recurrentSharePct"), key: "recurrentSharePct", width: 110, render: numberCell("recurrentSharePct", 5, 100) },
            ]}
          />
        </>
      )}
    </CommandDialog>
  );
}
