/**
 * "Why flagged? / Why at risk? / Why this rank?" for one line of the ranking, in plain words built
 * from the line's own figures, the ranking's bar and pooled rate, and the policy in force; written
 * in each language as its own sentences, never assembled from translated fragments.
 */
import type { Policy } from "#schemas/policy";
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import { number, percent } from "./format";
import { type Locale, type MessageKey, translate } from "./i18n";
import { isOverBar } from "./rankings-view";

export interface WhyContext {
  envelope: Pick<RankingEnvelope, "bar" | "pooledRate" | "total" | "period">;
  review: Pick<Policy["review"], "confidence" | "minSample">;
  priorStrength: number;
}

/** The question the row's button asks: its state decides which. */
export const whyQuestion = (line: RankedLine, context: WhyContext): MessageKey => {
  const judging = { bar: context.envelope.bar, minSample: context.review.minSample };
  if (line.pulled || isOverBar(line, judging)) return "rankingsWhyFlagged";
  if (line.atRisk) return "rankingsWhyAtRisk";
  return "rankingsWhyRank";
};

/** The answer, sentence by sentence, in `locale`. */
export const whySentences = (locale: Locale, line: RankedLine, context: WhyContext): string[] => {
  const { envelope, review } = context;
  const say = (key: MessageKey, vars: Record<string, string> = {}) => translate(locale, key, vars);
  const pct = (value: number | null) => percent(locale, value);
  const bar = pct(envelope.bar);
  const confidence = pct(review.confidence);
  const sentences: string[] = [];
  const wilson = line.wilson;
  if (line.n === 0 || wilson === null) sentences.push(say("rankingsWhyNone", { period: envelope.period }));
  else {
    const lo = pct(wilson.lo);
    const hi = pct(wilson.hi);
    sentences.push(
      say("rankingsWhyFigures", {
        n: number(locale, line.n),
        negatives: number(locale, line.negatives),
        rate: pct(line.negativeRate),
      }),
    );
    if (line.n < review.minSample)
      sentences.push(
        say("rankingsWhySmall", {
          n: number(locale, line.n),
          minSample: number(locale, review.minSample),
          lo,
          hi,
        }),
      );
    else if (isOverBar(line, { bar: envelope.bar, minSample: review.minSample }))
      sentences.push(say("rankingsWhyOver", { confidence, lo, bar }));
    else if (line.atRisk) sentences.push(say("rankingsWhyRisk", { confidence, lo, bar }));
    else if (wilson.hi < envelope.bar) sentences.push(say("rankingsWhyUnder", { confidence, hi, bar }));
    else sentences.push(say("rankingsWhyStraddles", { confidence, lo, hi, bar }));
  }
  if (line.pulled) sentences.push(say("rankingsWhyPulled"));
  if (line.andon) sentences.push(say("andonBanner"));
  sentences.push(
    say("rankingsWhyRankIs", {
      rank: number(locale, line.rank),
      total: number(locale, envelope.total),
      shrunk: pct(line.shrunkRate),
      pooled: pct(envelope.pooledRate),
      prior: number(locale, context.priorStrength),
    }),
  );
  return sentences;
};
