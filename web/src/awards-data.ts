/** The awards of one period as the awards page and the stage view read them, and finalizing them. */
import { signal } from "@preact/signals";
import type { Awards } from "#schemas/award";
import { ApiError, api } from "./api";

export type AwardsState =
  | { key: string; period: string; kind: "loading" }
  | { key: string; period: string; kind: "ready"; awards: Awards }
  | { key: string; period: string; kind: "missing" }
  | { key: string; period: string; kind: "failed"; message: string };

export const awardsState = signal<AwardsState | null>(null);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let generation = 0;

/** Reads the stored awards of `period` once per `key` (the period and who asks); a 404 is "not run yet". */
export const loadAwards = async (period: string, key: string): Promise<void> => {
  const current = awardsState.peek();
  if (current?.key === key && current.kind !== "failed") return;
  const mine = ++generation;
  awardsState.value = { key, period, kind: "loading" };
  try {
    const awards = await api<Awards>(`/v1/awards/${encodeURIComponent(period)}`);
    if (mine === generation) awardsState.value = { key, period, kind: "ready", awards };
  } catch (error) {
    if (mine !== generation) return;
    awardsState.value =
      error instanceof ApiError && error.status === 404
        ? { key, period, kind: "missing" }
        : { key, period, kind: "failed", message: messageOf(error) };
  }
};

/** Makes the period's awards final (the CCO team); answers the API's message when it refuses. */
export const finalizeAwards = async (period: string, key: string): Promise<string | null> => {
  try {
    const awards = await api<Awards>("/v1/awards", { method: "POST", body: { period, finalize: true } });
    generation++;
    awardsState.value = { key, period, kind: "ready", awards };
    return null;
  } catch (error) {
    return messageOf(error);
  }
};
