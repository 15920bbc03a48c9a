/**
 * A line's newest customer voices, their words as text only, and the way into listen-in. A unit head
 * may hear only their own units: for another unit's line nothing is asked, and the page says why.
 */
import type { Voice } from "#schemas/voice";
import { api } from "../api";
import { can } from "../can";
import { policy } from "../data";
import { dateTime, number } from "../format";
import { newestVoices } from "../line-data";
import { unitName } from "../names";
import { useResource } from "../resource";
import { hrefOf } from "../routes";
import { locale, t } from "../state";
import { Loaded } from "./loaded";

const SHOWN = 5;

/** Why a part of the page is not shown: the role's reach, in words (the API would answer 403). */
export const Forbidden = ({ id, unitId, what }: { id: string; unitId: string; what: string }) => (
  <p id={id} class="line-forbidden" role="note">
    <span aria-hidden="true">🔒</span> {t("lineForbidden", { unit: unitName(unitId), what })}
  </p>
);

const VoiceItem = ({ voice }: { voice: Voice }) => {
  const loc = locale.value;
  return (
    <li class={voice.negative ? "voice negative" : "voice"} data-signal={voice.signalId}>
      <blockquote lang={voice.locale}>{voice.text}</blockquote>
      <p class="note">
        {dateTime(loc, voice.occurredAt, policy.value?.timeZone ?? "Asia/Shanghai")} ·{" "}
        {t(`lineChannel_${voice.channel}`)}
        {voice.score !== undefined && ` · ${t("lineScore", { score: number(loc, voice.score) })}`} ·{" "}
        <span class="voice-state">
          <span aria-hidden="true">{voice.negative ? "▼" : "○"}</span>{" "}
          {voice.negative ? t("lineNegative") : t("lineNotNegative")}
        </span>
      </p>
    </li>
  );
};

const Voices = ({ lineId }: { lineId: string }) => {
  const resource = useResource(lineId, () =>
    api<{ items: Voice[] }>(
      `/v1/voices?${new URLSearchParams({ productLineId: lineId, limit: String(SHOWN) })}`,
    ),
  );
  return (
    <Loaded resource={resource} isEmpty={(page) => page.items.length === 0} emptyText={t("lineVoicesEmpty")}>
      {(page) => (
        <ul id="line-voices-list" class="line-voices">
          {newestVoices(page.items, SHOWN).map((voice) => (
            <VoiceItem key={voice.signalId} voice={voice} />
          ))}
        </ul>
      )}
    </Loaded>
  );
};

export const LineVoices = ({ lineId, unitId }: { lineId: string; unitId: string }) => {
  const allowed = can("voices.read", unitId);
  return (
    <section id="line-voices" aria-labelledby="line-voices-title">
      <h3 id="line-voices-title">{t("lineVoices")}</h3>
      {allowed ? (
        <>
          <Voices lineId={lineId} />
          <p>
            <a id="line-listen" href={hrefOf({ page: "listen", scope: "line", id: lineId })}>
              {t("lineListen")}
            </a>
          </p>
        </>
      ) : (
        <Forbidden id="line-voices-forbidden" unitId={unitId} what={t("lineVoicesWhat")} />
      )}
    </section>
  );
};
