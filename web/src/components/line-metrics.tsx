/**
 * A line's figures for a period: the rate never alone (n, negatives, its interval drawn against the
 * bar), where the bar comes from, what the figures mean in plain words, and whether it is pulled.
 */
import type { ProductLineMetrics } from "#schemas/metrics";
import type { RankingEnvelope } from "#schemas/ranking";
import { can } from "../can";
import { policy } from "../data";
import { number, percent } from "../format";
import { verdictOf } from "../line-data";
import type { Resource } from "../resource";
import { hrefOf } from "../routes";
import { locale, t } from "../state";
import { IntervalChart } from "./interval";
import { Loaded } from "./loaded";

export interface LineFigures {
  metrics: ProductLineMetrics;
  /** The ranking's envelope of the same period: the pooled rate, the bar and the policy version. */
  envelope: RankingEnvelope;
}

const VERDICT_KEY = {
  over: "lineVerdictOver",
  under: "lineVerdictUnder",
  unsure: "lineVerdictUnsure",
  few: "lineVerdictFew",
} as const;

const Verdict = ({ figures }: { figures: LineFigures }) => {
  const loc = locale.value;
  const { metrics, envelope } = figures;
  const review = policy.value?.review;
  if (!review) return null;
  const verdict = verdictOf(metrics, envelope.bar, review.minSample);
  if (verdict === "none") return null;
  return (
    <p id="line-verdict" class={`line-verdict ${verdict}`}>
      {t(VERDICT_KEY[verdict], {
        n: number(loc, metrics.n),
        negatives: number(loc, metrics.negatives),
        confidence: percent(loc, review.confidence),
        lo: percent(loc, metrics.wilson?.lo),
        hi: percent(loc, metrics.wilson?.hi),
        bar: percent(loc, envelope.bar),
        minSample: number(loc, review.minSample),
      })}
    </p>
  );
};

const Pulled = ({ metrics, unitId }: { metrics: ProductLineMetrics; unitId: string }) =>
  metrics.pulled ? (
    <p id="line-pulled" class="line-pulled">
      <span aria-hidden="true">⛔</span> {t("linePulled")}{" "}
      {metrics.openNoticeId && can("notices.read", unitId) && (
        <a href={hrefOf({ page: "notice", id: metrics.openNoticeId })}>{t("lineOpenNotice")}</a>
      )}
    </p>
  ) : (
    <p id="line-pulled" class="line-on-sale">
      <span aria-hidden="true">✓</span> {t("lineNotPulled")}
    </p>
  );

const Others = ({ metrics }: { metrics: ProductLineMetrics }) => {
  const loc = locale.value;
  return (
    <dl class="line-others">
      <div>
        <dt>{t("lineCsat")}</dt>
        <dd>{number(loc, metrics.csatMean, 2)}</dd>
      </div>
      <div>
        <dt>{t("lineNps")}</dt>
        <dd>{number(loc, metrics.nps, 1)}</dd>
      </div>
      <div>
        <dt>{t("lineReview")}</dt>
        <dd>{number(loc, metrics.reviewMean, 2)}</dd>
      </div>
      <div>
        <dt>{t("lineComplaints")}</dt>
        <dd>
          {t("lineComplaintsText", {
            critical: number(loc, metrics.complaints.critical),
            major: number(loc, metrics.complaints.major),
            minor: number(loc, metrics.complaints.minor),
          })}
        </dd>
      </div>
    </dl>
  );
};

const Figures = ({ figures, unitId }: { figures: LineFigures; unitId: string }) => {
  const loc = locale.value;
  const { metrics, envelope } = figures;
  const review = policy.value?.review;
  return (
    <>
      <Pulled metrics={metrics} unitId={unitId} />
      {metrics.n === 0 ? (
        <p class="empty">{t("lineNoSignals", { period: metrics.period })}</p>
      ) : (
        <div class="line-rate">
          <p id="line-rate" class="line-rate-value">
            {t("lineRate", { rate: percent(loc, metrics.negativeRate) })}
          </p>
          <p id="line-sample">
            {t("lineSample", { n: number(loc, metrics.n), negatives: number(loc, metrics.negatives) })}
          </p>
          {metrics.wilson && review && (
            <p id="line-interval">
              {t("lineInterval", {
                confidence: percent(loc, review.confidence),
                lo: percent(loc, metrics.wilson.lo),
                hi: percent(loc, metrics.wilson.hi),
              })}
            </p>
          )}
          <IntervalChart wilson={metrics.wilson} bar={envelope.bar} width={320} />
        </div>
      )}
      {review && (
        <p id="line-bar" class="note">
          {t("lineBarOrigin", {
            bar: percent(loc, envelope.bar),
            absolute: percent(loc, review.absoluteThreshold),
            relative: number(loc, review.relativeThreshold, 2),
            pooled: percent(loc, envelope.pooledRate),
            version: envelope.policyVersion,
          })}
        </p>
      )}
      <Verdict figures={figures} />
      {metrics.n > 0 && <Others metrics={metrics} />}
    </>
  );
};

export const LineMetrics = ({ resource, unitId }: { resource: Resource<LineFigures>; unitId: string }) => (
  <section id="line-metrics" aria-labelledby="line-metrics-title">
    <h3 id="line-metrics-title">{t("lineMetrics")}</h3>
    <Loaded resource={resource}>{(figures) => <Figures figures={figures} unitId={unitId} />}</Loaded>
  </section>
);
