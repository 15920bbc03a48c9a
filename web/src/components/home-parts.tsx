/** Pieces every home page shares: a block that links to its page, a rate with n and interval, a trend line. */
import type { ComponentChildren } from "preact";
import type { RankedLine } from "#schemas/ranking";
import type { Trend } from "#schemas/trend";
import { number, percent } from "../format";
import { sparkline, trendDirection } from "../home-data";
import { locale, t } from "../state";

export const Block = ({
  id,
  title,
  link,
  children,
}: {
  id: string;
  title: string;
  link?: { href: string; label: string };
  children: ComponentChildren;
}) => (
  <section id={id} class="home-block" aria-labelledby={`${id}-title`}>
    <h3 id={`${id}-title`}>{title}</h3>
    {children}
    {link && (
      <p class="home-more">
        <a href={link.href}>
          {link.label} <span aria-hidden="true">→</span>
        </a>
      </p>
    )}
  </section>
);

/** A rate never alone: with its n and, when the API gives one, its interval. */
export const rateText = (line: Pick<RankedLine, "negativeRate" | "n" | "wilson">): string => {
  const loc = locale.value;
  const rate = percent(loc, line.negativeRate);
  const n = number(loc, line.n);
  return line.wilson
    ? t("homeRate", { rate, n, lo: percent(loc, line.wilson.lo), hi: percent(loc, line.wilson.hi) })
    : t("homeRateNoInterval", { rate, n });
};

/** The trend in words (the text alternative of the sparkline beside it). */
export const trendText = (trend: Trend): string => {
  const loc = locale.value;
  const rated = trend.points.filter((p) => p.negativeRate !== null && p.n > 0);
  const from = percent(loc, rated[0]?.negativeRate);
  const to = percent(loc, rated.at(-1)?.negativeRate);
  switch (trendDirection(trend.points)) {
    case "up":
      return t("homeTrendUp", { from, to });
    case "down":
      return t("homeTrendDown", { from, to });
    case "flat":
      return t("homeTrendFlat", { to });
    default:
      return t("homeTrendNone");
  }
};

const WIDTH = 96;
const HEIGHT = 24;

/** A small line of the weekly negative rate; its words are the trend text beside it. */
export const Sparkline = ({ trend }: { trend: Trend }) => {
  const points = sparkline(trend.points, WIDTH, HEIGHT);
  const words = trendText(trend);
  return (
    <span class="home-trend">
      <svg width={WIDTH} height={HEIGHT + 2} aria-hidden="true" class="home-spark">
        {points.length > 1 && (
          <polyline
            points={points.map((p) => `${p.x},${p.y + 1}`).join(" ")}
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
        )}
        {points.map((p) => (
          <circle key={p.x} cx={p.x} cy={p.y + 1} r="1.5" fill="currentColor" />
        ))}
      </svg>{" "}
      <span class="home-trend-words">{words}</span>
    </span>
  );
};
