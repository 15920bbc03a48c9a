/**
 * A business-unit head's home: what do I owe, and how are my lines doing? API calls: the notices
 * (the API answers only the head's own units), the open chases (likewise), one ranking call per
 * unit they head (usually one), and the 12-week trend of the five worst of their lines: at most
 * 2 + units + 5.
 */
import type { Chase } from "#schemas/chase";
import type { NoticeSummary } from "#schemas/notice";
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import type { Trend } from "#schemas/trend";
import { api } from "../api";
import { policy } from "../data";
import { dateTime, number } from "../format";
import { myOpenNotices, nextActionOf, worstLines } from "../home-data";
import { lineName, localName, unitName } from "../names";
import { useResource } from "../resource";
import { hrefOf } from "../routes";
import { locale, t, units } from "../state";
import { AndonBadge } from "./andon-banner";
import { Block, rateText, Sparkline } from "./home-parts";
import { Loaded } from "./loaded";

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

const SHOWN = 5;
const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

const Overdue = ({ overdue }: { overdue: boolean }) =>
  overdue ? (
    <span class="home-overdue">
      <span aria-hidden="true">⏰ </span>
      {t("homeOverdueMark")}
    </span>
  ) : null;

const MyNotices = () => {
  const notices = useResource("my-notices", () => api<Page<NoticeSummary>>("/v1/notices?limit=200"));
  return (
    <Block
      id="home-my-notices"
      title={t("homeMyNoticesTitle")}
      link={{ href: hrefOf({ page: "notices" }), label: t("homeAllNotices") }}
    >
      <Loaded
        resource={notices}
        isEmpty={(d) => myOpenNotices(d.items).length === 0}
        emptyText={t("homeMyNoticesNone")}
      >
        {(data) => (
          <ul class="home-list">
            {myOpenNotices(data.items).map((n) => (
              <li key={n.id} data-notice={n.id}>
                <a href={hrefOf({ page: "notice", id: n.id })}>{lineName(n.productLineId)}</a>{" "}
                <Overdue overdue={n.overdue} />
                <br />
                <span class="home-next">{t("homeNextAction", { action: t(nextActionOf(n.status)) })}</span>{" "}
                <span class="note">
                  · {t("homeDueOn", { date: dateTime(locale.value, n.dueAt, zone()) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Block>
  );
};

const MyChases = () => {
  const chases = useResource("my-chases", () => api<Page<Chase>>("/v1/chases?status=OPEN"));
  return (
    <Block
      id="home-chases"
      title={t("homeChasesTitle")}
      link={{ href: hrefOf({ page: "chases" }), label: t("homeAllChases") }}
    >
      <Loaded resource={chases} isEmpty={(d) => d.items.length === 0} emptyText={t("homeChasesNone")}>
        {(data) => (
          <ul class="home-list">
            {data.items.slice(0, SHOWN).map((c) => (
              <li key={c.id} data-chase={c.id}>
                <strong>{lineName(c.productLineId)}</strong> <Overdue overdue={c.overdue} />
                <br />
                <q class="home-question">{c.question}</q>{" "}
                <span class="note">
                  · {t("homeDueOn", { date: dateTime(locale.value, c.dueAt, zone()) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Block>
  );
};

interface MyLine {
  line: RankedLine;
  trend: Trend | null;
}

/** One ranking call per unit, then the trends of the worst few: the ranking's ranks stay global. */
const loadMyLines = async (quarter: string, mine: readonly string[]): Promise<MyLine[]> => {
  const pages = await Promise.all(
    mine.map((unit) =>
      api<Page<RankedLine> & RankingEnvelope>(
        `/v1/rankings?period=${encodeURIComponent(quarter)}&businessUnitId=${encodeURIComponent(unit)}&limit=10000`,
      ),
    ),
  );
  const worst = worstLines(
    pages.flatMap((p) => p.items),
    SHOWN,
  );
  const trends = await Promise.all(
    worst.map((l) =>
      api<Trend>(`/v1/product-lines/${encodeURIComponent(l.productLineId)}/trend?bucket=week`).catch(
        () => null,
      ),
    ),
  );
  return worst.map((line, i) => ({ line, trend: trends[i] ?? null }));
};

const MyLines = ({ quarter }: { quarter: string }) => {
  const mine = units.value;
  const lines = useResource(`my-lines:${quarter}:${mine.join(",")}`, () => loadMyLines(quarter, mine));
  return (
    <Block
      id="home-my-lines"
      title={t("homeMyLinesTitle", { quarter })}
      link={{ href: hrefOf({ page: "rankings" }), label: t("homeOpenRankings") }}
    >
      <Loaded resource={lines} isEmpty={(d) => d.length === 0} emptyText={t("homeMyLinesNone", { quarter })}>
        {(data) => (
          <table class="home-table">
            <thead>
              <tr>
                <th scope="col">{t("line")}</th>
                <th scope="col">{t("rank")}</th>
                <th scope="col">{t("negativeRate")}</th>
                <th scope="col">{t("homeTrend")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map(({ line, trend }) => (
                <tr key={line.productLineId} data-line={line.productLineId}>
                  <td>
                    <a href={hrefOf({ page: "line", id: line.productLineId })}>{localName(line)}</a>{" "}
                    <AndonBadge andon={line.andon} />
                    {line.pulled && <span class="home-state"> · {t("pulled")}</span>}
                    <br />
                    <span class="note">{unitName(line.businessUnitId)}</span>
                  </td>
                  <td class="home-rank">{t("homeRankOf", { rank: number(locale.value, line.rank) })}</td>
                  <td class="home-rate">{rateText(line)}</td>
                  <td>{trend ? <Sparkline trend={trend} /> : t("homeTrendNone")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </Block>
  );
};

export const BuHeadHome = ({ current }: { current: string }) => (
  <div class="home-grid">
    <MyNotices />
    <MyChases />
    <MyLines quarter={current} />
  </div>
);
