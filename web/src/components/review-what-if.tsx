/**
 * The what-if, shared by the review page and the policy page: a quarter dry-run under the current
 * settings and under proposed ones (two `POST /v1/reviews` with `dryRun`, the second with `policy`,
 * which also names the lines that would flip), shown side by side. Each result is keyed by what it was
 * asked for, so a page can tell whether the draft on screen is the one whose what-if is shown.
 */
import { type Signal, useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import type { PolicyPatch } from "#schemas/policy";
import type { Review } from "#schemas/review";
import { api } from "../api";
import { t } from "../state";
import { ErrorMessage } from "./loaded";
import { CompareTable } from "./review-compare-table";

export type WhatIfState =
  | { phase: "idle" }
  | { phase: "running"; key: string }
  | { phase: "ready"; key: string; current: Review; proposed: Review }
  | { phase: "failed"; key: string; error: Error };

/** What a what-if was asked for, as one comparable string. */
export const whatIfKey = (quarter: string, patch: PolicyPatch): string => JSON.stringify([quarter, patch]);

const dryRun = (quarter: string, policy?: PolicyPatch) =>
  api<Review>("/v1/reviews", {
    method: "POST",
    body: { quarter, dryRun: true, ...(policy ? { policy } : {}) },
  });

export const useWhatIf = (): {
  state: Signal<WhatIfState>;
  run: (quarter: string, patch: PolicyPatch) => Promise<void>;
} => {
  const state = useSignal<WhatIfState>({ phase: "idle" });
  const generation = useRef(0);
  const run = async (quarter: string, patch: PolicyPatch) => {
    const mine = ++generation.current;
    const key = whatIfKey(quarter, patch);
    state.value = { phase: "running", key };
    try {
      const [current, proposed] = await Promise.all([dryRun(quarter), dryRun(quarter, patch)]);
      if (mine === generation.current) state.value = { phase: "ready", key, current, proposed };
    } catch (error) {
      if (mine === generation.current)
        state.value = {
          phase: "failed",
          key,
          error: error instanceof Error ? error : new Error(String(error)),
        };
    }
  };
  return { state, run };
};

/** The what-if's result where it stands: computing, the API's refusal, or the side-by-side table. */
export const WhatIfResult = ({ state, onRetry }: { state: WhatIfState; onRetry: () => void }) => {
  switch (state.phase) {
    case "idle":
      return null;
    case "running":
      return (
        <p class="loading" role="status" aria-busy="true">
          {t("reviewWhatIfRunning")}
        </p>
      );
    case "failed":
      return <ErrorMessage error={state.error} onRetry={onRetry} />;
    case "ready":
      return <CompareTable current={state.current} proposed={state.proposed} />;
  }
};
