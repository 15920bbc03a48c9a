/**
 * The period's product lines, worst first, from one ranking call: each line's figures, its Wilson
 * interval drawn against the policy's bar, and its state in words (never by colour alone).
 */
import type { RankedLine } from "#schemas/ranking";
import { catalog, policy, ranking, refresh } from "../data";
import { number, percent, periods } from "../format";
import { isZh, locale, period, t } from "../state";

const WIDTH = 160;
const x = (v: number) => 4 + Math.min(Math.max(v, 0), 1) * (WIDTH - 8);

/** The interval on a 0–100 % scale, the bar as a vertical mark; red and thick when wholly above it. */
const IntervalChart = ({ wilson, bar }: { wilson: RankedLine["wilson"]; bar: number }) => {
  const label = wilson
    ? t("intervalTitle", {
        lo: percent(locale.value, wilson.lo),
        hi: percent(locale.value, wilson.hi),
        bar: percent(locale.value, bar),
      })
    : "–";
  return (
    <svg class="interval" width={WIDTH} height="14" role="img" aria-label={label}>
      <title>{label}</title>
      <line x1={x(0)} x2={x(1)} y1="7" y2="7" stroke="#e5e5ea" stroke-width="2" />
      {wilson && (
        <line
          x1={x(wilson.lo)}
          x2={x(wilson.hi)}
          y1="7"
          y2="7"
          stroke={wilson.lo > bar ? "#d7263d" : "#1d1d1f"}
          stroke-width="6"
        />
      )}
      <line x1={x(bar)} x2={x(bar)} y1="0" y2="14" stroke="#d7263d" stroke-width="1.5" />
    </svg>
  );
};

const States = ({ line, over }: { line: RankedLine; over: boolean }) => {
  const words = [
    line.pulled && t("pulled"),
    !line.pulled && over && t("overBar"),
    line.atRisk && t("atRisk"),
    line.andon && t("andon"),
  ].filter(Boolean);
  return <td class="state">{words.join(" · ")}</td>;
};

const PeriodPicker = () => (
  <label>
    {t("period")}{" "}
    <select
      id="period"
      value={period.value ?? ""}
      onChange={(e) => {
        period.value = e.currentTarget.value;
        void refresh();
      }}
    >
      {periods(policy.value?.timeZone ?? "Asia/Shanghai").map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </select>
  </label>
);

export const Lines = () => {
  const data = ranking.value;
  const current = policy.value;
  if (!data || !current) return null;
  const loc = locale.value;
  const units = new Map(catalog.value?.businessUnits.map((u) => [u.id, u.name]) ?? []);
  const { minSample, confidence, absoluteThreshold, relativeThreshold } = current.review;
  const rows = [...data.lines].sort((a, b) => b.rank - a.rank);
  return (
    <section id="lines-section">
      <div class="toolbar">
        <h2>{t("lines")}</h2>
        <PeriodPicker />
      </div>
      <table id="lines">
        <thead>
          <tr>
            <th>{t("line")}</th>
            <th>{t("unit")}</th>
            <th>{t("category")}</th>
            <th class="num">{t("n")}</th>
            <th class="num">{t("negativeRate")}</th>
            <th>{t("interval", { confidence: percent(loc, confidence) })}</th>
            <th class="num">{t("rank")}</th>
            <th>{t("state")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>{t("noLines")}</td>
            </tr>
          )}
          {rows.map((line) => {
            const over = line.wilson !== null && line.n >= minSample && line.wilson.lo > data.bar;
            return (
              <tr key={line.productLineId} data-line={line.productLineId} class={over ? "poor" : undefined}>
                <td>{isZh.value && line.nameZh ? line.nameZh : line.name}</td>
                <td>{units.get(line.businessUnitId) ?? line.businessUnitId}</td>
                <td>{line.category}</td>
                <td class="num">{number(loc, line.n)}</td>
                <td class="num">{percent(loc, line.negativeRate)}</td>
                <td>
                  <IntervalChart wilson={line.wilson} bar={data.bar} />
                </td>
                <td class="num">{number(loc, line.rank)}</td>
                <States line={line} over={over} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="note">
        {t("barNote", {
          bar: percent(loc, data.bar),
          absolute: percent(loc, absoluteThreshold),
          relative: number(loc, relativeThreshold, 2),
          pooled: percent(loc, data.pooledRate),
          version: data.policyVersion,
          minSample: number(loc, minSample),
        })}
      </p>
    </section>
  );
};
