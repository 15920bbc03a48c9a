/** One customer voice in listen-in: the words as text, what they rated, when, on which line. */
import type { Voice } from "#schemas/voice";
import { can } from "../can";
import { catalog, policy } from "../data";
import { dateTime, number } from "../format";
import { CHANNEL_LABELS, KIND_LABELS, SEVERITY_LABELS } from "../listen-voice";
import { lineName } from "../names";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { AndonBadge } from "./andon-banner";
import { ChaseForm } from "./listen-chase-form";

export const VoiceItem = ({ voice }: { voice: Voice }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  const andon = catalog.value?.productLines.find((l) => l.id === voice.productLineId)?.andon ?? false;
  return (
    <li class={voice.negative ? "voice negative" : "voice"} data-signal={voice.signalId}>
      <blockquote lang={voice.locale}>{voice.text}</blockquote>
      <p class="voice-meta">
        <span class="voice-tone">
          <span aria-hidden="true">{voice.negative ? "▼ " : "○ "}</span>
          {voice.negative ? t("listenNegative") : t("listenNotNegative")}
        </span>
        {" · "}
        <span class="voice-channel">{t(CHANNEL_LABELS[voice.channel])}</span>
        {" · "}
        <span class="voice-kind">{t(KIND_LABELS[voice.kind])}</span>
        {voice.score !== undefined && (
          <>
            {" · "}
            <span class="voice-score">{t("listenScore", { score: number(loc, voice.score) })}</span>
          </>
        )}
        {voice.severity && (
          <>
            {" · "}
            <span class="voice-severity">
              {t("listenSeverity", { severity: t(SEVERITY_LABELS[voice.severity]) })}
            </span>
          </>
        )}
        {" · "}
        <time dateTime={voice.occurredAt}>{dateTime(loc, voice.occurredAt, zone)}</time>
        {" · "}
        <a class="voice-line" href={hrefOf({ page: "line", id: voice.productLineId })}>
          {lineName(voice.productLineId)}
        </a>
        <AndonBadge andon={andon} />
      </p>
      {can("chases.raise") && <ChaseForm signalId={voice.signalId} />}
    </li>
  );
};
