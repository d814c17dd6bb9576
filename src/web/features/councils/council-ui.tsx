// Shared bits of the council pages: status tag, access checks from the server's general abilities, score format.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CouncilStatus } from "../../../common/api/council";
import { formatNumber } from "../../app/format";

const COLORS: Record<CouncilStatus, string> = { draft: "default", invited: "blue", in_session: "gold", concluded: "green", cancelled: "red" };

export function CouncilStatusTag({ status }: { status: CouncilStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`councils.status.${status}`)}</Tag>;
}

export { councilAccess } from "./council-access";

/** A score shown with at most 2 decimals in vi-VN (averages of ballots). */
export const formatScore = (n: number | null | undefined) => formatNumber(n, 2);
