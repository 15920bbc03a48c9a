/**
 * The CCO team's home: which lines need action now, and is the process moving? Five API calls, one
 * per block: the last ended quarter's review, overdue notices, the current quarter's ranking (one
 * page of up to 10,000 lines), appealed notices, and the first page of the quarantine.
 */
import type { NoticeSummary } from "#schemas/notice";
import type { QuarantinedSignal } from "#schemas/quarantine";
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import type { Review } from "#schemas/review";
import { ApiError, api } from "../api";
import { policy } from "../data";
import { dateTime, number, percent } from "../format";
import { isOverBar, linesAtRisk } from "../home-data";
import { lineName, localName, unitName } from "../names";
import { useResource } from "../resource";
import { hrefOf } from "../routes";
import { locale, t } from "../state";
import { AndonBadge } from "./andon-banner";
import { Block, rateText } from "./home-parts";
import { IntervalChart } from "./interval";
import { Loaded } from "./loaded";

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const SHOWN = 5;
const QUARANTINE_PAGE = 100;
const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

const ReviewBlock = ({ quarter }: { quarter: string }) => {
  // A 404 is an answer here ("not run yet"), not a failure.
  const review = useResource(`review:${quarter}`, () =>
    api<Review>(`/v1/reviews/${encodeURIComponent(quarter)}`).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  const loc = locale.value;
  return (
    <Block
      id="home-review"
      title={t("homeReviewTitle", { quarter })}
      link={{ href: hrefOf({ page: "review", quarter }), label: t("homeReviewOpen") }}
    >
      <Loaded resource={review}>
        {(data) =>
          data ? (
            <p class="home-figure" data-state="ran">
              <span aria-hidden="true">✓ </span>
              {t("homeReviewRan", {
                at: dateTime(loc, data.ranAt, zone()),
                flagged: number(loc, data.lines.filter((l) => l.flagged).length),
                lines: number(loc, data.lines.length),
                issued: number(loc, data.noticesIssued.length),
                bar: percent(loc, data.bar.value),
                version: data.policyVersion,
              })}
            </p>
          ) : (
            <p class="home-figure home-warn" data-state="not-run">
              <span aria-hidden="true">⏳ </span>
              {t("homeReviewNotRun", { quarter })}
            </p>
          )
        }
      </Loaded>
    </Block>
  );
};

const NoticeList = ({ notices }: { notices: NoticeSummary[] }) => (
  <ul class="home-list">
    {notices.slice(0, SHOWN).map((n) => (
      <li key={n.id} data-notice={n.id}>
        <a href={hrefOf({ page: "notice", id: n.id })}>{lineName(n.productLineId)}</a>{" "}
        <span class="note">
          {unitName(n.businessUnitId)} · {t("homeDueOn", { date: dateTime(locale.value, n.dueAt, zone()) })}
        </span>
      </li>
    ))}
  </ul>
);

const NoticesBlock = ({
  id,
  query,
  title,
  countKey,
  noneKey,
}: {
  id: string;
  query: string;
  title: string;
  countKey: "homeOverdueCount" | "homeAppealsCount";
  noneKey: "homeOverdueNone" | "homeAppealsNone";
}) => {
  const notices = useResource(id, () => api<Page<NoticeSummary>>(`/v1/notices?${query}`));
  return (
    <Block id={id} title={title} link={{ href: hrefOf({ page: "notices" }), label: t("homeAllNotices") }}>
      <Loaded resource={notices} isEmpty={(d) => d.items.length === 0} emptyText={t(noneKey)}>
        {(data) => (
          <>
            <p class="home-figure home-warn">
              <span aria-hidden="true">⚠ </span>
              <span class="home-count">
                {t(countKey, {
                  count: `${number(locale.value, data.items.length)}${data.nextCursor ? "+" : ""}`,
                })}
              </span>
            </p>
            <NoticeList notices={data.items} />
          </>
        )}
      </Loaded>
    </Block>
  );
};

const AtRiskRow = ({ line, bar, minSample }: { line: RankedLine; bar: number; minSample: number }) => (
  <li data-line={line.productLineId}>
    <a href={hrefOf({ page: "line", id: line.productLineId })}>{localName(line)}</a>{" "}
    <AndonBadge andon={line.andon} />{" "}
    <span class="home-state">
      {isOverBar(line, bar, minSample) ? t("homeAtRiskOver") : t("homeAtRiskPoint")}
    </span>
    <br />
    <span class="note">
      {unitName(line.businessUnitId)} · {rateText(line)}
    </span>{" "}
    <IntervalChart wilson={line.wilson} bar={bar} width={120} />
  </li>
);

const AtRiskBlock = ({ quarter }: { quarter: string }) => {
  const ranking = useResource(`ranking:${quarter}`, () =>
    api<Page<RankedLine> & RankingEnvelope>(`/v1/rankings?period=${encodeURIComponent(quarter)}&limit=10000`),
  );
  const minSample = policy.value?.review.minSample ?? 0;
  return (
    <Block
      id="home-at-risk"
      title={t("homeAtRiskTitle", { quarter })}
      link={{ href: hrefOf({ page: "rankings" }), label: t("homeOpenRankings") }}
    >
      <Loaded
        resource={ranking}
        isEmpty={(d) => linesAtRisk(d.items, d.bar, minSample).length === 0}
        emptyText={t("homeAtRiskNone", { quarter })}
      >
        {(data) => {
          const lines = linesAtRisk(data.items, data.bar, minSample);
          return (
            <>
              <p class="home-figure home-warn">
                <span aria-hidden="true">⚠ </span>
                <span class="home-count">
                  {t("homeAtRiskCount", { count: number(locale.value, lines.length) })}
                </span>
              </p>
              <ul class="home-list">
                {lines.slice(0, SHOWN).map((line) => (
                  <AtRiskRow key={line.productLineId} line={line} bar={data.bar} minSample={minSample} />
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </Block>
  );
};

const QuarantineBlock = () => {
  const quarantine = useResource("quarantine", () =>
    api<Page<QuarantinedSignal>>(`/v1/quarantine?limit=${QUARANTINE_PAGE}`),
  );
  return (
    <Block
      id="home-quarantine"
      title={t("homeQuarantineTitle")}
      link={{ href: hrefOf({ page: "quarantine" }), label: t("homeOpenQuarantine") }}
    >
      <Loaded resource={quarantine} isEmpty={(d) => d.items.length === 0} emptyText={t("homeQuarantineNone")}>
        {(data) => (
          <p class="home-figure home-count">
            {t(data.nextCursor ? "homeQuarantineMore" : "homeQuarantineCount", {
              count: number(locale.value, data.items.length),
            })}
          </p>
        )}
      </Loaded>
    </Block>
  );
};

export const CcoHome = ({ current, previous }: { current: string; previous: string }) => (
  <div class="home-grid">
    <ReviewBlock quarter={previous} />
    <NoticesBlock
      id="home-overdue"
      query="overdue=true"
      title={t("homeOverdueTitle")}
      countKey="homeOverdueCount"
      noneKey="homeOverdueNone"
    />
    <AtRiskBlock quarter={current} />
    <NoticesBlock
      id="home-appeals"
      query="status=APPEALED"
      title={t("homeAppealsTitle")}
      countKey="homeAppealsCount"
      noneKey="homeAppealsNone"
    />
    <QuarantineBlock />
  </div>
);
