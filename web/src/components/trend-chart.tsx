/**
 * A line's negative rate by week, drawn with uPlot (imported only here, so only the line page's
 * chunk carries it), the bar as a dashed reference, and the same buckets as a table for anyone who
 * would rather read than look (or cannot see the canvas).
 */
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import type { Trend } from "#schemas/trend";
import { calendarDay, number, percent } from "../format";
import { trendSeries } from "../line-data";
import { locale, t } from "../state";

const ROTTEN = "#6b5b2e";
const BAR = "#b0102a";

/** The day a point's seconds stand for, as `2026-11-30`. */
const isoDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

const Canvas = ({ trend, bar, label }: { trend: Trend; bar: number | null; label: string }) => {
  const host = useRef<HTMLDivElement>(null);
  const loc = locale.value;
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const [days, rates] = trendSeries(trend.points);
    const highest = Math.max(10, bar === null ? 0 : bar * 100, ...rates.map((r) => r ?? 0));
    const series: uPlot.Series[] = [
      {},
      { label: t("negativeRate"), stroke: ROTTEN, width: 2, points: { show: true, size: 7, fill: ROTTEN } },
    ];
    const data: uPlot.AlignedData = [days, rates];
    if (bar !== null) {
      series.push({ label: "bar", stroke: BAR, width: 1.5, dash: [6, 4], points: { show: false } });
      data.push(days.map(() => bar * 100));
    }
    const chart = new uPlot(
      {
        width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: [0, Math.ceil(highest * 1.15)] } },
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "UTC"),
        series,
        axes: [
          // Room for a date in either language, so labels never run into each other.
          { space: 72, values: (_u, splits) => splits.map((s) => calendarDay(loc, isoDay(s), false)) },
          { values: (_u, splits) => splits.map((s) => percent(loc, s / 100)), size: 56 },
        ],
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [trend, bar, loc]);
  return <div ref={host} class="trend-canvas" role="img" aria-label={label} />;
};

export const TrendChart = ({ trend, bar }: { trend: Trend; bar: number | null }) => {
  const loc = locale.value;
  const from = calendarDay(loc, trend.from);
  const to = calendarDay(loc, trend.to);
  return (
    <figure class="trend">
      <Canvas trend={trend} bar={bar} label={t("lineTrendChart", { from, to })} />
      <figcaption class="note">
        {t("lineTrendRange", { from, to, zone: trend.timeZone })}{" "}
        {bar !== null && (
          <span class="trend-key">
            <span class="trend-key-bar" aria-hidden="true">
              ┄
            </span>{" "}
            {t("lineTrendBar", { bar: percent(loc, bar) })}
          </span>
        )}
      </figcaption>
      <details class="trend-table">
        <summary>{t("lineTrendTable")}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("lineWeek")}</th>
              <th scope="col" class="num">
                {t("n")}
              </th>
              <th scope="col" class="num">
                {t("problemsNegatives")}
              </th>
              <th scope="col" class="num">
                {t("negativeRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.start} data-week={p.start}>
                <th scope="row">{calendarDay(loc, p.start)}</th>
                <td class="num">{number(loc, p.n)}</td>
                <td class="num">{number(loc, p.negatives)}</td>
                <td class="num">{percent(loc, p.negativeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};
