// The "deadline" cell of the lists that show work waiting (the tasks' work queue, councils, progress reports): the day,
// in red with a warning when it has passed.
import { Tag } from "antd";
import { WarningOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { formatDate } from "../app/format";

export function Deadline({ date, overdue }: { date: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!date) return null;
  return overdue ? (
    <Tag color="red" icon={<WarningOutlined aria-hidden />}>
      {formatDate(date)} · {t("list.overdue")}
    </Tag>
  ) : (
    <>{formatDate(date)}</>
  );
}
