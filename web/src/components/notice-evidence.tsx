/**
 * Why a line was flagged: the figures (n, negatives, rate, the interval drawn against the bar and in
 * text), where the bar comes from, the reason in one plain sentence, the top reasons and the
 * customers' own words, rendered as text only.
 */
import type { Notice } from "#schemas/notice";
import { policy } from "../data";
import { dateTime, number, percent } from "../format";
import { channelWord, kindWord, reasonWord } from "../notice-words";
import { locale, t } from "../state";
import { IntervalChart } from "./interval";

export const NoticeEvidence = ({ evidence }: { evidence: Notice["evidence"] }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  const pct = (v: number | null | undefined) => percent(loc, v);
  const { bar, wilson } = evidence;
  return (
    <section id="notice-evidence" aria-labelledby="notice-evidence-title">
      <h3 id="notice-evidence-title">{t("noticeEvidenceTitle")}</h3>
      <p class="note">
        {t("noticeEvidenceOf", { period: evidence.day ?? evidence.quarter, version: evidence.policyVersion })}
      </p>
      <ul class="notice-why">
        {evidence.flaggedBy.includes("rate") && wilson && (
          <li>
            {t("noticeWhyRate", {
              n: number(loc, evidence.n),
              negatives: number(loc, evidence.negatives),
              rate: pct(evidence.negativeRate),
              lo: pct(wilson.lo),
              hi: pct(wilson.hi),
              bar: pct(bar.value),
            })}
          </li>
        )}
        {evidence.flaggedBy.includes("critical-complaints") && (
          <li>{t("noticeWhyCritical", { count: number(loc, evidence.criticalComplaints) })}</li>
        )}
      </ul>
      <table id="notice-figures" class="notice-figures">
        <thead>
          <tr>
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
            <th scope="col" class="num">
              {t("noticeCritical")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="num">{number(loc, evidence.n)}</td>
            <td class="num">{number(loc, evidence.negatives)}</td>
            <td class="num">{pct(evidence.negativeRate)}</td>
            <td>
              <IntervalChart wilson={wilson} bar={bar.value} width={200} />
              <span class="note">
                {wilson
                  ? t("intervalTitle", { lo: pct(wilson.lo), hi: pct(wilson.hi), bar: pct(bar.value) })
                  : "–"}
              </span>
            </td>
            <td class="num">{number(loc, evidence.criticalComplaints)}</td>
          </tr>
        </tbody>
      </table>
      <p class="note">
        {t("noticeBarFrom", {
          bar: pct(bar.value),
          absolute: pct(bar.absolute),
          relative: pct(bar.relative),
          // The bar carries the relative bar itself; its multiplier is that over the pooled rate.
          multiplier: bar.pooledRate > 0 ? number(loc, bar.relative / bar.pooledRate, 2) : "–",
          pooled: pct(bar.pooledRate),
        })}
      </p>
      {evidence.topReasons.length > 0 && (
        <p>
          {t("noticeTopReasons")}:{" "}
          {evidence.topReasons
            .map((r) => t("noticeReasonCount", { reason: reasonWord(r.reason), count: number(loc, r.count) }))
            .join(" · ")}
        </p>
      )}
      <h4>{t("noticeWordsTitle")}</h4>
      {evidence.verbatims.length === 0 ? (
        <p class="empty">{t("noticeWordsNone")}</p>
      ) : (
        <ul class="notice-words">
          {evidence.verbatims.map((v) => (
            <li key={v.signalId}>
              <blockquote>{v.text}</blockquote>
              <p class="note">
                {t("noticeWordMeta", {
                  kind: kindWord(v),
                  channel: channelWord(v),
                  at: dateTime(loc, v.occurredAt, zone),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
