/**
 * An executive's home: where are customers hurting, in their own words? Six API calls: the current
 * quarter's ranking (one page of up to 10,000 lines), then one newest negative voice for each of the
 * five worst lines. Customer words are JSX text only.
 */
import type { RankedLine, RankingEnvelope } from "#schemas/ranking";
import type { Voice } from "#schemas/voice";
import { api } from "../api";
import { policy } from "../data";
import { dateTime } from "../format";
import { worstLines } from "../home-data";
import { localName, unitName } from "../names";
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

const WORST = 5;

interface Hurting {
  line: RankedLine;
  voice: Voice | null;
}

const loadWorst = async (quarter: string): Promise<{ bar: number; lines: Hurting[] }> => {
  const ranking = await api<Page<RankedLine> & RankingEnvelope>(
    `/v1/rankings?period=${encodeURIComponent(quarter)}&limit=10000`,
  );
  const worst = worstLines(ranking.items, WORST);
  const voices = await Promise.all(
    worst.map((l) =>
      api<Page<Voice>>(
        `/v1/voices?productLineId=${encodeURIComponent(l.productLineId)}&negativeOnly=true&limit=1`,
      )
        .then((page) => page.items[0] ?? null)
        .catch(() => null),
    ),
  );
  return { bar: ranking.bar, lines: worst.map((line, i) => ({ line, voice: voices[i] ?? null })) };
};

const HurtingLine = ({ line, voice, bar }: Hurting & { bar: number }) => (
  <article class="home-hurting" data-line={line.productLineId}>
    <h4>
      <a href={hrefOf({ page: "line", id: line.productLineId })}>{localName(line)}</a>{" "}
      <AndonBadge andon={line.andon} />
    </h4>
    <p class="note">
      {unitName(line.businessUnitId)} · {rateText(line)}
      {line.pulled && ` · ${t("pulled")}`}
    </p>
    <IntervalChart wilson={line.wilson} bar={bar} width={200} />
    {voice ? (
      <figure class="home-voice">
        <blockquote lang={voice.locale}>{voice.text}</blockquote>
        <figcaption class="note">
          {t("homeVoiceOf", { line: localName(line) })} ·{" "}
          {dateTime(locale.value, voice.occurredAt, policy.value?.timeZone ?? "Asia/Shanghai")}
        </figcaption>
      </figure>
    ) : (
      <p class="empty">{t("homeNoVoice")}</p>
    )}
    <p class="home-more">
      <a href={hrefOf({ page: "listen", scope: "line", id: line.productLineId })}>
        {t("homeListenLine")} <span aria-hidden="true">→</span>
      </a>
    </p>
  </article>
);

export const ExecutiveHome = ({ current }: { current: string }) => {
  const worst = useResource(`worst:${current}`, () => loadWorst(current));
  return (
    <div class="home-grid home-wide">
      <Block
        id="home-worst"
        title={t("homeWorstTitle", { quarter: current })}
        link={{ href: hrefOf({ page: "listen" }), label: t("homeListenAll") }}
      >
        <Loaded
          resource={worst}
          isEmpty={(d) => d.lines.length === 0}
          emptyText={t("homeWorstNone", { quarter: current })}
        >
          {(data) => (
            <div class="home-hurting-list">
              {data.lines.map((h) => (
                <HurtingLine key={h.line.productLineId} {...h} bar={data.bar} />
              ))}
            </div>
          )}
        </Loaded>
      </Block>
    </div>
  );
};
