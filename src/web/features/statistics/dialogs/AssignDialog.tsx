// Assign organisations (several at once, searched on the server) to some or all of the period's forms; the answer
// tells how many reports were made and how many existed already.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Checkbox, Form, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { assignmentInput, type Period } from "../../../../common/api/statistics";
import { CommandDialog } from "../../../components/CommandDialog";
import { useDebounced } from "../../../components/use-debounced";
import { statisticsApi, statisticsKeys, usePeriodCommand, type OrgOption } from "../statistics-api";
import { pick, useLang } from "../statistics-ui";

interface AssignValues {
  organisationIds: string[];
  formKeys: string[];
}

export function AssignDialog({ period: p, onClose }: { period: Period; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const command = usePeriodCommand(p.id);
  const [search, setSearch] = useState("");
  const [labels, setLabels] = useState<Record<string, string>>({});
  const term = useDebounced(search, 300);
  const orgs = useQuery({
    queryKey: statisticsKeys.organisationOptions(term),
    queryFn: () => statisticsApi.organisationOptions(term),
    staleTime: 30_000,
  });
  const labelOf = (o: OrgOption) => (o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi);
  const options = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: labelOf(o) }));
  const assignedIds = new Set(p.completeness.map((r) => r.organisationId));
  return (
    <CommandDialog<AssignValues>
      title={t("statistics.assign.title")}
      okText={t("statistics.assign.ok")}
      width={640}
      command={command}
      schema={assignmentInput}
      initialValues={{ organisationIds: [], formKeys: p.forms.map((f) => f.key) }}
      submit={(v) => statisticsApi.assign(p.id, { organisationIds: v.organisationIds, formKeys: v.formKeys })}
      done={(r) => {
        const { created, existing } = r as { created: number; existing: number };
        return t("statistics.assign.done", { created, existing });
      }}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t("statistics.assign.hint")}</Typography.Paragraph>}
    >
      <Form.Item
        name="organisationIds"
        label={t("statistics.fields.organisations")}
        rules={[{ required: true, type: "array", min: 1, message: t("statistics.assign.orgRequired") }]}
      >
        <Select
          id="assign-organisations"
          mode="multiple"
          allowClear
          placeholder={t("common.typeToSearch")}
          loading={orgs.isFetching}
          notFoundContent={orgs.isFetching ? t("common.loading") : t("states.noMatch")}
          showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
          onChange={(ids: string[]) => {
            setSearch("");
            setLabels((prev) => {
              const next = { ...prev };
              for (const o of options) if (ids.includes(o.value)) next[o.value] = o.label;
              return next;
            });
          }}
          options={[
            ...options.map((o) => ({ ...o, label: assignedIds.has(o.value) ? `${o.label} · ${t("statistics.assign.already")}` : o.label })),
            ...Object.entries(labels)
              .filter(([id]) => !options.some((o) => o.value === id))
              .map(([value, label]) => ({ value, label })),
          ]}
        />
      </Form.Item>
      <Form.Item
        name="formKeys"
        label={t("statistics.fields.forms")}
        rules={[{ required: true, type: "array", min: 1, message: t("statistics.periods.formsRequired") }]}
      >
        <Checkbox.Group
          style={{ display: "flex", flexDirection: "column", gap: 4 }}
          options={p.forms.map((f) => ({ value: f.key, label: `${f.code} — ${pick(lang, f.titleVi, f.titleEn)}` }))}
        />
      </Form.Item>
    </CommandDialog>
  );
}
