/**
 * A rate's Wilson interval on a 0–100 % scale with the bar as a vertical mark; thick and dark red
 * when wholly above the bar. The state is also in the label (text), never only in the colour.
 */
import type { RankedLine } from "#schemas/ranking";
import { percent } from "../format";
import { locale, t } from "../state";

const x = (width: number, v: number) => 4 + Math.min(Math.max(v, 0), 1) * (width - 8);

export const IntervalChart = ({
  wilson,
  bar,
  width = 160,
}: {
  wilson: RankedLine["wilson"];
  bar: number;
  width?: number;
}) => {
  const label = wilson
    ? t("intervalTitle", {
        lo: percent(locale.value, wilson.lo),
        hi: percent(locale.value, wilson.hi),
        bar: percent(locale.value, bar),
      })
    : "–";
  return (
    <svg class="interval" width={width} height="14" role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={x(width, 0)} x2={x(width, 1)} y1="7" y2="7" stroke="#e5e5ea" stroke-width="2" />
      {wilson && (
        <line
          x1={x(width, wilson.lo)}
          x2={x(width, wilson.hi)}
          y1="7"
          y2="7"
          stroke={wilson.lo > bar ? "#b0102a" : "#1d1d1f"}
          stroke-width="6"
        />
      )}
      <line x1={x(width, bar)} x2={x(width, bar)} y1="0" y2="14" stroke="#b0102a" stroke-width="1.5" />
    </svg>
  );
};
