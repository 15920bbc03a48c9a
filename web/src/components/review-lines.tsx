/**
 * A review's lines as the CCO team acts on them: flagged, at risk, repeat offenders, each with its
 * evidence (n, negatives, rate, the Wilson interval against the bar, critical complaints), its notice
 * and line page, and one click away "Why flagged?" in plain words with the top reasons and the
 * customers' words.
 */
import { useSignal } from "@preact/signals";
import type { Review, ReviewLine } from "#schemas/review";
import { number, percent } from "../format";
import { lineName, unitName } from "../names";
import { explainLine, type ReviewRules } from "../review-explain";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { AndonBadge } from "./andon-banner";
import { IntervalChart } from "./interval";
import { ReviewWords } from "./review-words";

const COLUMNS = 9;

const StateWords = ({ line }: { line: ReviewLine }) => (
  <td class={`state ${line.flagged ? "outcome-flagged" : line.atRisk ? "outcome-atRisk" : ""}`}>
    {line.flagged ? (
      <>
        <span aria-hidden="true">⚑ </span>
        {t("reviewStateFlagged")}
      </>
    ) : line.atRisk ? (
      <>
        <span aria-hidden="true">△ </span>
        {t("reviewStateAtRisk")}
      </>
    ) : (
      t("reviewStateClear")
    )}
    {line.repeat && <span class="repeat-mark"> · {t("reviewRepeatMark")}</span>}
  </td>
);

const Why = ({
  line,
  review,
  rules,
  id,
}: {
  line: ReviewLine;
  review: Review;
  rules: ReviewRules;
  id: string;
}) => (
  <tr id={id} class="review-why">
    <td colSpan={COLUMNS}>
      <p class="why-words">{explainLine(locale.value, line, review.bar, rules).join(" ")}</p>
      {line.reasons.length > 0 && (
        <p class="why-reasons">
          {t("reviewReasons")}:{" "}
          {line.reasons
            .map((r) => `${t(`reviewReason_${r.reason}` as const)} ${number(locale.value, r.count)}`)
            .join(" · ")}
        </p>
      )}
      {(line.flagged || line.atRisk) && (
        <ReviewWords productLineId={line.productLineId} noticeId={line.noticeId} />
      )}
    </td>
  </tr>
);

interface RowProps {
  line: ReviewLine;
  review: Review;
  rules: ReviewRules;
  list: string;
  andon: boolean;
}

const Row = ({ line, review, rules, list, andon }: RowProps) => {
  const open = useSignal(false);
  const loc = locale.value;
  const whyId = `why-${list}-${line.productLineId}`;
  return (
    <>
      <tr data-line={line.productLineId} class={line.flagged ? "poor" : ""}>
        <th scope="row">
          <a href={hrefOf({ page: "line", id: line.productLineId })}>{lineName(line.productLineId)}</a>
          <AndonBadge andon={andon} />
        </th>
        <td>{unitName(line.businessUnitId)}</td>
        <td class="num">{number(loc, line.n)}</td>
        <td class="num">{number(loc, line.negatives)}</td>
        <td class="num">{percent(loc, line.negativeRate)}</td>
        <td>
          <IntervalChart wilson={line.wilson} bar={review.bar.value} />
        </td>
        <td class="num">{number(loc, line.criticalComplaints)}</td>
        <StateWords line={line} />
        <td class="review-actions">
          <button
            type="button"
            class="why-toggle"
            aria-expanded={open.value}
            aria-controls={open.value ? whyId : undefined}
            onClick={() => (open.value = !open.value)}
          >
            {t(line.flagged ? "reviewWhyFlagged" : "reviewWhyAtRiskTitle")}
          </button>{" "}
          {line.noticeId ? (
            <a class="notice-link" href={hrefOf({ page: "notice", id: line.noticeId })}>
              {t("reviewOpenNotice", { id: line.noticeId })}
            </a>
          ) : (
            line.flagged && <span class="note">{t("reviewNoNotice")}</span>
          )}
        </td>
      </tr>
      {open.value && <Why line={line} review={review} rules={rules} id={whyId} />}
    </>
  );
};

export const ReviewLines = ({
  list,
  title,
  emptyText,
  lines,
  review,
  rules,
  raised,
}: {
  list: "flagged" | "at-risk" | "repeat";
  title: string;
  emptyText: string;
  lines: ReviewLine[];
  review: Review;
  rules: ReviewRules;
  /** Lines with an Andon raised and not yet decided. */
  raised: ReadonlySet<string>;
}) => (
  <section id={`review-${list}`} aria-labelledby={`review-${list}-title`}>
    <h3 id={`review-${list}-title`}>
      {title} <span class="count">({number(locale.value, lines.length)})</span>
    </h3>
    {lines.length === 0 ? (
      <p class="empty">{emptyText}</p>
    ) : (
      <table class="review-lines">
        <thead>
          <tr>
            <th scope="col">{t("line")}</th>
            <th scope="col">{t("unit")}</th>
            <th scope="col" class="num">
              {t("n")}
            </th>
            <th scope="col" class="num">
              {t("reviewNegatives")}
            </th>
            <th scope="col" class="num">
              {t("negativeRate")}
            </th>
            <th scope="col">{t("interval", { confidence: percent(locale.value, rules.confidence) })}</th>
            <th scope="col" class="num">
              {t("reviewCritical")}
            </th>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("reviewNotice")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <Row
              key={line.productLineId}
              line={line}
              review={review}
              rules={rules}
              list={list}
              andon={raised.has(line.productLineId)}
            />
          ))}
        </tbody>
      </table>
    )}
  </section>
);
