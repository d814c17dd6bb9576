import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { DossierStatus } from "../../../common/api/task";

const COLORS: Record<DossierStatus, string> = {
  draft: "default",
  submitted: "blue",
  valid: "cyan",
  invalid: "red",
  selected: "green",
  not_selected: "orange",
  withdrawn: "default",
};

export function DossierStatusTag({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`tasks.dossierStatus.${status}`)}</Tag>;
}
