// Organisations × forms: each assigned report's status and timeliness, a link to the report; whoever may assign also
// removes assignments not yet started (several organisations at once).
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Table, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CompletenessRow, Period } from "../../../../common/api/statistics";
import { errorMessage } from "../../../app/api";
import { statisticsApi, usePeriodCommand } from "../statistics-api";
import { FormCodeTag, ReportTags } from "../statistics-ui";

export function CompletenessSection({ period: p }: { period: Period }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const command = usePeriodCommand(p.id);
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return s ? p.completeness.filter((r) => r.organisationName.toLowerCase().includes(s)) : p.completeness;
  }, [p.completeness, search]);
  const removable = p.completeness
    .filter((r) => selected.includes(r.organisationId))
    .flatMap((r) => r.reports.filter((x) => x.status === "assigned").map((x) => x.reportId));
  const remove = () =>
    command
      .mutateAsync(() => statisticsApi.unassign(p.id, removable))
      .then(
        (r) => {
          message.success(t("statistics.assign.removed", { count: (r as { removed: number }).removed }));
          setSelected([]);
        },
        (e) => message.error(errorMessage(e)),
      );
  if (!p.completeness.length) return <Empty description={t("statistics.assign.none")} />;
  return (
    <Card size="small">
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Input
          allowClear
          type="search"
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t("statistics.completeness.search")}
          aria-label={t("statistics.completeness.search")}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        {p.abilities.assign && (
          <Popconfirm title={t("statistics.assign.removeConfirm", { count: removable.length })} onConfirm={remove} disabled={!removable.length}>
            <Button danger disabled={!removable.length} loading={command.isPending}>
              {t("statistics.assign.remove", { count: removable.length })}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      <Table<CompletenessRow>
        className="stat-completeness"
        size="small"
        rowKey="organisationId"
        dataSource={rows}
        scroll={{ x: "max-content" }}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        rowSelection={
          p.abilities.assign
            ? {
                selectedRowKeys: selected,
                onChange: (k) => setSelected(k as string[]),
                // Ant Design names these boxes in English
                getTitleCheckboxProps: () => ({ "aria-label": t("list.selectAll") }),
                getCheckboxProps: (r) => ({ "aria-label": t("list.selectRow", { name: r.organisationName }) }),
              }
            : undefined
        }
        columns={[
          {
            title: t("statistics.fields.organisation"),
            dataIndex: "organisationName",
            fixed: "left",
            sorter: (a, b) => a.organisationName.localeCompare(b.organisationName, "vi"),
          },
          ...p.forms.map((f) => ({
            title: <FormCodeTag code={f.code} titleVi={f.titleVi} titleEn={f.titleEn} />,
            key: f.key,
            render: (_: unknown, r: CompletenessRow) => {
              const rep = r.reports.find((x) => x.formKey === f.key);
              if (!rep) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                // the link is named by what it shows, after the organisation and form it belongs to
                <Link to={`/statistics/reports/${rep.reportId}`}>
                  <span className="sr-only">{`${r.organisationName} ${f.code}: `}</span>
                  <ReportTags status={rep.status} timeliness={rep.timeliness} />
                </Link>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
