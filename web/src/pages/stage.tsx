/**
 * The stage view for the big meeting: 16:9, one award per screen (Red first, then Rotten, in rank
 * order), the line's name large enough for the back of the hall, its unit, rate and n, the
 * explanation in one sentence and up to three customer words. Arrows, Space and Page keys move, F
 * toggles full screen, Esc leaves. Rotten awards look as composed as Red ones.
 */
import { useSignal, useSignalEffect } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Award } from "#schemas/award";
import { awardsState, loadAwards } from "../awards-data";
import { type AwardKind, awardTitle, explanationOf, lineName, unitName } from "../components/award-card";
import { number, percent } from "../format";
import { hrefOf, navigate, route } from "../router";
import { locale, t, token } from "../state";

/** The explanation's closing sentence: where the line stood among the eligible ones. */
const oneSentence = (text: string): string => {
  const sentences = text.split(/(?<=。)|(?<=\.)\s+/).map((s) => s.trim());
  return sentences.filter(Boolean).at(-1) ?? text;
};

const toggleFullScreen = () => {
  try {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  } catch {
    // Full screen refused (an iframe, an old browser): the stage stays in the window.
  }
};

const Slide = ({ kind, award }: { kind: AwardKind; award: Award }) => {
  const loc = locale.value;
  return (
    <article class={`slide ${kind}`} data-line={award.productLineId}>
      <p class="slide-state">{awardTitle(kind, award.rank)}</p>
      <h1 id="stage-name">{lineName(award)}</h1>
      <p class="slide-unit">{unitName(award)}</p>
      <p class="slide-rate">
        {t("stageRate", { rate: percent(loc, award.negativeRate), n: number(loc, award.n) })}
      </p>
      <p class="slide-why">{oneSentence(explanationOf(award))}</p>
      <div class="slide-quotes">
        {award.citation.slice(0, 3).map((c) => (
          <blockquote key={c.signalId}>{c.text}</blockquote>
        ))}
      </div>
    </article>
  );
};

export const StagePage = () => {
  const r = route.value;
  const period = r.page === "stage" ? r.period : "";
  const index = useSignal(0);
  useSignalEffect(() => {
    if (token.value) void loadAwards(period, `${token.value}|${period}`);
  });
  const state = awardsState.value;
  const awards = state?.kind === "ready" && state.period === period ? state.awards : null;
  const slides: { kind: AwardKind; award: Award }[] = awards
    ? [
        ...awards.red.map((award) => ({ kind: "red" as const, award })),
        ...awards.rotten.map((award) => ({ kind: "rotten" as const, award })),
      ]
    : [];
  const count = slides.length;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const move = (by: number) => {
        event.preventDefault();
        index.value = Math.min(Math.max(index.value + by, 0), Math.max(count - 1, 0));
      };
      if (["ArrowRight", "PageDown", " "].includes(event.key)) move(1);
      else if (["ArrowLeft", "PageUp"].includes(event.key)) move(-1);
      else if (event.key === "f" || event.key === "F") toggleFullScreen();
      else if (event.key === "Escape") {
        if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
        navigate({ page: "awards", period });
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [count, period]);
  const current = slides[Math.min(index.value, Math.max(count - 1, 0))];
  const message = !token.value
    ? t("signInFirst")
    : state?.period !== period || state.kind === "loading"
      ? t("loading")
      : state.kind === "missing"
        ? t("awardsMissing", { period })
        : state.kind === "failed"
          ? t("failed", { message: state.message })
          : null;
  return (
    <main class="stage" aria-label={t("stageLabel", { period })}>
      <div class="stage-frame">
        {current ? (
          <Slide kind={current.kind} award={current.award} />
        ) : (
          <p class="slide-message">{message ?? t("noAwardLines", { minSample: awards?.minSample ?? "" })}</p>
        )}
        <p class="stage-foot">
          <a href={hrefOf({ page: "awards", period })}>{t("back")}</a>
          <span class="stage-hint">{t("stageHint")}</span>
          <span id="stage-position" aria-live="polite">
            {count ? `${Math.min(index.value, count - 1) + 1} / ${count}` : ""}
          </span>
        </p>
      </div>
    </main>
  );
};
