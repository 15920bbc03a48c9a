/**
 * An award in words, for the unit president who accepts it in front of hundreds of managers, in
 * Chinese and in English: the line's raw negative rate and how many signals it rests on, the pooled
 * rate of all lines, how far shrinkage moved the rate (and why it is there at all), and its place
 * among the eligible lines. Percentages carry one decimal; counts are grouped by thousands.
 */
import type { AwardFigures, AwardKind } from "./awards";

export interface AwardedLine {
  kind: AwardKind;
  /** Place in its list (1 is the best Red or the worst Rotten). */
  rank: number;
  productLineId: string;
  name: string;
  nameZh?: string;
}

const count = (n: number) => n.toLocaleString("en-US");
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** Percentage points with their sign: `+0.6`, `-4.1`, `0.0`. */
export const signedPoints = (points: number): string => {
  const text = Math.abs(points).toFixed(1);
  if (text === "0.0") return text;
  return `${points > 0 ? "+" : "-"}${text}`;
};

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
};

const english = (line: AwardedLine, f: AwardFigures): string => {
  const title = line.kind === "red" ? "Red Strawberry" : "Rotten Strawberry";
  const signals = f.n === 1 ? "signal" : "signals";
  const prior =
    f.priorStrength > 0
      ? `Counting ${count(f.priorStrength)} extra signals at that pooled rate, so that no line wins or loses on ` +
        `a small sample's luck, gives a shrunk rate of ${percent(f.shrunkRate)}, ` +
        `${signedPoints(f.shiftPoints)} points from its raw rate.`
      : `With no prior weight in the policy, its shrunk rate is its raw rate, ${percent(f.shrunkRate)}.`;
  const fromBottom = f.eligible - f.standing + 1;
  const place =
    line.kind === "red"
      ? `It ranks ${ordinal(f.standing)} of ${count(f.eligible)} eligible lines (at least ${count(f.minSample)} signals), best first.`
      : `It ranks ${ordinal(f.standing)} of ${count(f.eligible)} eligible lines (at least ${count(f.minSample)} signals), ` +
        (fromBottom === 1 ? "the worst." : `${ordinal(fromBottom)} from the bottom.`);
  return [
    `${title} #${line.rank}: ${line.name} (${line.productLineId}).`,
    `${count(f.negatives)} negative ${f.negatives === 1 ? "experience" : "experiences"} in ${count(f.n)} ${signals}, ` +
      `a raw negative rate of ${percent(f.negativeRate)};`,
    `all lines together: ${percent(f.pooledRate)}.`,
    prior,
    place,
  ].join(" ");
};

const chinese = (line: AwardedLine, f: AwardFigures): string => {
  const title = line.kind === "red" ? "红草莓" : "烂草莓";
  const prior =
    f.priorStrength > 0
      ? `按合计负面率加入 ${count(f.priorStrength)} 条虚拟反馈（以免小样本凭运气胜出或落败）后，` +
        `收缩负面率为 ${percent(f.shrunkRate)}，较原始负面率变动 ${signedPoints(f.shiftPoints)} 个百分点。`
      : `政策未设先验权重，收缩负面率即原始负面率 ${percent(f.shrunkRate)}。`;
  const fromBottom = f.eligible - f.standing + 1;
  const place =
    line.kind === "red"
      ? `在 ${count(f.eligible)} 条合格产品线（至少 ${count(f.minSample)} 条反馈）中由好到差排名第 ${f.standing}。`
      : `在 ${count(f.eligible)} 条合格产品线（至少 ${count(f.minSample)} 条反馈）中由好到差排名第 ${f.standing}，` +
        `即倒数第 ${fromBottom}。`;
  return [
    `${title}第 ${line.rank} 名：${line.nameZh ?? line.name}（${line.productLineId}）。`,
    `${count(f.n)} 条反馈中有 ${count(f.negatives)} 条负面体验，原始负面率 ${percent(f.negativeRate)}；`,
    `本期全部产品线合计负面率 ${percent(f.pooledRate)}。`,
    prior,
    place,
  ].join("");
};

/** The explanation of one award, in both languages. */
export const explainAward = (line: AwardedLine, figures: AwardFigures): { "zh-CN": string; en: string } => ({
  "zh-CN": chinese(line, figures),
  en: english(line, figures),
});
