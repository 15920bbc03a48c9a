/**
 * The review page (`#/review[/<quarter>]`): a quarter's stored pull-and-fix review, or word that it
 * has not been run and what to do; for the CCO team a dry run, a real run after a confirmation
 * (it issues notices, so never by one stray click), and the what-if with proposed settings.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { Review } from "#schemas/review";
import { ApiError, api } from "../api";
import { can } from "../can";
import { ErrorMessage, Loaded } from "../components/loaded";
import { ReviewResult } from "../components/review-result";
import { ReviewWhatIfPanel } from "../components/review-what-if-panel";
import { policy } from "../data";
import { hasEnded, periods } from "../format";
import { useResource } from "../resource";
import { navigate, route } from "../router";
import { t, token } from "../state";

const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";
const quarters = () => periods(zone()).filter((p) => p.includes("-Q"));

/** The quarter in the address, else the last one that has ended (the one a real run can review). */
const chosenQuarter = (): string => {
  const r = route.value;
  return (r.page === "review" && r.quarter) || quarters()[1] || "";
};

/** The stored review, or null when the quarter has not been reviewed (the API's 404). */
const readStored = async (quarter: string): Promise<Review | null> => {
  try {
    return await api<Review>(`/v1/reviews/${encodeURIComponent(quarter)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

const QuarterPicker = ({ value }: { value: string }) => {
  const list = quarters();
  return (
    <label>
      {t("reviewQuarter")}{" "}
      <select
        id="review-quarter"
        value={value}
        onChange={(e) => navigate({ page: "review", quarter: e.currentTarget.value })}
      >
        {(list.includes(value) ? list : [value, ...list]).map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </label>
  );
};

type Running = { kind: "dry" | "real" } | null;

/** The question before a real run; focus moves to it, so a keyboard or screen-reader user meets it at once. */
const ConfirmRun = ({
  quarter,
  onConfirm,
  onCancel,
}: {
  quarter: string;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby="review-confirm-question" class="review-confirm">
      <p id="review-confirm-question">
        {t("reviewConfirm", { quarter, version: policy.value?.version ?? "" })}
      </p>
      <button id="review-confirm" type="button" ref={confirm} onClick={onConfirm}>
        {t("reviewConfirmRun")}
      </button>{" "}
      <button type="button" onClick={onCancel}>
        {t("cancel")}
      </button>
    </div>
  );
};

const RunControls = ({
  quarter,
  running,
  onRun,
}: {
  quarter: string;
  running: Running;
  onRun: (dryRun: boolean) => void;
}) => {
  const asking = useSignal(false);
  const ended = hasEnded(quarter, zone());
  const busy = running !== null;
  return (
    <div class="review-controls">
      <p class="note">{t("reviewRunHint")}</p>
      <button id="review-dry-run" type="button" disabled={busy} onClick={() => onRun(true)}>
        {t("reviewDryRun")}
      </button>{" "}
      {asking.value ? (
        <ConfirmRun
          quarter={quarter}
          onConfirm={() => {
            asking.value = false;
            onRun(false);
          }}
          onCancel={() => (asking.value = false)}
        />
      ) : (
        <button
          id="review-run"
          type="button"
          disabled={busy || !ended}
          aria-describedby={ended ? undefined : "review-not-ended"}
          onClick={() => (asking.value = true)}
        >
          {t("reviewRun")}
        </button>
      )}
      {!ended && (
        <p id="review-not-ended" class="note">
          {t("reviewNotEnded", { quarter })}
        </p>
      )}
      {running && (
        <p id="review-progress" class="loading" role="status" aria-busy="true">
          <span class="spinner" aria-hidden="true" />{" "}
          {t(running.kind === "dry" ? "reviewDryRunning" : "reviewRunning", { quarter })}
        </p>
      )}
    </div>
  );
};

export const ReviewPage = () => {
  const quarter = chosenQuarter();
  const stored = useResource(token.value && quarter ? `review|${quarter}` : null, () => readStored(quarter));
  const dry = useSignal<Review | null>(null);
  const running = useSignal<Running>(null);
  const runError = useSignal<Error | null>(null);
  if (!token.value) return <p class="empty">{t("signInFirst")}</p>;
  const mayRun = can("reviews.run");
  // A dry run answers for its own quarter only; picking another shows that quarter's stored review.
  const shownDry = dry.value?.quarter === quarter ? dry.value : null;

  const run = async (dryRun: boolean) => {
    running.value = { kind: dryRun ? "dry" : "real" };
    runError.value = null;
    const started = performance.now();
    try {
      const review = await api<Review>("/v1/reviews", { method: "POST", body: { quarter, dryRun } });
      if (dryRun) dry.value = review;
      else {
        dry.value = null;
        await stored.reload();
      }
    } catch (error) {
      runError.value = error instanceof Error ? error : new Error(String(error));
    } finally {
      running.value = null;
      console.info(
        `review ${dryRun ? "dry run" : "run"} of ${quarter}: ${Math.round(performance.now() - started)} ms`,
      );
    }
  };

  return (
    <section id="review-section" aria-labelledby="review-title">
      <div class="toolbar">
        <h2 id="review-title">{t("reviewTitle")}</h2>
        <QuarterPicker value={quarter} />
      </div>
      {mayRun && <RunControls quarter={quarter} running={running.value} onRun={(d) => void run(d)} />}
      {runError.value && <ErrorMessage error={runError.value} />}
      {shownDry ? (
        <ReviewResult review={shownDry} onBack={() => (dry.value = null)} />
      ) : (
        <Loaded resource={stored}>
          {(review) =>
            review ? (
              <ReviewResult review={review} />
            ) : (
              <p id="review-not-run" class="empty">
                {t(mayRun ? "reviewNotRun" : "reviewNotRunReader", { quarter })}
              </p>
            )
          }
        </Loaded>
      )}
      {mayRun && policy.value && <ReviewWhatIfPanel key={quarter} quarter={quarter} current={policy.value} />}
    </section>
  );
};
