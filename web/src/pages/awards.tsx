/**
 * The awards page: a period's Red and Rotten Strawberries as cards, preview or final in words, the
 * way onto the stage and, for the CCO team, finalizing a period that has ended.
 */
import { useSignal, useSignalEffect } from "@preact/signals";
import { type AwardsState, awardsState, finalizeAwards, loadAwards } from "../awards-data";
import { AwardCard } from "../components/award-card";
import { policy } from "../data";
import { dateTime, hasEnded, number, percent, periods } from "../format";
import { hrefOf, navigate, route } from "../router";
import { locale, role, t, token } from "../state";

const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

/** The awards page's period: the one in the address, else the last ended quarter. */
export const chosenPeriod = (): string => {
  const r = route.value;
  return ("period" in r && r.period) || periods(zone())[1] || "";
};

const PeriodPicker = ({ value }: { value: string }) => {
  const list = periods(zone());
  return (
    <label>
      {t("period")}{" "}
      <select
        id="awards-period"
        value={value}
        onChange={(e) => navigate({ page: "awards", period: e.currentTarget.value })}
      >
        {(list.includes(value) ? list : [value, ...list]).map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
};

const Finalize = ({ period, finalized }: { period: string; finalized: boolean }) => {
  const asking = useSignal(false);
  const message = useSignal<string | null>(null);
  if (role.value !== "cco" || finalized) return null;
  const ended = hasEnded(period, zone());
  const confirm = async () => {
    asking.value = false;
    message.value = await finalizeAwards(period, `${token.value}|${period}`);
  };
  return (
    <div class="finalize">
      {asking.value ? (
        <div role="alertdialog" aria-labelledby="finalize-question">
          <span id="finalize-question">{t("finalizeConfirm", { period })}</span>{" "}
          <button id="finalize-confirm" type="button" onClick={() => void confirm()}>
            {t("confirmFinalize")}
          </button>{" "}
          <button type="button" onClick={() => (asking.value = false)}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          id="finalize"
          type="button"
          disabled={!ended}
          aria-describedby={ended ? undefined : "finalize-hint"}
          onClick={() => {
            message.value = null;
            asking.value = true;
          }}
        >
          {t("finalize")}
        </button>
      )}
      {!ended && (
        <span id="finalize-hint" class="note">
          {" "}
          {t("finalizeNotEnded")}
        </span>
      )}
      {message.value && (
        <p id="finalize-error" role="alert" class="error">
          {t("failed", { message: message.value })}
        </p>
      )}
    </div>
  );
};

const Body = ({ state }: { state: AwardsState }) => {
  const loc = locale.value;
  if (state.kind === "loading") return <p class="loading">{t("loading")}</p>;
  if (state.kind === "failed")
    return (
      <p id="awards-error" role="alert" class="error">
        {t("failed", { message: state.message })}
      </p>
    );
  if (state.kind === "missing")
    return (
      <>
        <p id="awards-empty" class="empty">
          {t("awardsMissing", { period: state.period })}
        </p>
        <Finalize period={state.period} finalized={false} />
      </>
    );
  const { awards } = state;
  return (
    <>
      <p id="awards-status" class={awards.finalized ? "final" : "preview"}>
        {awards.finalized
          ? t("awardsFinal", { at: dateTime(loc, awards.finalizedAt, zone()) })
          : t("awardsPreview", { at: dateTime(loc, awards.computedAt, zone()) })}
      </p>
      <Finalize period={state.period} finalized={awards.finalized} />
      {awards.red.length + awards.rotten.length > 0 && (
        <p>
          <a id="stage-link" href={hrefOf({ page: "stage", period: state.period })}>
            {t("stageOpen")}
          </a>
        </p>
      )}
      {awards.red.length === 0 && (
        <p class="empty">{t("noAwardLines", { minSample: number(loc, awards.minSample) })}</p>
      )}
      {(["red", "rotten"] as const).map((kind) =>
        awards[kind].length === 0 ? null : (
          <section key={kind} id={`awards-${kind}`} aria-labelledby={`awards-${kind}-title`}>
            <h3 id={`awards-${kind}-title`} class={`awards-heading ${kind}`}>
              {t(kind)}
            </h3>
            <div class="award-cards">
              {awards[kind].map((a) => (
                <AwardCard key={a.productLineId} award={a} kind={kind} />
              ))}
            </div>
          </section>
        ),
      )}
      <p class="note">
        {t("eligibleNote", {
          eligible: number(loc, awards.eligible),
          lines: number(loc, awards.lines),
          minSample: number(loc, awards.minSample),
          pooled: percent(loc, awards.pooledRate),
          version: awards.policyVersion,
        })}
      </p>
    </>
  );
};

export const AwardsPage = () => {
  const period = chosenPeriod();
  useSignalEffect(() => {
    const chosen = chosenPeriod();
    if (token.value && chosen) void loadAwards(chosen, `${token.value}|${chosen}`);
  });
  if (!token.value) return <p class="empty">{t("signInFirst")}</p>;
  const state = awardsState.value;
  return (
    <section id="awards-section" aria-labelledby="awards-title">
      <div class="toolbar">
        <h2 id="awards-title">{t("awardsTitle")}</h2>
        <PeriodPicker value={period} />
      </div>
      {state && state.period === period ? <Body state={state} /> : <p class="loading">{t("loading")}</p>}
    </section>
  );
};
