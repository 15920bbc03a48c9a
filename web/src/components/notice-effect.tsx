/**
 * A fix's effect: the negative rate before the notice and since the fix, each drawn with its
 * interval on one scale (a small SVG), the verdict word, and the same figures as a table (the
 * chart's text alternative).
 */
import type { Notice } from "#schemas/notice";
import { number, percent } from "../format";
import { effectScale } from "../notice-view";
import { locale, t } from "../state";

type Effect = NonNullable<Notice["effect"]>;

const WIDTH = 320;
const LEFT = 110;
const ROW = 26;

const EffectChart = ({ effect, label }: { effect: Effect; label: string }) => {
  const loc = locale.value;
  const top = effectScale([effect.before.wilson?.hi, effect.since.wilson?.hi]);
  const x = (v: number) => LEFT + (Math.min(Math.max(v, 0), top) / top) * (WIDTH - LEFT - 10);
  const rows = [
    { name: t("noticeEffectBefore"), w: effect.before, colour: "#6b5b2e" },
    {
      name: t("noticeEffectSince"),
      w: effect.since,
      colour: effect.label === "improved" ? "#2e7d32" : "#1d1d1f",
    },
  ];
  const height = ROW * rows.length + 20;
  return (
    <svg class="notice-effect-chart" width={WIDTH} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      {rows.map((r, i) => {
        const y = ROW * i + 14;
        return (
          <g key={r.name}>
            <text x="0" y={y + 4} font-size="12" fill="#1d1d1f">
              {r.name}
            </text>
            <line x1={x(0)} x2={x(top)} y1={y} y2={y} stroke="#e5e5ea" stroke-width="2" />
            {r.w.wilson && (
              <line
                x1={x(r.w.wilson.lo)}
                x2={x(r.w.wilson.hi)}
                y1={y}
                y2={y}
                stroke={r.colour}
                stroke-width="6"
              />
            )}
            {r.w.negativeRate !== null && (
              <circle cx={x(r.w.negativeRate)} cy={y} r="4" fill="#fff" stroke={r.colour} stroke-width="2" />
            )}
          </g>
        );
      })}
      <text x={x(0)} y={height - 2} font-size="10" fill="#6e6e73">
        {percent(loc, 0)}
      </text>
      <text x={x(top)} y={height - 2} font-size="10" fill="#6e6e73" text-anchor="end">
        {percent(loc, top)}
      </text>
    </svg>
  );
};

export const NoticeEffect = ({ effect, minSample }: { effect: Effect; minSample: number }) => {
  const loc = locale.value;
  const pct = (v: number | null | undefined) => percent(loc, v);
  const { before, since, difference } = effect;
  const chartLabel = t("noticeEffectChart", {
    before: pct(before.negativeRate),
    blo: pct(before.wilson?.lo),
    bhi: pct(before.wilson?.hi),
    bn: number(loc, before.n),
    since: pct(since.negativeRate),
    slo: pct(since.wilson?.lo),
    shi: pct(since.wilson?.hi),
    sn: number(loc, since.n),
  });
  const why =
    effect.label === "too-early"
      ? t("noticeEffectWhy_too-early", { n: number(loc, since.n), minSample: number(loc, minSample) })
      : t(`noticeEffectWhy_${effect.label}` as const, { lo: pct(difference?.lo), hi: pct(difference?.hi) });
  return (
    <section id="notice-effect" aria-labelledby="notice-effect-title">
      <h3 id="notice-effect-title">{t("noticeEffectTitle")}</h3>
      <p id="notice-verdict" class={`notice-verdict ${effect.label}`}>
        <strong>{t("noticeEffectVerdict", { label: t(`noticeEffect_${effect.label}` as const) })}</strong>{" "}
        {why}
      </p>
      <EffectChart effect={effect} label={chartLabel} />
      <table id="notice-effect-table" class="notice-figures">
        <thead>
          <tr>
            <th scope="col">{t("noticeEffectWindow")}</th>
            <th scope="col" class="num">
              {t("n")}
            </th>
            <th scope="col" class="num">
              {t("noticeNegatives")}
            </th>
            <th scope="col" class="num">
              {t("noticeRate")}
            </th>
            <th scope="col">{t("noticeInterval")}</th>
          </tr>
        </thead>
        <tbody>
          {[
            { name: t("noticeEffectBefore"), w: before },
            { name: t("noticeEffectSince"), w: since },
          ].map(({ name, w }) => (
            <tr key={name}>
              <th scope="row">
                {name} <span class="note">{`${w.from} – ${w.to}`}</span>
              </th>
              <td class="num">{number(loc, w.n)}</td>
              <td class="num">{number(loc, w.negatives)}</td>
              <td class="num">{pct(w.negativeRate)}</td>
              <td>{w.wilson ? `${pct(w.wilson.lo)} – ${pct(w.wilson.hi)}` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {difference && (
        <p class="note">
          {t("noticeEffectChange", {
            value: pct(difference.value),
            lo: pct(difference.lo),
            hi: pct(difference.hi),
          })}
        </p>
      )}
    </section>
  );
};
