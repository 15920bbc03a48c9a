/**
 * One review, stored or dry-run: who ran it when under which policy version, where the bar comes
 * from, the counts, and the flagged, at-risk and repeat-offender lines with their evidence. The
 * rules the words need are those of the version the review was run under, read when not in force.
 */
import type { Andon } from "#schemas/andon";
import type { Policy } from "#schemas/policy";
import type { Review } from "#schemas/review";
import { api } from "../api";
import { can } from "../can";
import { policy } from "../data";
import { dateTime, number } from "../format";
import { useResource } from "../resource";
import { explainBar, reviewGroups } from "../review-explain";
import { locale, t } from "../state";
import { Loaded } from "./loaded";
import { ReviewLines } from "./review-lines";

const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

const readVersion = (version: number): Promise<Policy> => {
  const current = policy.value;
  return current && current.version === version
    ? Promise.resolve(current)
    : api<Policy>(`/v1/policy/versions/${version}`);
};

export const ReviewResult = ({ review, onBack }: { review: Review; onBack?: () => void }) => {
  const rules = useResource(`version|${review.policyVersion}`, () => readVersion(review.policyVersion));
  // Lines with an Andon the CCO team has not decided yet carry its badge; without it, nothing is lost.
  const andons = useResource(can("andons.read") ? "andons|raised" : null, () =>
    api<{ items: Andon[] }>("/v1/andons?status=RAISED"),
  );
  const raised = new Set((andons.state.value.data?.items ?? []).map((a) => a.productLineId));
  const loc = locale.value;
  const groups = reviewGroups(review);
  return (
    <div id="review-result" data-dry-run={String(review.dryRun)}>
      {review.dryRun ? (
        <p id="review-status" class="review-dry">
          <span aria-hidden="true">◌ </span>
          {t("reviewIsDryRun", { at: dateTime(loc, review.ranAt, zone()) })}{" "}
          {onBack && (
            <button type="button" id="review-back" onClick={onBack}>
              {t("reviewBackToStored")}
            </button>
          )}
        </p>
      ) : (
        <p id="review-status" class="review-stored">
          <span aria-hidden="true">✔ </span>
          {t("reviewStored", {
            by: review.ranBy,
            at: dateTime(loc, review.ranAt, zone()),
            version: review.policyVersion,
            notices: number(loc, review.noticesIssued.length),
          })}
        </p>
      )}
      <p id="review-summary">
        {t("reviewSummary", {
          lines: number(loc, review.lines.length),
          flagged: number(loc, groups.flagged.length),
          atRisk: number(loc, groups.atRisk.length),
          repeat: number(loc, groups.repeat.length),
        })}
      </p>
      <p class="note" id="review-bar">
        {explainBar(loc, review.bar, review.policyVersion)}
      </p>
      <Loaded resource={rules}>
        {(version) => {
          const r = {
            confidence: version.review.confidence,
            minSample: version.review.minSample,
            criticalComplaints: version.review.criticalComplaints,
          };
          return (
            <>
              <ReviewLines
                list="flagged"
                title={t("reviewFlagged")}
                emptyText={t("reviewNoFlagged")}
                lines={groups.flagged}
                review={review}
                rules={r}
                raised={raised}
              />
              <ReviewLines
                list="at-risk"
                title={t("reviewAtRisk")}
                emptyText={t("reviewNoAtRisk")}
                lines={groups.atRisk}
                review={review}
                rules={r}
                raised={raised}
              />
              <ReviewLines
                list="repeat"
                title={t("reviewRepeat")}
                emptyText={t("reviewNoRepeat")}
                lines={groups.repeat}
                review={review}
                rules={r}
                raised={raised}
              />
            </>
          );
        }}
      </Loaded>
    </div>
  );
};
