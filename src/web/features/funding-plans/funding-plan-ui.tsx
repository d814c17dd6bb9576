// Shared bits of the funding plan's sections: figures in vi-VN notation, billions ↔ đồng, an input with its
// "implied" mark and explanation.
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../app/format";

export const BILLION = 1_000_000_000;
export const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "—" : formatNumber(v, digits));
export const toDong = (billion: number | null | undefined) => (billion === null || billion === undefined ? null : Math.round(billion * BILLION));

export function InputValue({ value, implied, explanation }: { value: number; implied: boolean; explanation: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {num(value)} {implied && <Tag color="gold">{t("fundingPlans.implied")}</Tag>}
      {explanation && (
        <div>
          <Typography.Text type="secondary">{explanation}</Typography.Text>
        </div>
      )}
    </>
  );
}
