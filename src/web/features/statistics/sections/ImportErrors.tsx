// An uploaded .xlsx refused whole: every wrong cell with its address and the reason.
import { Alert, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportCellError } from "../../../../common/api/statistics";
import { msgText, useLang } from "../statistics-ui";

export function ImportErrors({ errors, onClose }: { errors: ImportCellError[]; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!errors.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      title={t("statistics.report.importInvalid", { count: errors.length })}
      description={
        <Table<ImportCellError>
          size="small"
          rowKey={(e) => `${e.address}-${e.cellKey}-${e.messageVi}`}
          pagination={errors.length > 10 ? { pageSize: 10 } : false}
          dataSource={errors}
          columns={[
            { title: t("statistics.report.address"), dataIndex: "address", width: 90 },
            { title: t("statistics.report.message"), key: "m", render: (_: unknown, e) => msgText(lang, e) },
          ]}
        />
      }
    />
  );
}
