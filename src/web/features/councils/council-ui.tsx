// Shared bits of the council pages: status tag, access checks from the server's general abilities, score format.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CouncilStatus } from "../../../common/api/council";
import type { Me } from "../../app/session";
import { formatNumber } from "../../app/format";

const COLORS: Record<CouncilStatus, string> = { draft: "default", invited: "blue", in_session: "gold", concluded: "green", cancelled: "red" };

export function CouncilStatusTag({ status }: { status: CouncilStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`councils.status.${status}`)}</Tag>;
}

/** What the council pages offer, from the general abilities the server sends with the session. */
export const councilAccess = {
  list: (me: Me | null) => !!me?.can?.council?.list,
  create: (me: Me | null) => !!me?.can?.council?.create,
  /** "My ballots": people in the registry (experts) who may sit on councils */
  mine: (me: Me | null) => !!me?.personId && !!me?.roles.includes("expert"),
};

/** A score shown with at most 2 decimals in vi-VN (averages of ballots). */
export const formatScore = (n: number | null | undefined) => formatNumber(n, 2);
