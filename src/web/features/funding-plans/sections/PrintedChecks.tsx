// The baseline's checks of its printed figures: the errors first (relations no rounding explains), then the table
// exactly as printed with the chosen check's figures marked, then the other checks as notes by class.
import { useState } from "react";
import { Alert, Button, Card, Collapse, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, ColumnType } from "antd/es/table";
import { AimOutlined, CloseCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { CheckClassDto, FundingPlanVersion, PrintedCheckDto, PrintedCheckReportDto } from "../../../../common/api/funding-plan";
import { currentLang } from "../../../i18n/index";
import { planCitation } from "../../../../common/plan/citation";

const CLASS_ORDER: CheckClassDto[] = ["inconsistent", "wholes", "decimals", "rounded", "exact"];
const CLASS_COLOR: Record<CheckClassDto, string> = { inconsistent: "red", wholes: "gold", decimals: "blue", rounded: "cyan", exact: "green" };

export function PrintedChecks({ report, version }: { report: PrintedCheckReportDto; version: FundingPlanVersion }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(null);
  const errors = report.checks.filter((c) => c.class === "inconsistent");
  const chosen = report.checks.find((c) => c.number === selected) ?? null;
  const select = (n: number) => setSelected((s) => (s === n ? null : n));
  const notes = CLASS_ORDER.filter((k) => k !== "inconsistent" && report.counts[k] > 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {errors.length > 0 ? (
        <Card
          size="small"
          className="fp-errors"
          styles={{ header: { background: "#fff1f0" } }}
          title={
            <Space>
              <CloseCircleOutlined aria-hidden style={{ color: "#cf1322" }} />
              <span>{t("fundingPlans.check.errorsTitle", { count: errors.length })}</span>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t("fundingPlans.check.errorsHelp")}</Typography.Paragraph>
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            {errors.map((c) => (
              <CheckItem key={c.id} check={c} selected={selected === c.number} onSelect={select} />
            ))}
          </Space>
        </Card>
      ) : (
        <Alert type="success" showIcon message={t("fundingPlans.check.noErrors")} />
      )}
      <Card size="small" title={t("fundingPlans.check.printedTitle", { citation: planCitation(version.sourceLines, currentLang()) })}>
        <Typography.Paragraph type="secondary">{t("fundingPlans.check.printedHelp")}</Typography.Paragraph>
        {chosen && (
          <Alert
            style={{ marginBottom: 8 }}
            type="warning"
            showIcon
            icon={<AimOutlined aria-hidden />}
            message={t("fundingPlans.check.marked", { number: chosen.number, relation: chosen.relation, row: chosen.rowLabel })}
            action={
              <Button size="small" onClick={() => setSelected(null)}>
                {t("fundingPlans.check.unmark")}
              </Button>
            }
          />
        )}
        <PrintedTable report={report} version={version} chosen={chosen} />
      </Card>
      <Card size="small" title={t("fundingPlans.check.notesTitle", { count: report.checks.length - errors.length })}>
        <Collapse
          defaultActiveKey={["wholes", "decimals"]}
          items={notes.map((k) => ({
            key: k,
            label: (
              <Space wrap>
                <Tag color={CLASS_COLOR[k]}>{t(`fundingPlans.check.class.${k}`)}</Tag>
                <span>{t("fundingPlans.check.countOf", { count: report.counts[k] })}</span>
              </Space>
            ),
            children: (
              <Space direction="vertical" size="small" style={{ width: "100%" }}>
                <Typography.Text type="secondary">{t(`fundingPlans.check.classHelp.${k}`)}</Typography.Text>
                {report.checks
                  .filter((c) => c.class === k)
                  .map((c) => (
                    <CheckItem key={c.id} check={c} selected={selected === c.number} onSelect={select} />
                  ))}
              </Space>
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4 }}>
          {t("fundingPlans.check.method")}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("fundingPlans.check.notCheckable")}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}

function CheckItem({ check, selected, onSelect }: { check: PrintedCheckDto; selected: boolean; onSelect: (n: number) => void }) {
  const { t } = useTranslation();
  const error = check.class === "inconsistent";
  return (
    <div className={error ? "fp-error-item" : "fp-note-item"} style={{ borderLeft: `3px solid ${error ? "#cf1322" : "#d9d9d9"}`, paddingLeft: 12 }}>
      <Space wrap size="small">
        <Typography.Text strong>{t(error ? "fundingPlans.check.error" : "fundingPlans.check.number", { number: check.number })}</Typography.Text>
        <Tag>{check.rowLabel}</Tag>
        <Typography.Text>{check.relation}</Typography.Text>
        <Button
          size="small"
          type={selected ? "primary" : "link"}
          icon={<AimOutlined aria-hidden />}
          onClick={() => onSelect(check.number)}
          aria-pressed={selected}
        >
          {t(selected ? "fundingPlans.check.shown" : "fundingPlans.check.show")}
        </Button>
      </Space>
      <div>
        <Typography.Text code>{check.arithmetic}</Typography.Text>
      </div>
      <Typography.Text type={error ? "danger" : "secondary"}>{check.explanation}</Typography.Text>
    </div>
  );
}

type PrintedRowDto = PrintedCheckReportDto["rows"][number];

function PrintedTable({ report, version, chosen }: { report: PrintedCheckReportDto; version: FundingPlanVersion; chosen: PrintedCheckDto | null }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const inChosen = (row: PrintedRowDto, key: string) => !!chosen && chosen.figures.some((f) => f.year === row.year && f.key === key);
  const columns: ColumnsType<PrintedRowDto> = [
    { title: t("fundingPlans.col.year"), dataIndex: "label", key: "label", fixed: "left", width: 70 },
    ...version.columns.map((c, index): ColumnType<PrintedRowDto> => ({
      title: lang === "en" ? c.labelEn : c.labelVi,
      key: c.key,
      align: "right",
      width: 130,
      render: (_: unknown, r: PrintedRowDto) => {
        const cell = r.cells[index]!;
        const error = cell.errors.length > 0;
        const marked = inChosen(r, c.key);
        const tip = [
          t("fundingPlans.check.cellChecks", { numbers: cell.checks.join(", ") }),
          cell.worst ? t("fundingPlans.check.cellWorst", { finding: t(`fundingPlans.check.class.${cell.worst}`) }) : null,
        ]
          .filter(Boolean)
          .join(" · ");
        return (
          <Tooltip title={tip}>
            <span
              className={[error ? "fp-error" : "", marked ? "fp-marked" : ""].join(" ").trim() || undefined}
              data-figure={`${r.label}:${c.key}`}
              style={{
                whiteSpace: "nowrap",
                padding: "0 4px",
                borderRadius: 4,
                border: error ? "1px solid #ff7875" : "1px solid transparent",
                color: error ? "#a8071a" : undefined,
                background: marked ? "#fff566" : error ? "#fff1f0" : undefined,
                fontWeight: marked ? 600 : undefined,
              }}
            >
              <span className="fp-printed">{cell.cell.original}</span>
              {error && <sup style={{ marginLeft: 2 }}>{cell.errors.join(",")}</sup>}
            </span>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Table<PrintedRowDto> size="small" bordered rowKey="label" columns={columns} dataSource={report.rows} pagination={false} scroll={{ x: "max-content" }} />
  );
}
