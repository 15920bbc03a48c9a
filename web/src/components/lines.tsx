/**
 * The period's product lines, worst first, from one ranking call: each line's figures, its Wilson
 * interval drawn against the policy's bar, and its state in words (never by colour alone).
 */
import type { RankedLine } from "#schemas/ranking";
import { policy } from "../data";
import { number, percent, periods } from "../format";
import { localName, unitName } from "../names";
import { ranking, refreshRanking } from "../rankings-data";
import { locale, period, t } from "../state";
import { IntervalChart } from "./interval";

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
        void refreshRanking();
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
                <td>{localName(line)}</td>
                <td>{unitName(line.businessUnitId)}</td>
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
