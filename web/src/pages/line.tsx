/**
 * A product line's page: its name and unit, the Andon when one is raised, its figures for a period
 * against the bar, its weekly trend, what drives its negatives, its customers' words and its notices.
 */
import { useSignal } from "@preact/signals";
import type { ProductLineMetrics } from "#schemas/metrics";
import type { RankingEnvelope } from "#schemas/ranking";
import type { Trend } from "#schemas/trend";
import { api } from "../api";
import { AndonBadge, AndonBanner } from "../components/andon-banner";
import { type LineFigures, LineMetrics } from "../components/line-metrics";
import { LineNotices } from "../components/line-notices";
import { LineProblems } from "../components/line-problems";
import { LineVoices } from "../components/line-voices";
import { Empty, Loaded } from "../components/loaded";
import { TrendChart } from "../components/trend-chart";
import { catalog, policy } from "../data";
import { periods } from "../format";
import { hasSignals } from "../line-data";
import { categoryName, localName, unitName } from "../names";
import { useResource } from "../resource";
import { route } from "../router";
import { period, t } from "../state";

type CatalogLine = NonNullable<typeof catalog.value>["productLines"][number];

const path = (id: string, what: string) => `/v1/product-lines/${encodeURIComponent(id)}/${what}`;

const LineTrend = ({ lineId, bar }: { lineId: string; bar: number | null }) => {
  const resource = useResource(lineId, () => api<Trend>(`${path(lineId, "trend")}?bucket=week`));
  return (
    <section id="line-trend" aria-labelledby="line-trend-title">
      <h3 id="line-trend-title">{t("lineTrend")}</h3>
      <Loaded resource={resource} isEmpty={(trend) => !hasSignals(trend)} emptyText={t("lineTrendEmpty")}>
        {(trend) => <TrendChart trend={trend} bar={bar} />}
      </Loaded>
    </section>
  );
};

const PeriodPicker = ({ value, onChange }: { value: string; onChange: (chosen: string) => void }) => {
  const list = periods(policy.value?.timeZone ?? "Asia/Shanghai");
  return (
    <label>
      {t("linePeriod")}{" "}
      <select id="line-period" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {(list.includes(value) ? list : [value, ...list]).map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
};

const LineBody = ({ line }: { line: CatalogLine }) => {
  const chosen = useSignal(period.value ?? periods(policy.value?.timeZone ?? "Asia/Shanghai")[0] ?? "");
  const figures = useResource<LineFigures>(`${line.id}|${chosen.value}`, async () => {
    const query = new URLSearchParams({ period: chosen.value });
    // The ranking's envelope says where the bar comes from (the pooled rate, the policy version).
    const [metrics, envelope] = await Promise.all([
      api<ProductLineMetrics>(`${path(line.id, "metrics")}?${query}`),
      api<RankingEnvelope>(`/v1/rankings?${query}&limit=1`),
    ]);
    return { metrics, envelope };
  });
  const current = figures.state.value.data;
  const andon = current?.metrics.andon ?? line.andon;
  return (
    <article id="line-page" data-line={line.id}>
      <div class="toolbar">
        <div>
          <h2 id="line-name">
            {localName(line)}
            {andon && " "}
            <AndonBadge andon={andon} />
          </h2>
          <p id="line-unit" class="line-unit">
            {t("lineOf", { unit: unitName(line.businessUnitId), category: categoryName(line.category) })}
          </p>
        </div>
        <PeriodPicker
          value={chosen.value}
          onChange={(p) => {
            chosen.value = p;
            period.value = p;
          }}
        />
      </div>
      <AndonBanner andon={andon} />
      <LineMetrics resource={figures} unitId={line.businessUnitId} />
      <LineTrend lineId={line.id} bar={current?.envelope.bar ?? null} />
      <LineProblems
        lineId={line.id}
        unitId={line.businessUnitId}
        category={line.category}
        period={chosen.value}
      />
      <LineVoices lineId={line.id} unitId={line.businessUnitId} />
      <LineNotices lineId={line.id} unitId={line.businessUnitId} />
    </article>
  );
};

export const LinePage = () => {
  const current = route.value;
  const id = current.page === "line" ? current.id : "";
  const view = catalog.value;
  if (!view || !policy.value)
    return (
      <p class="loading" aria-busy="true">
        {t("loading")}
      </p>
    );
  const line = view.productLines.find((l) => l.id === id);
  if (!line)
    return (
      <>
        <h2>{t("lineTitle")}</h2>
        <Empty>{t("lineUnknown", { id })}</Empty>
      </>
    );
  return <LineBody key={line.id} line={line} />;
};
